import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotPath } from "../../../test/helpers/snapshots.ts";
import { fetchDocument, type FetchDocumentOptions } from "./fetch-document.ts";
import { FetchError } from "./fetch-error.ts";

type Handler = (request: IncomingMessage, response: ServerResponse, hit: number) => void;

const handlers = new Map<string, Handler>();
const requests = new Map<string, IncomingHttpHeaders[]>();
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "/";
    const seen = requests.get(path) ?? [];
    seen.push(request.headers);
    requests.set(path, seen);
    const handler = handlers.get(path);
    if (handler) handler(request, response, seen.length);
    else response.writeHead(500).end("no handler");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Registers a handler on a fresh path and returns its URL. */
function serve(path: string, handler: Handler): string {
  handlers.set(path, handler);
  return `${origin}${path}`;
}

function hits(url: string): number {
  return requests.get(new URL(url).pathname)?.length ?? 0;
}

/** Options with a recording sleep: retries cost no wall time and their delays can be asserted. */
function fastOptions(overrides: Partial<FetchDocumentOptions> = {}) {
  const delays: number[] = [];
  const options: FetchDocumentOptions = {
    format: "json",
    timeoutMs: 2_000,
    retries: 2,
    backoff: { baseDelayMs: 100, maxDelayMs: 1_000, maxRetryAfterMs: 10_000 },
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  };
  return { options, delays };
}

async function fetchError(url: string, options: FetchDocumentOptions): Promise<FetchError> {
  const error = await fetchDocument(url, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

const MODELS = JSON.stringify({ data: [{ id: "openai/gpt-5", pricing: { prompt: "0.00000125", completion: "0.00001" } }] });

describe("fetchDocument", () => {
  it("returns the body as a document named by the URL, with validators and our request headers", async () => {
    const url = serve("/ok", (_request, response) => {
      response
        .writeHead(200, {
          "content-type": "application/json; charset=utf-8",
          etag: '"v1"',
          "last-modified": "Wed, 01 Jul 2026 00:00:00 GMT",
        })
        .end(MODELS);
    });
    const { options } = fastOptions({ headers: { "x-api-key": "secret" } });

    const result = await fetchDocument(url, options);

    expect(result).toEqual({
      kind: "document",
      document: { name: url, body: MODELS, contentType: "application/json; charset=utf-8" },
      validators: { etag: '"v1"', lastModified: "Wed, 01 Jul 2026 00:00:00 GMT" },
      attempts: 1,
    });
    const [headers] = requests.get("/ok") ?? [];
    expect(headers?.["user-agent"]).toMatch(/^pricewar\/\d+\.\d+\.\d+\S* \(\+https:\/\/github\.com\/pricewar\/pricewar\)$/);
    expect(headers?.accept).toMatch(/^application\/json/);
    expect(headers?.["x-api-key"]).toBe("secret");
    expect(headers?.["if-none-match"]).toBeUndefined();
  });

  it("sends the validators and returns not-modified on 304", async () => {
    const url = serve("/conditional", (request, response) => {
      if (request.headers["if-none-match"] === '"v1"') response.writeHead(304, { etag: '"v1"' }).end();
      else response.writeHead(200, { etag: '"v1"' }).end(MODELS);
    });
    const { options } = fastOptions({
      validators: { etag: '"v1"', lastModified: "Wed, 01 Jul 2026 00:00:00 GMT" },
    });

    const result = await fetchDocument(url, options);

    expect(result).toEqual({
      kind: "not-modified",
      validators: { etag: '"v1"', lastModified: "Wed, 01 Jul 2026 00:00:00 GMT" },
      attempts: 1,
    });
    const [headers] = requests.get("/conditional") ?? [];
    expect(headers?.["if-none-match"]).toBe('"v1"');
    expect(headers?.["if-modified-since"]).toBe("Wed, 01 Jul 2026 00:00:00 GMT");
  });

  it("retries a 503 with jittered backoff and then succeeds", async () => {
    const url = serve("/flaky-503", (_request, response, hit) => {
      if (hit === 1) response.writeHead(503, { "content-type": "text/plain" }).end("upstream overloaded");
      else response.writeHead(200, { "content-type": "application/json" }).end(MODELS);
    });
    const { options, delays } = fastOptions();

    const result = await fetchDocument(url, options);

    expect(result.kind).toBe("document");
    expect(result.attempts).toBe(2);
    // First retry: ceiling 100 ms, half fixed + half * random(0.5).
    expect(delays).toEqual([75]);
  });

  it("retries after the connection is reset and then succeeds", async () => {
    const url = serve("/reset", (request, response, hit) => {
      if (hit === 1) request.socket.destroy();
      else response.writeHead(200, { "content-type": "application/json" }).end(MODELS);
    });
    const { options, delays } = fastOptions();

    const result = await fetchDocument(url, options);

    expect(result.attempts).toBe(2);
    expect(hits(url)).toBe(2);
    expect(delays).toEqual([75]);
  });

  it("reports a network error once the retries are used up", async () => {
    const url = serve("/always-reset", (request) => request.socket.destroy());
    const { options, delays } = fastOptions({ retries: 1 });

    const error = await fetchError(url, options);

    expect(error.kind).toBe("network");
    expect(error.message).toContain(url);
    expect(error.message).toContain("gave up after 2 attempts");
    expect(hits(url)).toBe(2);
    expect(delays).toEqual([75]);
  });

  it("does not retry a 404 and names the URL, the status and the body", async () => {
    const url = serve("/missing", (_request, response) => {
      response.writeHead(404, { "content-type": "text/plain" }).end("model list not found");
    });
    const { options, delays } = fastOptions({ retries: 3 });

    const error = await fetchError(url, options);

    expect(error.kind).toBe("http");
    expect(error.status).toBe(404);
    expect(error.message).toBe(`${url}: HTTP 404: model list not found`);
    expect(hits(url)).toBe(1);
    expect(delays).toEqual([]);
  });

  it("waits as long as Retry-After says on 429 and 503", async () => {
    const url = serve("/rate-limited", (_request, response, hit) => {
      if (hit === 1) response.writeHead(429, { "retry-after": "2" }).end("slow down");
      else if (hit === 2) response.writeHead(503, { "retry-after": "1" }).end("maintenance");
      else response.writeHead(200, { "content-type": "application/json" }).end(MODELS);
    });
    const { options, delays } = fastOptions({ retries: 3 });

    const result = await fetchDocument(url, options);

    expect(result.attempts).toBe(3);
    expect(delays).toEqual([2_000, 1_000]);
  });

  it("gives up at once when Retry-After asks for longer than the policy allows", async () => {
    const url = serve("/rate-limited-long", (_request, response) => {
      response.writeHead(429, { "retry-after": "3600" }).end("daily quota exceeded");
    });
    const { options, delays } = fastOptions({ retries: 3 });

    const error = await fetchError(url, options);

    expect(error.kind).toBe("http");
    expect(error.status).toBe(429);
    expect(error.message).toContain('not retried: Retry-After "3600"');
    expect(hits(url)).toBe(1);
    expect(delays).toEqual([]);
  });

  it("times out a server that never answers, quickly", async () => {
    const url = serve("/hang", () => {});
    const { options, delays } = fastOptions({ timeoutMs: 150, retries: 1 });
    const started = Date.now();

    const error = await fetchError(url, options);

    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("no response within 150 ms");
    expect(hits(url)).toBe(2);
    expect(delays).toEqual([75]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("counts the body in the timeout: a body that stalls mid-way times out", async () => {
    const url = serve("/stall-body", (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"data": [');
    });
    const { options } = fastOptions({ timeoutMs: 150, retries: 0 });
    const started = Date.now();

    const error = await fetchError(url, options);

    expect(error.kind).toBe("timeout");
    expect(error.message).toContain("body not complete within 150 ms");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("propagates the caller's abort instead of retrying", async () => {
    const url = serve("/hang-abort", () => {});
    const controller = new AbortController();
    const { options } = fastOptions({ signal: controller.signal, retries: 3 });
    setTimeout(() => controller.abort(new Error("run cancelled")), 50);

    await expect(fetchDocument(url, options)).rejects.toThrow("run cancelled");
    expect(hits(url)).toBe(1);
  });

  it("propagates the caller's abort during the backoff wait", async () => {
    const url = serve("/down-abort", (_request, response) => response.writeHead(502).end("bad gateway"));
    const controller = new AbortController();
    const options: FetchDocumentOptions = {
      format: "json",
      retries: 3,
      signal: controller.signal,
      backoff: { baseDelayMs: 60_000, maxDelayMs: 60_000, maxRetryAfterMs: 60_000 },
    };
    setTimeout(() => controller.abort(new Error("shutting down")), 50);
    const started = Date.now();

    await expect(fetchDocument(url, options)).rejects.toThrow("shutting down");
    expect(hits(url)).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("rejects an HTML page served to a JSON source without retrying", async () => {
    const url = serve("/html-for-json", (_request, response) => {
      response
        .writeHead(200, { "content-type": "text/html" })
        .end("<!DOCTYPE html><html><head><title>Models</title></head><body><h1>Sign in</h1></body></html>");
    });
    const { options } = fastOptions();

    const error = await fetchError(url, options);

    expect(error.kind).toBe("wrong-format");
    expect(error.message).toContain("expected JSON but got HTML");
    expect(hits(url)).toBe(1);
  });

  it("rejects a JSON document cut in half (complete transfer) as truncated, without retrying", async () => {
    const half = MODELS.slice(0, Math.floor(MODELS.length / 2));
    const url = serve("/half-json", (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" }).end(half);
    });
    const { options } = fastOptions();

    const error = await fetchError(url, options);

    expect(error.kind).toBe("truncated");
    expect(error.message).toContain("ends mid-document");
    expect(hits(url)).toBe(1);
  });

  it("rejects a body shorter than its Content-Length (connection closed early) as truncated", async () => {
    const half = MODELS.slice(0, Math.floor(MODELS.length / 2));
    const url = serve("/lying-length", (request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": String(MODELS.length) });
      response.write(half, () => request.socket.destroy());
    });
    const { options, delays } = fastOptions({ retries: 1 });

    const error = await fetchError(url, options);

    expect(error.kind).toBe("truncated");
    expect(error.message).toContain(`of the ${MODELS.length} bytes announced by Content-Length`);
    // A dropped connection is transient: it was retried once.
    expect(hits(url)).toBe(2);
    expect(delays).toEqual([75]);
  });

  it("recognises the recorded bot-challenge page served with 403 as blocked, without retrying", async () => {
    const challenge = readFileSync(
      snapshotPath("pages/openai/blocked/platform.openai.com_docs_pricing.challenge-page.2026-05-08.html"),
      "utf8",
    );
    const url = serve("/challenge", (_request, response) => {
      response.writeHead(403, { "content-type": "text/html; charset=UTF-8" }).end(challenge);
    });
    const { options } = fastOptions({ format: "html" });

    const error = await fetchError(url, options);

    expect(error.kind).toBe("blocked");
    expect(error.status).toBe(403);
    expect(error.message).toContain("Cloudflare challenge");
    expect(hits(url)).toBe(1);
  });

  it("rejects an empty body", async () => {
    const url = serve("/empty", (_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "0" }).end();
    });
    const { options } = fastOptions();

    const error = await fetchError(url, options);

    expect(error.kind).toBe("empty");
    expect(hits(url)).toBe(1);
  });
});

/**
 * The payload size limit: a body past its source's limit is refused while it streams in
 * (live) or before it is read (replay), with "payload of N MB exceeds the M MB limit of
 * <source>", not retried, and the run fails writing nothing.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { fetchDocument } from "../../src/jobs/fetch/fetch-document.ts";
import { FetchError } from "../../src/jobs/fetch/fetch-error.ts";
import { DEFAULT_PAYLOAD_LIMIT_BYTES, payloadLimitOf, payloadTooLargeMessage } from "../../src/jobs/fetch/payload-limit.ts";
import { ReplayError, readReplayDocuments } from "../../src/jobs/fetch/replay.ts";
import { liveLoader, replayLoader } from "../../src/jobs/load-documents.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";

const MB = 1024 * 1024;
const database = useTestDatabase();
let server: Server;
let base: string;
/** Bytes the endless endpoint managed to write before the client hung up. */
let endlessWritten = 0;
let endlessClosed: Promise<void> = Promise.resolve();
const hits = new Map<string, number>();

const jsonChunk = Buffer.from(`${" ".repeat(64 * 1024 - 1)}\n`);

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === "/declared.json") {
      // Announces 3 MB and sends nothing more: the client must refuse on the header alone.
      response.writeHead(200, { "content-type": "application/json", "content-length": String(3 * MB) });
      response.write("{");
      return;
    }
    if (path === "/endless.json") {
      // Chunked, no Content-Length, never ends: only the streaming count can stop it.
      response.writeHead(200, { "content-type": "application/json" });
      endlessWritten = 0;
      endlessClosed = new Promise((resolve) => response.once("close", resolve));
      response.write("{");
      const pump = () => {
        while (!response.destroyed && response.write(jsonChunk)) endlessWritten += jsonChunk.length;
        if (!response.destroyed) response.once("drain", pump);
      };
      pump();
      return;
    }
    if (path === "/small.json") {
      response.writeHead(200, { "content-type": "application/json" });
      return void response.end(JSON.stringify({ ok: true, pad: "x".repeat(MB / 2) }));
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

const oneMegabyte = { bytes: MB, owner: "litellm" };

describe("live fetch", () => {
  it("refuses a body whose Content-Length is past the limit, without reading it or retrying", async () => {
    const error = await rejection(fetchDocument(`${base}/declared.json`, { format: "json", retries: 2, sizeLimit: oneMegabyte }));
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).kind).toBe("too-large");
    expect(error.message).toBe(`${base}/declared.json: payload of 3 MB exceeds the 1 MB limit of litellm`);
    expect(hits.get("/declared.json")).toBe(1);
  });

  it("stops reading a chunked body as soon as it passes the limit", async () => {
    const started = Date.now();
    const error = await rejection(fetchDocument(`${base}/endless.json`, { format: "json", retries: 2, sizeLimit: oneMegabyte, timeoutMs: 10_000 }));
    expect(error.message).toBe(`${base}/endless.json: payload of more than 1 MB exceeds the 1 MB limit of litellm`);
    expect(hits.get("/endless.json")).toBe(1);
    // The connection is closed: the server stops well short of the 10 s timeout, having sent about the limit.
    await endlessClosed;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(endlessWritten).toBeLessThan(8 * MB);
  });

  it("accepts a body under the limit, and applies 8 MB when no limit is given", async () => {
    const result = await fetchDocument(`${base}/small.json`, { format: "json", sizeLimit: oneMegabyte });
    expect(result.kind === "document" && JSON.parse(result.document.body).ok).toBe(true);
    expect(payloadLimitOf(litellmSource)).toEqual({ bytes: DEFAULT_PAYLOAD_LIMIT_BYTES, owner: "litellm" });
    expect(DEFAULT_PAYLOAD_LIMIT_BYTES).toBe(8 * MB);
  });

  it("fails the run of a source whose own limit the body passes, writing nothing", async () => {
    const source = { ...litellmSource, urls: [`${base}/small.json`], maxPayloadBytes: MB / 4 };
    const run = await runSource(database().db, source, { trigger: "manual", at: new Date("2026-01-01T00:00:00Z"), load: liveLoader(database().db, { env: {}, timeoutMs: 5_000 }) });
    expect(run.status).toBe("failed");
    expect(run.error).toContain("small.json: payload of more than 0.3 MB exceeds the 0.3 MB limit of litellm");
    const periods = await database().db.execute<{ n: number }>(sql`select count(*)::int as n from price_periods`);
    expect((Array.isArray(periods) ? periods : (periods as { rows: { n: number }[] }).rows)[0]!.n).toBe(0);
  });
});

describe("replay", () => {
  const folder = mkdtempSync(join(tmpdir(), "pricewar-limit-"));
  writeFileSync(join(folder, "big.json"), Buffer.alloc(2 * MB, " "));
  // 6 MB of spaces gzip to a few KB: the compressed size says nothing, the inflated size is what is refused.
  writeFileSync(join(folder, "bomb.json.gz"), gzipSync(Buffer.alloc(6 * MB, " ")));

  it("refuses a file past the limit before reading it, naming the source", async () => {
    const error = await rejection(replayLoader(join(folder, "big.json"))({ ...litellmSource, maxPayloadBytes: MB }));
    expect(error).toBeInstanceOf(ReplayError);
    expect(error.message).toBe(`replay ${join(folder, "big.json")}: payload of 2 MB exceeds the 1 MB limit of litellm`);
  });

  it("stops inflating a .gz file at the limit", async () => {
    const error = await rejection(readReplayDocuments(join(folder, "bomb.json.gz"), oneMegabyte));
    expect(error.message).toBe(`replay ${join(folder, "bomb.json.gz")}: gunzipped payload of more than 1 MB exceeds the 1 MB limit of litellm`);
  });

  it("reads both under the default 8 MB limit", async () => {
    const documents = await readReplayDocuments(folder);
    expect(documents.map((document) => [document.name, document.body.length])).toEqual([
      ["big.json", 2 * MB],
      ["bomb.json", 6 * MB],
    ]);
  });
});

describe("the message", () => {
  it("names the size, the limit and its owner, and says 'more than' when the size rounds to the limit", () => {
    const limit = { bytes: 16 * MB, owner: "portkey" };
    expect(payloadTooLargeMessage(limit, 50 * MB)).toBe("payload of 50 MB exceeds the 16 MB limit of portkey");
    expect(payloadTooLargeMessage(limit, 16 * MB + 1500)).toBe("payload of more than 16 MB exceeds the 16 MB limit of portkey");
    expect(payloadTooLargeMessage(limit)).toBe("payload of more than 16 MB exceeds the 16 MB limit of portkey");
  });
});

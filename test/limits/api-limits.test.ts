/**
 * API limits over real HTTP (server on 127.0.0.1, port 0): tRPC batches capped at 10
 * calls, every range and list bounded, control characters answered 400 on every
 * procedure over tRPC and /api/v1, and a time limit on every request.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInputProblem } from "../../src/api/input-guard.ts";
import { withTimeLimit } from "../../src/api/request-time-limit.ts";
import { indexQueryProcedures } from "../../src/api/rest/procedure-index.ts";
import { appRouter } from "../../src/api/router.ts";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { publicProcedure, router } from "../../src/api/trpc.ts";
import { MAX_BATCH_CALLS } from "../../src/api/trpc-batch-limit.ts";
import { useTestDatabase } from "../helpers/database.ts";

const database = useTestDatabase();
let http: RunningServer;
let base: string;

beforeAll(async () => {
  http = await startHttpServer({ db: database().db, connection: database() }, 0, "127.0.0.1");
  base = `http://127.0.0.1:${http.port}`;
});
afterAll(async () => {
  await http?.close();
});

async function get(path: string): Promise<{ status: number; body: { error?: { code?: string; message?: string } | string } & Record<string, unknown>; bytes: number }> {
  const response = await fetch(`${base}${path}`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

/** tRPC's error shape for a single call, and ours for a refused request. */
function messageOf(body: Record<string, unknown>): string {
  const error = body.error as { message?: string; json?: { message?: string } } | undefined;
  return error?.message ?? error?.json?.message ?? JSON.stringify(body);
}

const trpcInput = (input: unknown) => `input=${encodeURIComponent(JSON.stringify(input))}`;

describe("tRPC batches", () => {
  it(`answers a batch of ${MAX_BATCH_CALLS} calls and refuses ${MAX_BATCH_CALLS + 1} with a 400 that states the cap`, async () => {
    const batch = (calls: number) => `/trpc/${Array(calls).fill("tasks.list").join(",")}?batch=1&${trpcInput({})}`;
    const allowed = await fetch(`${base}${batch(MAX_BATCH_CALLS)}`);
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as unknown[]).length).toBe(MAX_BATCH_CALLS);

    const refused = await get(batch(40));
    expect(refused.status).toBe(400);
    expect(messageOf(refused.body)).toBe("a batch may hold at most 10 calls; this one holds 40: split it");
  });
});

describe("control characters and overlong strings", () => {
  const procedures = indexQueryProcedures(appRouter);

  it("every procedure answers 400 to a NUL in a string parameter, over tRPC", async () => {
    expect(procedures.length).toBeGreaterThan(20);
    for (const procedure of procedures) {
      const { status, body } = await get(`/trpc/${procedure.path}?${trpcInput({ model: "gpt\u00004o" })}`);
      expect({ path: procedure.path, status }).toEqual({ path: procedure.path, status: 400 });
      expect(messageOf(body)).toBe("model: control character U+0000 at position 3 is not allowed");
    }
  });

  it("over /api/v1 too, in a plain, a list and a nested parameter, and for other controls", async () => {
    const cases: Array<[path: string, message: string]> = [
      ["/api/v1/models/resolve?name=gpt-4o%00", "name: control character U+0000 at position 6 is not allowed"],
      ["/api/v1/best?task=coding&providers=openai,open%01ai", "providers.1: control character U+0001 at position 4 is not allowed"],
      ["/api/v1/prices/current?provider=%7Fopenai", "provider: control character U+007F at position 0 is not allowed"],
      [`/api/v1/simulate?workload=${encodeURIComponent(JSON.stringify([{ task: "coding\n", share: 1, minQuality: 0.5 }]))}`, "workload.0.task: control character U+000A at position 6 is not allowed"],
    ];
    for (const [path, message] of cases) {
      const { status, body } = await get(path);
      expect({ path, status, message: messageOf(body) }).toEqual({ path, status: 400, message });
    }
  });

  it("refuses a string parameter over 500 characters", async () => {
    const { status, body } = await get(`/api/v1/models/resolve?name=${"a".repeat(501)}`);
    expect(status).toBe(400);
    expect(messageOf(body)).toBe("name: 501 characters; at most 500 are allowed");
  });

  it("finds a problem at any depth without recursing, and passes clean input", () => {
    let deep: unknown = "bad\u0000";
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(findInputProblem(deep)?.message).toBe("control character U+0000 at position 3 is not allowed");
    expect(findInputProblem({ task: "coding", providers: ["openai", "groq"], maxPrice: 3, asOf: "2026-01-01" })).toBeNull();
    expect(findInputProblem({ "a\u0000": 1 })?.message).toBe("parameter name: control character U+0000 at position 1 is not allowed");
  });
});

describe("ranges and lists", () => {
  it("refuses dates outside 2000-01-01..2100-12-31, which bounds an open cutsPerMonth to 1,212 months", async () => {
    const early = await get("/api/v1/pricewar/cutsPerMonth?since=0001-01-01&until=9999-12-31");
    expect(early.status).toBe(400);
    expect(messageOf(early.body)).toContain("dates must lie between 2000-01-01 and 2100-12-31");

    const widest = await fetch(`${base}/api/v1/pricewar/cutsPerMonth?since=2000-01-01&until=2100-12-31`);
    const text = await widest.text();
    expect(widest.status).toBe(200);
    expect((JSON.parse(text) as unknown[]).length).toBe(1212);
    expect(Buffer.byteLength(text)).toBeLessThan(150_000);
  });

  it("refuses an as-of date past the bound on every dated procedure", async () => {
    for (const path of ["/api/v1/prices/at?date=2200-01-01", "/api/v1/best?task=coding&asOf=1999-12-31", "/api/v1/pricewar/changes?since=1970-01-01"]) {
      const { status, body } = await get(path);
      expect({ path, status }).toEqual({ path, status: 400 });
      expect(messageOf(body)).toContain("between 2000-01-01 and 2100-12-31");
    }
  });

  it("refuses a seller list of more than 50 names", async () => {
    const providers = Array.from({ length: 51 }, (_, index) => `seller${index}`).join(",");
    const { status, body } = await get(`/api/v1/best?task=coding&providers=${providers}`);
    expect(status).toBe(400);
    expect(messageOf(body)).toMatch(/providers: Too big: expected array to have <=50 items/);
  });
});

describe("request time limit", () => {
  it("answers 503 at the limit, drops the late answer, and keeps serving", async () => {
    let finishedLate = false;
    const slowRouter = router({
      slow: publicProcedure.query(async () => {
        await sleep(400);
        finishedLate = true;
        return "late";
      }),
      fast: publicProcedure.query(() => "fast"),
    });
    const trpc = createHTTPHandler({ router: slowRouter, basePath: "/trpc/", createContext: () => ({ db: database().db, connection: database() }) });
    const timedOut: string[] = [];
    const limited = withTimeLimit((request, response) => trpc(request, response), { timeoutMs: 100, onTimeout: (url) => timedOut.push(url.pathname) });
    const server: Server = createServer((request, response) => void limited(request, response, new URL(request.url ?? "/", "http://localhost")));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      const response = await fetch(`${origin}/trpc/slow`);
      expect(Date.now() - started).toBeLessThan(350);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toEqual({ error: { code: "TIMEOUT", message: "the request took longer than the 100 ms time limit; narrow it or try again later" } });
      expect(timedOut).toEqual(["/trpc/slow"]);

      await sleep(500);
      expect(finishedLate).toBe(true);
      const after = await fetch(`${origin}/trpc/fast`);
      expect(after.status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("leaves a request under the limit alone", async () => {
    const response = await fetch(`${base}/api/v1/tasks`);
    expect(response.status).toBe(200);
  });
});

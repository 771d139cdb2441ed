import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artificialAnalysisSource } from "../../scrapers/artificial-analysis/index.ts";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { liveLoader, formatOfUrl } from "../../src/jobs/load-documents.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotDocument } from "../helpers/snapshots.ts";

const database = useTestDatabase();
const costMap = snapshotDocument("prices/litellm/model_prices_2024-11-13_e7543378b8.json").body;
const requests: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push({ path: request.url ?? "", headers: request.headers });
    if (request.url === "/cost-map.json") {
      if (request.headers["if-none-match"] === '"v1"') return void response.writeHead(304).end();
      response.writeHead(200, { "content-type": "application/json", etag: '"v1"' });
      return void response.end(costMap);
    }
    if (request.url === "/html.json") {
      response.writeHead(200, { "content-type": "text/html" });
      return void response.end("<!doctype html><html><body>Sign in</body></html>");
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const loader = (env: Record<string, string> = {}) => liveLoader(database().db, { env, timeoutMs: 5_000 });
const periodCount = async () => {
  const result = await database().db.execute<{ n: number }>(sql`select count(*)::int as n from price_periods`);
  return (Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows)[0]!.n;
};

describe("live loading through the fetch layer", () => {
  it("fetches, archives, and on the next run sends the ETag and reuses the archived body on 304", async () => {
    const source = { ...litellmSource, urls: [`${base}/cost-map.json`] };
    const first = await runSource(database().db, source, { trigger: "manual", at: new Date("2024-11-13T00:00:00Z"), load: loader() });
    expect(first).toMatchObject({ status: "succeeded", parsed: 528 });
    const second = await runSource(database().db, source, { trigger: "manual", at: new Date("2024-11-14T00:00:00Z"), load: loader() });
    expect(second).toMatchObject({ status: "succeeded", parsed: 528, changed: 0 });
    const costMapRequests = requests.filter((r) => r.path === "/cost-map.json");
    expect(costMapRequests.map((r) => r.headers["if-none-match"] ?? null)).toEqual([null, '"v1"']);
    expect(costMapRequests[0]!.headers["user-agent"]).toMatch(/^pricewar\//);
  });

  it("fails a run whose JSON URL answers HTML, naming the problem, and leaves history intact", async () => {
    const before = await periodCount();
    const source = { ...litellmSource, urls: [`${base}/html.json`] };
    const run = await runSource(database().db, source, { trigger: "manual", at: new Date("2024-11-15T00:00:00Z"), load: loader() });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/html\.json/);
    expect(run.error).toMatch(/HTML/i);
    expect(await periodCount()).toBe(before);
  });

  it("reports a keyed source as disabled without its key, and sends the key in its header with one", async () => {
    const source = { ...artificialAnalysisSource, urls: [`${base}/aa.json`] };
    const disabled = await runSource(database().db, source, { trigger: "manual", load: loader(), env: {} });
    expect(disabled).toMatchObject({ status: "disabled", error: "disabled: set ARTIFICIAL_ANALYSIS_API_KEY to enable this source" });
    const env = { ARTIFICIAL_ANALYSIS_API_KEY: "secret-key" };
    const keyed = await runSource(database().db, source, { trigger: "manual", load: loader(env), env });
    expect(keyed.status).toBe("failed");
    expect(requests.find((r) => r.path === "/aa.json")?.headers["x-api-key"]).toBe("secret-key");
    expect(keyed.error).not.toMatch(/secret-key/);
  });

  it("checks each URL of a mixed source by its own extension", () => {
    expect(formatOfUrl("https://x.test/table_2026_01_08.csv", "json")).toBe("csv");
    expect(formatOfUrl("https://x.test/categories.json?raw=1", "csv")).toBe("json");
    expect(formatOfUrl("https://x.test/pricing", "html")).toBe("html");
  });
});

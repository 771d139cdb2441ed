/**
 * First start on an empty database: every enabled source runs once, a few at a time; an
 * unreachable source is recorded failed with its error; a keyed source without its key is
 * recorded disabled; a source disabled by configuration does not run.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { asc, eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { artificialAnalysisSource } from "../../scrapers/artificial-analysis/index.ts";
import type { BenchmarkSource, PriceSource } from "../../scrapers/source.ts";
import { modelPointers, scrapeRuns } from "../../src/db/schema/index.ts";
import { priceObservationSchema } from "../../src/domain/observation.ts";
import { healthReport } from "../../src/domain/health.ts";
import { Scheduler } from "../../src/jobs/scheduler/scheduler.ts";
import { resolveSchedules } from "../../src/jobs/scheduler/schedules.ts";
import { useTestDatabase } from "../helpers/database.ts";

const database = useTestDatabase();
let server: Server;
let base: string;
let inFlight = 0;
let mostAtOnce = 0;

beforeAll(async () => {
  server = createServer(async (_request, response) => {
    mostAtOnce = Math.max(mostAtOnce, ++inFlight);
    await delay(300);
    inFlight--;
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const testSource = (id: string, url: string): BenchmarkSource => ({
  id,
  kind: "benchmark",
  description: `first-start test source ${id}`,
  urls: [url],
  format: "json",
  schedule: { cron: "0 0 1 1 *", tz: "UTC", timeoutMs: 10_000, retries: 0 },
  replayPaths: ["unused.json"],
  benchmarks: [{ id, name: id, scale: "percent", higherIsBetter: true, description: "", url }],
  parse: () => ({ observations: [], skipped: [] }),
});

it("runs every enabled source once, two at a time (one on PGlite), and reports the unreachable one failed", async () => {
  const closedPort = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const sources = [
    ...["one", "two", "three", "four"].map((id) => testSource(`first-${id}`, `${base}/${id}.json`)),
    testSource("first-unreachable", `http://127.0.0.1:${closedPort}/models.json`),
    testSource("first-off", `${base}/off.json`),
    { ...artificialAnalysisSource, urls: [`${base}/aa.json`] },
  ];
  const schedules = resolveSchedules(sources, { "first-off": { enabled: false } });
  const scheduler = new Scheduler({ connection: database(), schedules, logger: pino({ level: "silent" }), env: { HTTP_TIMEOUT_MS: 5_000 } });

  const outcomes = await scheduler.start();
  await scheduler.stop();

  const runs = await database().db.select().from(scrapeRuns).orderBy(asc(scrapeRuns.id));
  expect(Object.fromEntries(runs.map((run) => [run.sourceId, run.status]))).toEqual({
    "first-one": "succeeded",
    "first-two": "succeeded",
    "first-three": "succeeded",
    "first-four": "succeeded",
    "first-unreachable": "failed",
    "artificial-analysis": "disabled",
  });
  expect(runs.every((run) => run.trigger === "startup")).toBe(true);
  expect(runs.find((run) => run.sourceId === "first-unreachable")?.error).toMatch(/models\.json: request failed: .*ECONNREFUSED/);
  // Two at a time on Postgres; one at a time on PGlite, which answers one query at a time.
  expect(mostAtOnce).toBe(database().kind === "postgres" ? 2 : 1);
  expect(outcomes.get("first-unreachable")).toMatchObject({ status: "ran", runs: [{ status: "failed" }] });
  expect(outcomes.has("first-off")).toBe(false);

  const health = await healthReport({ db: database().db, connection: database(), schedules });
  const byId = Object.fromEntries(health.sources.map((source) => [source.id, source]));
  expect(byId["first-one"]).toMatchObject({ enabled: true, lastRun: { status: "succeeded", trigger: "startup", error: null }, stale: false });
  expect(byId["first-unreachable"]).toMatchObject({ enabled: true, lastRun: { status: "failed", error: expect.stringMatching(/ECONNREFUSED/) }, lastSuccessAt: null, stale: true });
  expect(byId["artificial-analysis"]).toMatchObject({ enabled: true, lastRun: { status: "disabled" }, stale: null });
  expect(byId["first-off"]).toMatchObject({ enabled: false, lastRun: null, stale: null });

  const again = new Scheduler({ connection: database(), schedules, logger: pino({ level: "silent" }), env: { HTTP_TIMEOUT_MS: 5_000 } });
  expect((await again.runFirstStart()).size).toBe(0);
  await again.stop();
});

it("records the floating names' reviewed pointers once the first start has put their snapshots in the catalogue", async () => {
  const priced = (model: string) => priceObservationSchema.parse({ provider: "deepseek", model, input: "0.27", output: "1.1" });
  const deepseek: PriceSource = {
    id: "first-deepseek",
    kind: "price",
    authority: "community",
    fullSnapshot: false,
    description: "first-start test source with a floating name and two of its snapshots",
    urls: [`${base}/deepseek.json`],
    format: "json",
    schedule: { cron: "0 0 1 1 *", tz: "UTC", timeoutMs: 10_000, retries: 0 },
    replayPaths: ["unused.json"],
    parse: () => ({ observations: ["deepseek-chat", "deepseek-v3", "deepseek-v3-0324"].map(priced), skipped: [] }),
  };
  const scheduler = new Scheduler({ connection: database(), schedules: resolveSchedules([deepseek], {}), logger: pino({ level: "silent" }), env: { HTTP_TIMEOUT_MS: 5_000 } });
  await scheduler.start();
  await scheduler.stop();

  const pointers = await database()
    .db.select({ snapshot: modelPointers.snapshotModelId, from: modelPointers.validFrom, to: modelPointers.validTo })
    .from(modelPointers)
    .where(eq(modelPointers.floatingModelId, "deepseek/deepseek-chat"))
    .orderBy(asc(modelPointers.validFrom));
  // series.yaml: V3 from its release, V3-0324 from 2025-03-24; the later snapshots are not in this catalogue.
  expect(pointers).toEqual([
    { snapshot: "deepseek/deepseek-v3", from: new Date("2024-12-26T00:00:00Z"), to: new Date("2025-03-24T00:00:00Z") },
    { snapshot: "deepseek/deepseek-v3-0324", from: new Date("2025-03-24T00:00:00Z"), to: new Date("2025-08-21T00:00:00Z") },
  ]);
});

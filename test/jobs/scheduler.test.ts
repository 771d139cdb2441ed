/**
 * The scheduler on a real database (PGlite, or the server of TEST_DATABASE_URL): once per
 * tick across two instances, the hard deadline on a hung fetch, history left intact by a
 * failed run, data-change notifications between instances, health and metrics, shutdown.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anthropicDocsSource } from "../../scrapers/anthropic-docs/index.ts";
import { langfuseSource } from "../../scrapers/langfuse/index.ts";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import type { BenchmarkSource } from "../../scrapers/source.ts";
import { createServiceMetrics } from "../../src/api/metrics.ts";
import { openDatabase, type DatabaseConnection } from "../../src/db/client.ts";
import { healthReport } from "../../src/domain/health.ts";
import { openDataChangeBus, type DataChangeBus } from "../../src/jobs/scheduler/data-change-bus.ts";
import { Scheduler, type SchedulerOptions } from "../../src/jobs/scheduler/scheduler.ts";
import { resolveSchedules } from "../../src/jobs/scheduler/schedules.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { SNAPSHOTS_ROOT, snapshotDocument } from "../helpers/snapshots.ts";

const database = useTestDatabase();
const logger = pino({ level: "silent" });
const env = { HTTP_TIMEOUT_MS: 30_000 };

/** A second instance: its own connections on the server; on PGlite (one process) the same handle. */
async function secondInstance(): Promise<{ connection: DatabaseConnection; close(): Promise<void> }> {
  const { url } = database();
  if (!url) return { connection: database(), close: async () => {} };
  const connection = await openDatabase({ databaseUrl: url, maxConnections: 5 });
  return { connection, close: () => connection.close() };
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await database().db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

const historyCounts = () =>
  rows<{ periods: number; offerings: number; aliases: number; events: number }>(sql`
    select (select count(*)::int from price_periods) as periods, (select count(*)::int from offerings) as offerings,
           (select count(*)::int from aliases) as aliases, (select count(*)::int from change_events) as events`).then((r) => r[0]!);

describe("once per tick across instances", () => {
  const replayDir = mkdtempSync(join(tmpdir(), "pricewar-ticks-"));
  afterAll(() => rmSync(replayDir, { recursive: true, force: true }));
  writeFileSync(join(replayDir, "tick.json"), "{}");
  // A source as small as can be: every second, one empty payload, nothing to write.
  const tickSource: BenchmarkSource = {
    id: "test-ticks",
    kind: "benchmark",
    description: "scheduler test source",
    urls: ["https://example.invalid/tick.json"],
    format: "json",
    schedule: { cron: "* * * * * *", tz: "UTC", timeoutMs: 5_000, retries: 0 },
    replayPaths: ["tick.json"],
    benchmarks: [{ id: "test-ticks", name: "ticks", scale: "percent", higherIsBetter: true, description: "", url: "https://example.invalid/" }],
    parse: () => ({ observations: [], skipped: [] }),
  };
  const skips: string[] = [];
  const options = (connection: DatabaseConnection): SchedulerOptions => ({
    connection,
    schedules: resolveSchedules([tickSource]),
    logger,
    env,
    replayDir,
    observer: { runFinished: () => {}, tickSkipped: (_id, reason) => skips.push(reason) },
  });

  it("runs each tick exactly once when two instances tick every second", async () => {
    const other = await secondInstance();
    const a = new Scheduler(options(database()));
    const b = new Scheduler(options(other.connection));
    skips.length = 0;
    try {
      await Promise.all([a.start(), b.start()]);
      await delay(3_300);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await other.close();
    }
    const perTick = await rows<{ observed: Date; runs: number; ms: number }>(sql`
      select observed_at as observed, count(*)::int as runs, (extract(milliseconds from observed_at) * 1000)::int % 1000000 % 1000 as ms
      from scrape_runs where source_id = 'test-ticks' group by observed_at order by observed_at`);
    expect(perTick.every((tick) => tick.runs === 1), JSON.stringify(perTick)).toBe(true);
    // The first start's run (observed "now") and at least two whole-second ticks. Ticks
    // were contended: the other instance found the source busy or the tick already run
    // (on a loaded machine one instance's timer can miss a second, so not every tick).
    const ticks = perTick.filter((tick) => tick.ms === 0).length;
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(skips.filter((reason) => reason === "busy" || reason === "already-ran").length).toBeGreaterThanOrEqual(1);
  });

  it("lets one of two simultaneous handlers run a tick, and a late (skewed) one finds it done", async () => {
    const other = await secondInstance();
    const a = new Scheduler(options(database()));
    const b = new Scheduler(options(other.connection));
    try {
      const tick = new Date("2030-01-01T00:00:00Z");
      const outcomes = await Promise.all([a.runTick("test-ticks", tick), b.runTick("test-ticks", new Date(tick.getTime() + 300))]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["ran", "skipped"]);
      expect(outcomes.find((outcome) => outcome.status === "skipped")).toMatchObject({ reason: expect.stringMatching(/^(busy|already-ran)$/) });
      expect(await b.runTick("test-ticks", new Date(tick.getTime() + 700))).toEqual({ status: "skipped", reason: "already-ran" });
      expect(await a.runTick("test-ticks", new Date(tick.getTime() + 1000))).toMatchObject({ status: "ran" });
      const [{ runs }] = (await rows<{ runs: number }>(
        sql`select count(*)::int as runs from scrape_runs where source_id = 'test-ticks' and observed_at >= '2030-01-01'`,
      )) as [{ runs: number }];
      expect(runs).toBe(2);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await other.close();
    }
  });
});

describe("a source whose fetch hangs", () => {
  const costMap = snapshotDocument("prices/litellm/model_prices_2023-11-14_e1a567a353.json").body;
  let hang = false;
  const hung: ServerResponse[] = [];
  let server: Server;
  let source: typeof litellmSource;
  const metrics = createServiceMetrics();
  let busA: DataChangeBus;
  let busB: DataChangeBus;
  let other: Awaited<ReturnType<typeof secondInstance>>;
  const heardByB: string[] = [];

  beforeAll(async () => {
    server = createServer((_request, response) => {
      if (hang) return void hung.push(response);
      response.writeHead(200, { "content-type": "application/json" }).end(costMap);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    source = { ...litellmSource, urls: [`http://127.0.0.1:${(server.address() as AddressInfo).port}/prices.json`] };
    other = await secondInstance();
    busA = await openDataChangeBus(database());
    busB = await openDataChangeBus(other.connection);
    busB.subscribe((sourceId) => heardByB.push(sourceId));
  });
  afterAll(async () => {
    for (const response of hung) response.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await busA.close();
    await busB.close();
    await other.close();
  });

  const scheduler = (timeoutMs: number) =>
    new Scheduler({
      connection: database(),
      schedules: resolveSchedules([source], { litellm: { timeoutMs, retries: 0 } }),
      logger,
      env,
      bus: busA,
      observer: metrics,
    });

  it("is cut at its deadline and recorded failed; history stays; the next tick runs normally", async () => {
    const instance = scheduler(800);
    const first = await instance.runTick("litellm", new Date("2030-02-01T00:00:00Z"));
    expect(first).toMatchObject({ status: "ran", runs: [{ status: "succeeded" }] });
    expect(first.status === "ran" && first.runs[0]!.changed).toBeGreaterThan(0);
    const before = await historyCounts();

    hang = true;
    const started = Date.now();
    const timedOut = await instance.runTick("litellm", new Date("2030-02-01T01:00:00Z"));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(timedOut).toMatchObject({ status: "ran", runs: [{ status: "failed", error: "litellm: run timed out after 800 ms (the source's timeoutMs)" }] });
    expect(await historyCounts()).toEqual(before);

    hang = false;
    const next = await instance.runTick("litellm", new Date("2030-02-01T02:00:00Z"));
    expect(next).toMatchObject({ status: "ran", runs: [{ status: "succeeded", changed: 0 }] });
    expect(await historyCounts()).toEqual(before);

    const text = await metrics.registry.metrics();
    expect(text).toMatch(/pricewar_scrape_runs_total\{source="litellm",status="succeeded"\} 2/);
    expect(text).toMatch(/pricewar_scrape_runs_total\{source="litellm",status="failed"\} 1/);
    expect(text).toMatch(/pricewar_scrape_failures_total\{source="litellm",reason="timeout"\} 1/);
    expect(text).toMatch(/pricewar_scrape_run_duration_seconds_count\{source="litellm",status="failed"\} 1/);
  });

  it("tells the other instance that the source's data changed (LISTEN/NOTIFY on a server)", async () => {
    // The first run above changed rows: the publish went out then.
    await expect.poll(() => heardByB, { timeout: 5_000 }).toContain("litellm");
    const heardByA: string[] = [];
    busA.subscribe((sourceId) => heardByA.push(sourceId));
    await busB.publish("openrouter");
    await expect.poll(() => heardByA, { timeout: 5_000 }).toEqual(["openrouter"]);
  });

  it("reports each source's last run and staleness on /healthz", async () => {
    const schedules = resolveSchedules([source, { ...litellmSource, id: "never-ran" }], { "never-ran": { enabled: false } });
    const report = await healthReport({ db: database().db, connection: database(), schedules });
    expect(report.status).toBe("ok");
    expect(report.sources).toEqual([
      expect.objectContaining({ id: "litellm", enabled: true, schedule: "17 3 * * * (UTC)", lastRun: expect.objectContaining({ status: "succeeded" }), stale: false }),
      expect.objectContaining({ id: "never-ran", enabled: false, lastRun: null, lastSuccessAt: null, stale: null }),
    ]);
  });

  it("on stop, aborts a run still loading its payload and records it failed", async () => {
    hang = true;
    const instance = scheduler(60_000);
    const tick = instance.runTick("litellm", new Date("2030-02-01T03:00:00Z"));
    await delay(300);
    const started = Date.now();
    await instance.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await tick).toMatchObject({ status: "ran", runs: [{ status: "failed", error: "run aborted: the service is shutting down" }] });
    expect(await instance.runTick("litellm", new Date("2030-02-01T04:00:00Z"))).toEqual({ status: "skipped", reason: "stopping" });
    hang = false;
  });
});

describe("replay mode", () => {
  it("ingests a never-run source's recorded history oldest first, then replays the newest payload on each tick", async () => {
    const instance = new Scheduler({
      connection: database(),
      schedules: resolveSchedules([langfuseSource, anthropicDocsSource]),
      logger,
      env,
      replayDir: SNAPSHOTS_ROOT,
    });
    try {
      const first = await instance.runFirstStart();
      const observed = (id: string) => {
        const outcome = first.get(id);
        return outcome?.status === "ran" ? outcome.runs.map((run) => run.status) : outcome;
      };
      expect(observed("langfuse")).toEqual(["succeeded", "succeeded"]);
      expect(observed("anthropic-docs")).toEqual(["succeeded", "succeeded", "succeeded"]);
      const history = await rows<{ source: string; trigger: string; observed: string }>(sql`
        select source_id as source, trigger::text as trigger, to_char(observed_at at time zone 'UTC', 'YYYY-MM-DD') as observed
        from scrape_runs where source_id in ('langfuse', 'anthropic-docs') order by source_id, id`);
      expect(history).toEqual([
        ...["2025-10-20", "2026-04-26", "2026-08-17"].map((day) => ({ source: "anthropic-docs", trigger: "backfill", observed: day })),
        ...["2025-05-27", "2026-08-21"].map((day) => ({ source: "langfuse", trigger: "backfill", observed: day })),
      ]);

      const tick = await instance.runTick("anthropic-docs", new Date("2030-03-01T00:00:00Z"));
      expect(tick).toMatchObject({ status: "ran", runs: [{ status: "succeeded", changed: 0 }] });
      const runId = tick.status === "ran" ? tick.runs[0]!.runId : 0;
      const documents = await rows<{ name: string }>(sql`select name from scrape_run_documents where run_id = ${runId}`);
      expect(documents).toEqual([{ name: "platform.claude.com_docs_en_about-claude_pricing.md.2026-08-17.md" }]);
    } finally {
      await instance.stop();
    }
  });
});

/**
 * The database goes away while the service serves and a run is in flight, then comes
 * back (a TCP proxy in front of the server resets every connection, then forwards again).
 * The process stays up; /healthz answers 503 and the other routes a clear 503 while it is
 * down; the run in flight is recorded failed, with a short reason, once the database is
 * back; the next tick runs and succeeds.
 *
 * Server only (describe.runIf(TEST_DATABASE_URL)): PGlite lives inside the process and
 * cannot be taken away from it.
 */
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { langfuseSource } from "../../scrapers/langfuse/index.ts";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { openDatabase, type DatabaseConnection } from "../../src/db/client.ts";
import { syncSources } from "../../src/db/queries/catalogue.ts";
import { scrapeRuns } from "../../src/db/schema/index.ts";
import { readReplayDocuments } from "../../src/jobs/fetch/replay.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { Scheduler } from "../../src/jobs/scheduler/scheduler.ts";
import { resolveSchedules } from "../../src/jobs/scheduler/schedules.ts";
import { TEST_DATABASE_URL, useTestDatabase } from "../helpers/database.ts";
import { SNAPSHOTS_ROOT, snapshotPath } from "../helpers/snapshots.ts";
import { tcpProxy, type TcpProxy } from "./tcp-proxy.ts";

const logger = pino({ level: "silent" });

describe.runIf(TEST_DATABASE_URL)("the database goes down and comes back (server only)", () => {
  const database = useTestDatabase();
  let proxy: TcpProxy;
  let connection: DatabaseConnection;
  let http: RunningServer;
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${http.port}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    proxy = await tcpProxy(database().url!);
    connection = await openDatabase({ databaseUrl: proxy.url, maxConnections: 3 });
    http = await startHttpServer({ db: connection.db, connection, logger }, 0, "127.0.0.1");
  });
  afterAll(async () => {
    await http?.close();
    await connection?.close();
    await proxy?.close();
  });

  it("serves 503s while it is down, records the run in flight failed when it returns, and runs the next tick", async () => {
    expect((await get("/healthz")).status).toBe(200);
    expect((await get("/api/v1/models")).status).toBe(200);

    // A run that has started and is loading its payload when the database goes.
    await syncSources(connection.db, [langfuseSource]);
    const documents = await readReplayDocuments(snapshotPath(langfuseSource.replayPaths![0]!));
    let release!: () => void;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    const inFlight = runSource(connection.db, langfuseSource, {
      trigger: "manual",
      load: async () => {
        await loaded;
        return documents;
      },
    });
    await expect.poll(() => database().db.select().from(scrapeRuns).where(eq(scrapeRuns.status, "running")), { timeout: 5_000 }).toHaveLength(1);

    proxy.cut();
    const health = await get("/healthz");
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: "down", database: { reachable: false } });
    for (const path of ["/api/v1/models", "/trpc/models.list", "/feeds/prices.csv"]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(503);
      expect(answer.body.error, path).toMatch(/^database unavailable \(database .+\): try again shortly$/);
    }

    // The run writes while the database is down: its transaction is tried 4 times, then the run fails; its
    // outcome cannot be recorded yet (finishRun keeps trying for ~15 s, then leaves it to a background retry).
    release();
    const summary = await inFlight;
    expect(summary).toMatchObject({ status: "failed", error: expect.stringMatching(/^database .+ \(retried 3 times\)$/) });
    const runRow = async () => (await database().db.select().from(scrapeRuns).where(eq(scrapeRuns.id, summary.runId)))[0]!;
    expect((await runRow()).status).toBe("running");

    // The database returns: the run is recorded failed, with the short reason, within one background retry.
    proxy.restore();
    await expect.poll(async () => (await runRow()).status, { timeout: 10_000, interval: 250 }).toBe("failed");
    expect((await runRow()).error).toBe(summary.error);

    // Back: within seconds health and routes answer again (the availability probe rechecks every 2 s), and the next tick runs.
    await expect.poll(async () => (await get("/healthz")).status, { timeout: 5_000, interval: 250 }).toBe(200);
    await expect.poll(async () => (await get("/api/v1/models")).status, { timeout: 5_000, interval: 250 }).toBe(200);
    const scheduler = new Scheduler({
      connection,
      schedules: resolveSchedules([langfuseSource]),
      logger,
      env: { HTTP_TIMEOUT_MS: 30_000 },
      replayDir: SNAPSHOTS_ROOT,
    });
    try {
      const tick = await scheduler.runTick(langfuseSource.id, new Date());
      expect(tick).toMatchObject({ status: "ran", runs: [{ status: "succeeded" }] });
    } finally {
      await scheduler.stop();
    }
  }, 120_000);
});

/**
 * Fills a database from the full replay of every price source, as a replay-mode first
 * start does (dated histories backfilled, then the newest payload): the database the
 * feed benches measure. Benchmarks do not feed prices, so they are left out.
 */
import { pino } from "pino";
import { SOURCES } from "../scrapers/registry.ts";
import type { DatabaseConnection } from "../src/db/client.ts";
import { Scheduler } from "../src/jobs/scheduler/scheduler.ts";
import { resolveSchedules } from "../src/jobs/scheduler/schedules.ts";

export async function fillFromReplay(connection: Pick<DatabaseConnection, "db" | "sql">, replayDir: string): Promise<void> {
  const priceSources = SOURCES.filter((source) => source.kind === "price");
  const scheduler = new Scheduler({
    connection,
    schedules: resolveSchedules(priceSources, {}),
    logger: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
    env: { HTTP_TIMEOUT_MS: 30_000 },
    replayDir,
  });
  await scheduler.runFirstStart();
  await scheduler.stop();
}

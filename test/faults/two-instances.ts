/**
 * Two scheduler instances (each with its own connections, as two processes would have) on
 * one Postgres database, in replay mode on real payloads, for a bounded time; then the
 * figures the issue asks for: deadlocks (the server's own count for the database, and run
 * errors that mention one), failed runs, ticks run twice, ticks run by nobody. Shared by
 * the suite's short test (test/faults/two-instances.test.ts) and the long measurement
 * (bench/two-instances.ts).
 */
import { setTimeout as delay } from "node:timers/promises";
import type { Logger } from "../../src/config/logger.ts";
import { openDatabase, type DatabaseConnection } from "../../src/db/client.ts";
import { scrapeRuns } from "../../src/db/schema/index.ts";
import { SchedulerStoppedError } from "../../src/jobs/scheduler/run-deadline.ts";
import { Scheduler, type SkipReason } from "../../src/jobs/scheduler/scheduler.ts";
import { resolveSchedules } from "../../src/jobs/scheduler/schedules.ts";
import type { SourceDefinition } from "../../scrapers/source.ts";

/** Price sources whose catalogues overlap (the same models, providers, offerings), with short dated histories. */
export const CONTENDED_SOURCES = ["openrouter", "genai-prices", "llm-prices", "langfuse", "anthropic-docs"];

export interface TwoInstancesOptions {
  /** A migrated database of its own. */
  databaseUrl: string;
  /** How long the instances tick after their first start has finished. */
  sources: readonly SourceDefinition[];
  /** Seconds between ticks (a divisor of 60). */
  everySeconds: number;
  durationMs: number;
  replayDir: string;
  logger: Logger;
}

export interface TwoInstancesFigures {
  runs: number;
  /** Runs that failed while the instances ran (not those the final stop cut short). */
  failedRuns: Array<{ source: string; error: string | null }>;
  /** Runs the final stop aborted while they loaded their payload, or recorded as interrupted. */
  cutByStop: number;
  /** pg_stat_database.deadlocks of the database, over the whole time. */
  serverDeadlocks: number;
  runErrorsMentioningDeadlock: number;
  /** (source, tick) pairs with more than one run. */
  ticksRunTwice: string[];
  /** (source, tick) pairs after the first start with no run, though the source was idle. */
  ticksMissed: string[];
  ticksRun: number;
  skips: Record<SkipReason, number>;
  firstStartMs: number;
}

interface Row {
  source: string;
  observed: Date;
  started: Date;
  finished: Date | null;
  status: string;
  trigger: string;
  error: string | null;
}

export async function runTwoInstances(options: TwoInstancesOptions): Promise<TwoInstancesFigures> {
  const [a, b] = await Promise.all([0, 1].map(() => openDatabase({ databaseUrl: options.databaseUrl, maxConnections: 5 })));
  const connections = [a!, b!];
  const deadlocksNow = async () => {
    const [row] = await connections[0]!.sql!<[{ deadlocks: number }]>`
      select deadlocks::int as deadlocks from pg_stat_database where datname = current_database()`;
    return row!.deadlocks;
  };
  const skips: Record<SkipReason, number> = { stopping: 0, overlap: 0, busy: 0, "already-ran": 0 };
  /** When each source's ticks were skipped because a run of it was still queued or going (in either instance). */
  const heldAt = new Map<string, number[]>();
  const skipped = (sourceId: string, reason: SkipReason) => {
    skips[reason]++;
    if (reason === "overlap" || reason === "busy") heldAt.set(sourceId, [...(heldAt.get(sourceId) ?? []), Date.now()]);
  };
  const schedules = resolveSchedules(options.sources, { "*": { cron: `*/${options.everySeconds} * * * * *`, tz: "UTC" } });
  const schedulerOf = (connection: DatabaseConnection) =>
    new Scheduler({
      connection,
      schedules,
      logger: options.logger,
      env: { HTTP_TIMEOUT_MS: 30_000 },
      replayDir: options.replayDir,
      observer: { runFinished: () => {}, tickSkipped: skipped },
    });
  const deadlocksBefore = await deadlocksNow();
  const schedulers = connections.map(schedulerOf);
  const began = Date.now();
  let firstStartMs = 0;
  let stoppedAt = 0;
  try {
    await Promise.all(schedulers.map((scheduler) => scheduler.start()));
    firstStartMs = Date.now() - began;
    await delay(options.durationMs);
  } finally {
    stoppedAt = Date.now();
    await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
  }
  // The server counts deadlocks in its statistics, flushed about once a second.
  await delay(1_500);
  const serverDeadlocks = (await deadlocksNow()) - deadlocksBefore;
  const rows: Row[] = await connections[0]!.db
    .select({
      source: scrapeRuns.sourceId,
      observed: scrapeRuns.observedAt,
      started: scrapeRuns.startedAt,
      finished: scrapeRuns.finishedAt,
      status: scrapeRuns.status,
      trigger: scrapeRuns.trigger,
      error: scrapeRuns.error,
    })
    .from(scrapeRuns)
    .orderBy(scrapeRuns.startedAt);
  await Promise.all(connections.map((connection) => connection.close()));

  const tickRuns = rows.filter((row) => row.trigger === "replay" && row.observed.getTime() % 1000 === 0 && row.observed.getTime() >= began - 1000);
  const perTick = new Map<string, number>();
  for (const row of tickRuns) {
    const key = `${row.source}@${row.observed.toISOString()}`;
    perTick.set(key, (perTick.get(key) ?? 0) + 1);
  }
  return {
    runs: rows.length,
    failedRuns: rows.filter((row) => row.status === "failed" && !cutByStop(row)).map((row) => ({ source: row.source, error: row.error })),
    cutByStop: rows.filter(cutByStop).length,
    serverDeadlocks,
    runErrorsMentioningDeadlock: rows.filter((row) => row.error?.includes("deadlock")).length,
    ticksRunTwice: [...perTick].filter(([, count]) => count > 1).map(([key]) => key),
    ticksMissed: missedTicks(rows, heldAt, options, began + firstStartMs, stoppedAt),
    ticksRun: perTick.size,
    skips,
    firstStartMs,
  };
}

const cutByStop = (row: Row) =>
  row.status === "failed" && (row.error === new SchedulerStoppedError().message || (row.error?.startsWith("interrupted: the service shut down") ?? false));

/**
 * Ticks between the end of the first start and the stop that no instance ran for a source
 * although its previous run had finished by then: a tick is only excused while the
 * source's previous run still goes (no overlap, by design). "Goes" is its recorded run,
 * or the time before and after it that the run row does not show: a run waiting for a
 * slot in the scheduler's limiter, or holding the source's lock around its run row; a
 * scheduler that skipped the tick for that reason (overlap, busy) says so at the tick.
 */
function missedTicks(rows: readonly Row[], heldAt: ReadonlyMap<string, readonly number[]>, options: TwoInstancesOptions, from: number, until: number): string[] {
  const step = options.everySeconds * 1000;
  const missed: string[] = [];
  for (const source of options.sources) {
    const runs = rows.filter((row) => row.source === source.id);
    const ran = new Set(runs.map((row) => row.observed.getTime()));
    // The last tick may still be in flight when the stop comes: leave it out.
    for (let tick = Math.ceil(from / step) * step; tick < until - step; tick += step) {
      if (ran.has(tick)) continue;
      const busy = runs.some((row) => row.started.getTime() <= tick && (row.finished === null || row.finished.getTime() >= tick));
      const held = heldAt.get(source.id)?.some((at) => at >= tick && at < tick + step) ?? false;
      if (!busy && !held) missed.push(`${source.id}@${new Date(tick).toISOString()}`);
    }
  }
  return missed;
}

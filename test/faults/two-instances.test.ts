/**
 * Two instances on one Postgres database, every source on a 2-second schedule, in replay
 * mode on real payloads (five price sources that share models, providers and offerings,
 * each with its dated history to backfill on the first start): no deadlock, no failed
 * run, each job once per tick. Bounded to the first start plus 14 s of ticks here;
 * bench/two-instances.ts measures the 60 s and 5-second x 2-minute runs.
 *
 * Server only (describe.runIf(TEST_DATABASE_URL)): on PGlite there is one connection in
 * one process, so two instances cannot contend.
 */
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { sourceById } from "../../scrapers/registry.ts";
import { TEST_DATABASE_URL, useTestDatabase } from "../helpers/database.ts";
import { SNAPSHOTS_ROOT } from "../helpers/snapshots.ts";
import { CONTENDED_SOURCES, runTwoInstances } from "./two-instances.ts";

describe.runIf(TEST_DATABASE_URL)("two instances on a 2-second schedule (server only)", () => {
  const database = useTestDatabase();

  it("run each source once per tick with no deadlock and no failed run", async () => {
    const figures = await runTwoInstances({
      databaseUrl: database().url!,
      sources: CONTENDED_SOURCES.map(sourceById),
      everySeconds: 2,
      durationMs: 14_000,
      replayDir: SNAPSHOTS_ROOT,
      logger: pino({ level: "silent" }),
    });
    process.stdout.write(`two instances, 2 s schedule, first start + 14 s: ${JSON.stringify(figures)}\n`);
    expect(figures.serverDeadlocks).toBe(0);
    expect(figures.runErrorsMentioningDeadlock).toBe(0);
    expect(figures.failedRuns).toEqual([]);
    expect(figures.ticksRunTwice).toEqual([]);
    expect(figures.ticksMissed).toEqual([]);
    // Sources ran on ticks after their first start, and the other instance skipped each of those ticks.
    expect(figures.ticksRun).toBeGreaterThanOrEqual(CONTENDED_SOURCES.length * 2);
    expect(figures.skips.busy + figures.skips["already-ran"] + figures.skips.overlap).toBeGreaterThanOrEqual(figures.ticksRun);
  }, 90_000);
});

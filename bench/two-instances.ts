/**
 * Two scheduler instances on one fresh Postgres database, replaying five real price
 * sources that share models, providers and offerings (their dated histories backfilled on
 * the first start, then every tick): the issue's two measurements, a 2-second schedule
 * for 60 s and a 5-second schedule for 2 minutes. Goals: 0 deadlocks, 0 failed runs, each
 * tick run once.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/two-instances.ts [every-s duration-s]
 *
 * The URL names a database the user may create databases from; the bench works in a
 * throwaway one and drops it.
 */
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import postgres from "postgres";
import { pino } from "pino";
import { sourceById } from "../scrapers/registry.ts";
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { CONTENDED_SOURCES, runTwoInstances, type TwoInstancesFigures } from "../test/faults/two-instances.ts";

const SNAPSHOTS = process.env.PRICEWAR_SNAPSHOTS ?? resolve(import.meta.dirname, "../../shared/snapshots");
const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!adminUrl) {
  process.stderr.write("bench/two-instances: set TEST_DATABASE_URL (or DATABASE_URL) to a Postgres server\n");
  process.exit(2);
}
const [every, seconds] = process.argv.slice(2).map(Number);
const plans = every && seconds ? [{ every, seconds }] : [{ every: 2, seconds: 60 }, { every: 5, seconds: 120 }];

async function measure(everySeconds: number, seconds: number): Promise<TwoInstancesFigures> {
  const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
  const name = `two_instances_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  try {
    const setup = await openDatabase({ databaseUrl: url.toString(), maxConnections: 2 });
    await migrateDatabase(setup);
    await setup.close();
    return await runTwoInstances({
      databaseUrl: url.toString(),
      sources: CONTENDED_SOURCES.map(sourceById),
      everySeconds,
      durationMs: seconds * 1000,
      replayDir: SNAPSHOTS,
      logger: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
    });
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

for (const { every: everySeconds, seconds } of plans) {
  const figures = await measure(everySeconds, seconds);
  const ok = figures.serverDeadlocks === 0 && figures.failedRuns.length === 0 && figures.ticksRunTwice.length === 0 && figures.ticksMissed.length === 0;
  process.stdout.write(
    [
      `two instances, ${everySeconds}-second schedule, ${seconds} s, sources ${CONTENDED_SOURCES.join(", ")}: ${ok ? "ok" : "GOAL MISSED"}`,
      `  runs ${figures.runs} (first start ${(figures.firstStartMs / 1000).toFixed(1)} s, then ${seconds} s of ticks), ticks run ${figures.ticksRun}`,
      `  deadlocks ${figures.serverDeadlocks} (server count), run errors mentioning a deadlock ${figures.runErrorsMentioningDeadlock}`,
      `  failed runs ${figures.failedRuns.length}${figures.failedRuns.map((run) => `\n    ${run.source}: ${run.error?.slice(0, 300)}`).join("")} (and ${figures.cutByStop} cut short by the final stop)`,
      `  ticks run twice ${figures.ticksRunTwice.length}, ticks missed while idle ${figures.ticksMissed.length}${figures.ticksMissed.length > 0 ? ` (${figures.ticksMissed.slice(0, 10).join(", ")})` : ""}`,
      `  skipped ticks: ${Object.entries(figures.skips).map(([reason, count]) => `${reason} ${count}`).join(", ")}`,
      "",
    ].join("\n"),
  );
}

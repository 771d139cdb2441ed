/**
 * `node --import tsx bench/history-queries.ts`: the history queries at 1x and 50x history.
 *
 * Fills a fresh database from the full replay (every source, as a replay-mode first start
 * does), times each history query (p50 of ROUNDS calls after a warm-up), then multiplies
 * the history by 50: 49 more copies of every price period and change event (and the
 * measured benchmark's score periods), each copy shifted back in time into its own window
 * before the recorded history, and times the same queries again. Prints query, p50 at 1x,
 * p50 at 50x, ratio and the goal (50x p50 at most 2x the 1x p50; pricewar.index under 100 ms).
 * The series figures are asked from the first date of the 1x history: over the whole 50x
 * history (about 200 years of month-ends) they would pass the 1000-point limit of a series.
 *
 * PGlite in memory by default; with DATABASE_URL, a fresh database on that server
 * (created and dropped here). PRICEWAR_SNAPSHOTS overrides the snapshot folder.
 * BENCH_FILLED_DATABASE skips the fill by copying a database already filled from the
 * replay (left unchanged): a database name on the DATABASE_URL server (its template), or
 * a PGlite folder.
 */
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pino } from "pino";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { SOURCES } from "../scrapers/registry.ts";
import { createCaller } from "../src/api/router.ts";
import { openDatabase, type DatabaseConnection } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { syncTaskCatalogue } from "../src/db/queries/benchmarks.ts";
import { changesAfter, lastChangeId, latestChanges } from "../src/db/queries/change-feed.ts";
import { Scheduler } from "../src/jobs/scheduler/scheduler.ts";
import { resolveSchedules } from "../src/jobs/scheduler/schedules.ts";

const SNAPSHOTS = process.env.PRICEWAR_SNAPSHOTS ?? resolve(import.meta.dirname, "../../shared/snapshots");
const COPIES = 49;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const MODEL = "openai/gpt-4o";
const SELLER = "openrouter";
const CAPABILITY = { benchmark: "aider-polyglot", threshold: 50 };
const INDEX_GOAL_MS = 100;

interface BenchDatabase {
  connection: DatabaseConnection;
  drop(): Promise<void>;
}

const FILLED = process.env.BENCH_FILLED_DATABASE || undefined;

async function openBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    if (!FILLED) {
      const connection = await openDatabase({ pgliteDir: "memory://" });
      return { connection, drop: () => connection.close() };
    }
    const dir = mkdtempSync(join(tmpdir(), "pricewar-bench-history-"));
    cpSync(FILLED, dir, { recursive: true });
    const connection = await openDatabase({ pgliteDir: dir });
    return {
      connection,
      async drop() {
        await connection.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `pricewar_bench_history_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(FILLED ? `create database "${name}" template "${FILLED}"` : `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await openDatabase({ databaseUrl: url.toString(), maxConnections: 5 });
  return {
    connection,
    async drop() {
      await connection.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** Every source's recorded history, as a replay-mode first start ingests it. */
async function fillFromReplay(connection: DatabaseConnection): Promise<void> {
  await syncTaskCatalogue(connection.db, SOURCES);
  const scheduler = new Scheduler({
    connection,
    schedules: resolveSchedules(SOURCES, {}),
    logger: pino({ level: process.env.LOG_LEVEL ?? "silent" }),
    env: { HTTP_TIMEOUT_MS: 30_000 },
    replayDir: SNAPSHOTS,
  });
  await scheduler.runFirstStart();
  await scheduler.stop();
}

/** The rows of a raw query, whichever driver ran it (postgres-js: an array; PGlite: { rows }). */
async function select<T>(connection: DatabaseConnection, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await connection.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function columnsOf(connection: DatabaseConnection, table: string): Promise<string[]> {
  const rows = await select<{ column_name: string }>(
    connection,
    sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
  );
  return rows.map((row) => row.column_name);
}

/**
 * An INSERT copying a table's rows: every column as it is, but the overridden ones (an
 * override of a column the schema lacks is unused; a null override leaves the column to its default).
 */
async function copyStatement(connection: DatabaseConnection, table: string, overrides: Record<string, string | null>, from: string): Promise<string> {
  const columns = (await columnsOf(connection, table)).filter((column) => overrides[column] !== null);
  const values = columns.map((column) => overrides[column] ?? `t.${column}`);
  return `insert into ${table} (${columns.join(", ")}) select ${values.join(", ")} ${from}`;
}

/**
 * 49 more copies of the price history. Copy k of a row is shifted back by
 * shift(k) = (first real date - earliest stored start) + k * span, so every copy lies in
 * its own window before everything stored (the placeholder start of undated periods
 * included); an undated start is copied from the first real date. Copied ids are the
 * original's plus k times (highest id + 1), so events point at their copied periods.
 */
async function multiplyHistory(connection: DatabaseConnection): Promise<void> {
  const window = `(select
      least((select min(case when valid_from <= '1970-01-01' then valid_to else valid_from end) from price_periods),
            (select min(valid_from) from score_periods where benchmark_id = '${CAPABILITY.benchmark}')) as first_real,
      least((select min(valid_from) from price_periods), (select min(valid_from) from score_periods where benchmark_id = '${CAPABILITY.benchmark}')) as earliest,
      now() as last_date) w`;
  const shift = `((w.first_real - w.earliest) + k * (w.last_date - w.first_real + interval '1 day'))`;
  /** A period's copy k: its id moved by k steps of `idStep`, its dates shifted, never seen by a run. */
  const shiftedPeriod = (idStep: string) => ({
    id: `t.id + k * ${idStep}`,
    valid_from: `greatest(t.valid_from, w.first_real) - ${shift}`,
    valid_to: `coalesce(t.valid_to, w.last_date) - ${shift}`,
    last_seen_at: `least(t.last_seen_at, coalesce(t.valid_to, w.last_date)) - ${shift}`,
    seen_in_latest_run: "false",
    scrape_run_id: "null",
  });
  const statements = [
    `create temp table bench_window as select * from ${window}`,
    `create temp table bench_ids as select (select max(id) + 1 from price_periods) as periods, (select max(id) + 1 from score_periods) as scores`,
    await copyStatement(
      connection,
      "price_periods",
      shiftedPeriod("i.periods"),
      `from price_periods t, bench_window w, bench_ids i, generate_series(1, ${COPIES}) k
       where coalesce(t.valid_to, w.last_date) > greatest(t.valid_from, w.first_real)`,
    ),
    await copyStatement(
      connection,
      "change_events",
      {
        id: null,
        effective_at: `greatest(t.effective_at, w.first_real) - ${shift}`,
        old_period_id: "t.old_period_id + k * i.periods",
        new_period_id: "t.new_period_id + k * i.periods",
        scrape_run_id: "null",
      },
      `from change_events t, bench_window w, bench_ids i, generate_series(1, ${COPIES}) k
       where (t.old_period_id is null or exists (select 1 from price_periods p where p.id = t.old_period_id + k * i.periods))
         and (t.new_period_id is null or exists (select 1 from price_periods p where p.id = t.new_period_id + k * i.periods))
       on conflict do nothing`,
    ),
    await copyStatement(
      connection,
      "score_periods",
      shiftedPeriod("i.scores"),
      `from score_periods t, bench_window w, bench_ids i, generate_series(1, ${COPIES}) k
       where t.benchmark_id = '${CAPABILITY.benchmark}' and coalesce(t.valid_to, w.last_date) > greatest(t.valid_from, w.first_real)`,
    ),
    `select setval(pg_get_serial_sequence('price_periods', 'id'), (select max(id) from price_periods))`,
    `select setval(pg_get_serial_sequence('score_periods', 'id'), (select max(id) from score_periods))`,
    `drop table bench_window`,
    `drop table bench_ids`,
  ];
  // One transaction: one connection, so the temporary tables are seen by every statement.
  await connection.db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
  await connection.db.execute(sql`analyze`);
}

async function counts(connection: DatabaseConnection): Promise<string> {
  const [row] = await select<{ periods: number; events: number }>(
    connection,
    sql`select (select count(*) from price_periods)::int as periods, (select count(*) from change_events)::int as events`,
  );
  return `${row!.periods} price periods, ${row!.events} change events`;
}

type Query = { name: string; run: () => Promise<unknown> };

function queries(connection: DatabaseConnection, indexSince: string): Query[] {
  const caller = createCaller({ db: connection.db, connection });
  const { db } = connection;
  return [
    { name: "pricewar.changes (no filter)", run: () => caller.pricewar.changes({ limit: 200 }) },
    { name: "pricewar.changes (direction cut)", run: () => caller.pricewar.changes({ direction: "cut", limit: 200 }) },
    { name: `pricewar.changes (model ${MODEL})`, run: () => caller.pricewar.changes({ model: MODEL, limit: 200 }) },
    { name: `pricewar.changes (provider ${SELLER}, price)`, run: () => caller.pricewar.changes({ provider: SELLER, kind: "price", limit: 200 }) },
    { name: `prices.history (${MODEL}, first page of 100)`, run: () => caller.prices.history({ model: MODEL }) },
    // A page smaller than the model's 1x history: the same number of rows at 1x and 50x.
    { name: `prices.history (${MODEL}, first page of 50)`, run: () => caller.prices.history({ model: MODEL, limit: 50 }) },
    { name: "change feed: SSE catch-up (last 500)", run: async () => changesAfter(db, {}, Math.max(0, (await lastChangeId(db)) - 500), 500) },
    { name: `change feed: SSE catch-up (seller ${SELLER})`, run: async () => changesAfter(db, { seller: SELLER }, Math.max(0, (await lastChangeId(db)) - 5000), 500) },
    { name: "change feed: Atom (newest 100)", run: () => latestChanges(db, {}, 100) },
    { name: "change feed: Atom (cuts, newest 100)", run: () => latestChanges(db, { kind: "cut" }, 100) },
    { name: `pricewar.index (tier, since ${indexSince})`, run: () => caller.pricewar.index({ groupBy: "tier", since: indexSince }) },
    { name: `pricewar.index (seller kind, since ${indexSince})`, run: () => caller.pricewar.index({ groupBy: "providerKind", since: indexSince }) },
    { name: `pricewar.costOfCapability (${CAPABILITY.benchmark} >= ${CAPABILITY.threshold}, since ${indexSince})`, run: () => caller.pricewar.costOfCapability({ ...CAPABILITY, since: indexSince }) },
  ];
}

interface Timing {
  /** The first call: for the cached figures, the computation after a data change. */
  firstMs: number;
  p50Ms: number;
}

async function time(query: Query): Promise<Timing> {
  let started = performance.now();
  await query.run();
  const firstMs = performance.now() - started;
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    started = performance.now();
    await query.run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { firstMs, p50Ms: samples[Math.floor(samples.length / 2)]! };
}

async function measure(list: Query[]): Promise<Map<string, Timing>> {
  const timings = new Map<string, Timing>();
  for (const query of list) timings.set(query.name, await time(query));
  return timings;
}

const format = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

function report(one: Map<string, Timing>, fifty: Map<string, Timing>): void {
  const header = ["query", "p50 1x ms", "p50 50x ms", "ratio", "goal", "met", "first call 1x / 50x ms"];
  const rows = [...one].map(([name, at1]) => {
    const at50 = fifty.get(name)!;
    const ratio = at50.p50Ms / at1.p50Ms;
    const isIndex = name.startsWith("pricewar.index");
    const met = ratio <= 2 && (!isIndex || at50.p50Ms < INDEX_GOAL_MS);
    return [name, format(at1.p50Ms), format(at50.p50Ms), ratio.toFixed(2), isIndex ? `<= 2, < ${INDEX_GOAL_MS} ms` : "<= 2", met ? "yes" : "NO", `${format(at1.firstMs)} / ${format(at50.firstMs)}`];
  });
  const widths = header.map((_, column) => Math.max(header[column]!.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  process.stdout.write(`${line(header)}\n${line(widths.map((width) => "-".repeat(width)))}\n${rows.map(line).join("\n")}\n`);
}

const database = await openBenchDatabase();
try {
  const { connection } = database;
  process.stdout.write(`history queries on ${connection.kind} (${connection.location}); ${ROUNDS} rounds per query\n`);
  await migrateDatabase(connection);
  let started = performance.now();
  if (!FILLED) await fillFromReplay(connection);
  process.stdout.write(`${FILLED ? `copy of ${FILLED}` : "replay fill"}: ${((performance.now() - started) / 1000).toFixed(0)} s; 1x: ${await counts(connection)}\n`);
  // Planner statistics as a running service has them (PGlite has no autovacuum).
  await connection.db.execute(sql`analyze`);
  const [firstDate] = await select<{ first: string }>(
    connection,
    sql`select to_char(min(valid_from) at time zone 'UTC', 'YYYY-MM-DD') as first from price_periods where valid_from > '1970-01-01'`,
  );
  const indexSince = firstDate!.first;
  const list = queries(connection, indexSince);
  const one = await measure(list);
  for (const [name, timing] of one) process.stdout.write(`1x  ${name}: p50 ${format(timing.p50Ms)} ms, first call ${format(timing.firstMs)} ms\n`);
  started = performance.now();
  await multiplyHistory(connection);
  process.stdout.write(`multiplied in ${((performance.now() - started) / 1000).toFixed(0)} s; 50x: ${await counts(connection)}\n`);
  const fifty = await measure(list);
  report(one, fifty);
} finally {
  // BENCH_KEEP_DATABASE=1 keeps the 50x Postgres database for EXPLAIN (its name is in the log).
  if (process.env.BENCH_KEEP_DATABASE === "1" && database.connection.kind === "postgres") await database.connection.close();
  else await database.drop();
}

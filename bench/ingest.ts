/**
 * Ingest bench (issue 15, items 5 and 6): `node --import tsx bench/ingest.ts`.
 *
 * On a fresh database (PGlite in a temp dir; and Postgres when DATABASE_URL is set, on a
 * database created and dropped here), a child process runs the replay-mode first start of
 * every source (what `pricewar start` does before it serves: migrate, re-resolve, sync the
 * task catalogue, the scheduler's first start on PRICEWAR_REPLAY_DIR), then a second child
 * re-runs every source on the same data (a tick of each). Each child reports its wall time
 * and peak RSS (getrusage maxRSS); the re-run also the rows it wrote to the history tables
 * (pg_stat counters, every table but the run records) and the database's growth. Prints figure, value, goal, met.
 *
 * BENCH_MEMORY_TRACE=1 prints every memory sample to stderr (with LOG_LEVEL=info, between the run logs).
 * Options: --sources a,b (a subset), --databases pglite,postgres (which to bench; both by
 * default, Postgres when DATABASE_URL is set), --keep (keep the PGlite folder and the Postgres database).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import postgres from "postgres";

const SNAPSHOTS = resolve(import.meta.dirname, "../../shared/snapshots");
/** Run records: what a run writes about itself, whatever it saw. Every other table counts as written data. */
const RUN_RECORDS = ["scrape_runs", "scrape_run_documents", "source_sightings"];

interface ChildReport {
  ms: number;
  maxRssMb: number;
  runs: number;
  failed: number;
  /** Rows inserted, updated or deleted in the data tables (all but run records) during the phase. */
  rowsWritten: number;
  writtenByTable: Record<string, number>;
  dbBytes: number | null;
  /** At the end: the JS heap, and array buffers (PGlite's WASM memory, which never shrinks). */
  heapMb?: number;
  arrayBuffersMb?: number;
  /** process.memoryUsage() sampled every 100 ms: the sample with the highest RSS, in MB. */
  atPeak?: { rss: number; heapUsed: number; external: number; arrayBuffers: number };
}

type Phase = "first-start" | "rerun";

const { values } = parseArgs({
  options: { child: { type: "string" }, sources: { type: "string" }, databases: { type: "string" }, keep: { type: "boolean" } },
});

if (values.child) {
  await runChild(values.child as Phase, values.sources?.split(","));
  process.exit(0);
} else {
  await main();
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  const databases = values.databases?.split(",") ?? ["pglite", "postgres"];
  if (databases.includes("pglite")) rows.push(...(await benchDatabase("pglite")));
  if (!databases.includes("postgres")) rows.push(["postgres", "skipped: not in --databases", "", ""]);
  else if (process.env.DATABASE_URL) rows.push(...(await benchDatabase("postgres")));
  else rows.push(["postgres", "skipped: set DATABASE_URL", "", ""]);
  printTable(["figure", "value", "goal", "met"], rows);
}

async function benchDatabase(kind: "pglite" | "postgres"): Promise<string[][]> {
  const fresh = kind === "pglite" ? freshPglite() : await freshPostgres(process.env.DATABASE_URL!);
  try {
    const first = await child("first-start", fresh.env);
    const before = first.dbBytes ?? (await fresh.size());
    const rerun = await child("rerun", fresh.env);
    const after = rerun.dbBytes ?? (await fresh.size());
    const goals = kind === "pglite" ? { firstS: 25, rssMb: 500 } : { firstS: 15, rssMb: 300 };
    const row = (figure: string, value: string, goal: string, met: boolean): string[] => [`${kind}: ${figure}`, value, goal, met ? "yes" : "NO"];
    return [
      row("first start (all snapshots)", `${(first.ms / 1000).toFixed(1)} s, ${first.runs} runs, ${first.failed} failed`, `<= ${goals.firstS} s`, first.ms <= goals.firstS * 1000),
      row("first start peak RSS", `${first.maxRssMb.toFixed(0)} MB (at the end: heap ${first.heapMb?.toFixed(0)} MB, array buffers ${first.arrayBuffersMb?.toFixed(0)} MB; at the sampled peak: ${JSON.stringify(first.atPeak)})`, `<= ${goals.rssMb} MB`, first.maxRssMb <= goals.rssMb),
      row("unchanged re-run", `${(rerun.ms / 1000).toFixed(1)} s (${((100 * rerun.ms) / first.ms).toFixed(0)}% of first)`, "<= 20% of first", rerun.ms <= 0.2 * first.ms),
      row("unchanged re-run: rows written", `${rerun.rowsWritten} ${JSON.stringify(rerun.writtenByTable)}`, "0", rerun.rowsWritten === 0),
      row("unchanged re-run: DB growth", `${((after - before) / 1e6).toFixed(2)} MB`, "0 (run records aside)", after - before <= 0.05e6),
      row("re-run peak RSS", `${rerun.maxRssMb.toFixed(0)} MB`, `<= ${goals.rssMb} MB`, rerun.maxRssMb <= goals.rssMb),
    ];
  } finally {
    await fresh.drop();
  }
}

interface FreshDatabase {
  env: Record<string, string>;
  size: () => Promise<number>;
  drop: () => Promise<void>;
}

function freshPglite(): FreshDatabase {
  const dir = mkdtempSync(join(tmpdir(), "pricewar-bench-ingest-"));
  return {
    env: { PGLITE_DIR: dir, DATABASE_URL: "" },
    size: async () => folderBytes(dir),
    drop: async () => {
      if (values.keep) process.stderr.write(`kept ${dir}\n`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function freshPostgres(url: string): Promise<FreshDatabase> {
  const name = `pricewar_bench_ingest_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: target.toString() },
    size: async () => Number((await admin`select pg_database_size(${name}) as bytes`)[0]!.bytes),
    drop: async () => {
      if (values.keep) process.stderr.write(`kept database ${name}\n`);
      else await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

function child(phase: Phase, env: Record<string, string>): Promise<ChildReport> {
  const args = ["--import", "tsx", resolve(import.meta.dirname, "ingest.ts"), "--child", phase];
  if (values.sources) args.push("--sources", values.sources);
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, args, {
      env: { ...process.env, ...env, PRICEWAR_REPLAY_DIR: SNAPSHOTS, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    proc.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    proc.on("error", fail);
    proc.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !line.startsWith("{")) fail(new Error(`${phase} exited ${code}: ${out.slice(-2000)}`));
      else done(JSON.parse(line) as ChildReport);
    });
  });
}

/** In the child: the phase, timed from before the database opens to the end of the runs. */
async function runChild(phase: Phase, only: string[] | undefined): Promise<void> {
  const started = performance.now();
  const toMb = (memory: NodeJS.MemoryUsage) => ({
    rss: Math.round(memory.rss / 2 ** 20),
    heapUsed: Math.round(memory.heapUsed / 2 ** 20),
    external: Math.round(memory.external / 2 ** 20),
    arrayBuffers: Math.round(memory.arrayBuffers / 2 ** 20),
  });
  let atPeak = toMb(process.memoryUsage());
  const sampler = setInterval(() => {
    const sample = toMb(process.memoryUsage());
    if (sample.rss > atPeak.rss) atPeak = sample;
    if (process.env.BENCH_MEMORY_TRACE) process.stderr.write(`memory ${new Date().toISOString()} ${JSON.stringify(sample)}\n`);
  }, 100);
  const { SOURCES } = await import("../scrapers/registry.ts");
  const { loadEnv } = await import("../src/config/env.ts");
  const { openRuntime } = await import("../src/runtime.ts");
  const { migrateDatabase, rowsOf } = await import("../src/db/migrate.ts");
  const { reresolveCatalogue } = await import("../src/db/queries/model-merge.ts");
  const { syncTaskCatalogue } = await import("../src/db/queries/benchmarks.ts");
  const { Scheduler } = await import("../src/jobs/scheduler/scheduler.ts");
  const { resolveSchedules } = await import("../src/jobs/scheduler/schedules.ts");

  const env = loadEnv();
  const { connection, logger } = await openRuntime(env);
  const { db } = connection;
  /** Rows inserted, updated or deleted so far, per data table. */
  const writes = async () => {
    if (connection.kind === "postgres") await db.execute(sql`select pg_stat_force_next_flush()`);
    const runRecords = sql.join(RUN_RECORDS.map((table) => sql`${table}`), sql`, `);
    const rows = rowsOf<{ table: string; n: string | number | null }>(
      await db.execute(
        sql`select relname as table, n_tup_ins + n_tup_upd + n_tup_del as n from pg_stat_user_tables where schemaname = 'public' and relname not in (${runRecords})`,
      ),
    );
    return new Map(rows.map((row) => [row.table, Number(row.n ?? 0)]));
  };

  const schedules = resolveSchedules(SOURCES, env.PRICEWAR_SCHEDULES).map((schedule) =>
    only && !only.includes(schedule.source.id) ? { ...schedule, enabled: false } : schedule,
  );
  await migrateDatabase(connection);
  const writesBefore = await writes();
  const scheduler = new Scheduler({ connection, schedules, logger, env, replayDir: SNAPSHOTS });
  let runs: Array<{ status: string }> = [];
  if (phase === "first-start") {
    await reresolveCatalogue(db, { logger });
    await syncTaskCatalogue(db, SOURCES);
    const outcomes = await scheduler.runFirstStart();
    runs = [...outcomes.values()].flatMap((outcome) => (outcome.status === "ran" ? outcome.runs : []));
  } else {
    // A tick of every source now, on the payload the first start ended with.
    const tick = new Date();
    const outcomes = await Promise.all(schedules.filter((schedule) => schedule.enabled).map((schedule) => scheduler.runTick(schedule.source.id, tick)));
    runs = outcomes.flatMap((outcome) => (outcome.status === "ran" ? outcome.runs : []));
  }
  const ms = performance.now() - started;
  const writesAfter = await writes();
  const writtenByTable = Object.fromEntries(
    [...writesAfter].map(([table, n]) => [table, n - (writesBefore.get(table) ?? 0)] as const).filter(([, n]) => n > 0),
  );
  const rowsWritten = Object.values(writtenByTable).reduce((sum, n) => sum + n, 0);
  const memory = process.memoryUsage();
  clearInterval(sampler);
  await scheduler.stop(1_000);
  const dbBytes =
    connection.kind === "postgres"
      ? Number(rowsOf<{ bytes: string }>(await db.execute(sql`select pg_database_size(current_database()) as bytes`))[0]!.bytes)
      : null;
  await connection.close();
  const report: ChildReport = {
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    runs: runs.length,
    failed: runs.filter((run) => run.status === "failed").length,
    rowsWritten,
    writtenByTable,
    dbBytes,
    heapMb: memory.heapUsed / 2 ** 20,
    arrayBuffersMb: memory.arrayBuffers / 2 ** 20,
    atPeak,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  console.log([line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"));
}

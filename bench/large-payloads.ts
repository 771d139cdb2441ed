/**
 * `node --import tsx bench/large-payloads.ts`: a full run (parse + resolve + gate + write)
 * of a 50 MB payload for LiteLLM, OpenRouter and Portkey, built from the real snapshots by
 * replicating their entries under new names, on embedded PGlite and, when
 * BENCH_DATABASE_URL (or DATABASE_URL) names a server, on Postgres in a throwaway database.
 * Goal (issue 12): under 60 s and under 1 GB peak RSS, or refused at once by the payload
 * limit. Each run is its own process so its peak RSS is its own; the payloads are written
 * to the system temp folder, never into the repository.
 *
 * Options: --size-mb N (default 50), --sources litellm,openrouter,portkey, --timeout-s N (default 300),
 * --limit-mb N (the sources' payload limit for the runs; default: their own, so an oversized payload is refused).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { once } from "node:events";
import { Worker } from "node:worker_threads";
import postgres from "postgres";
import { sourceById } from "../scrapers/registry.ts";
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { replayLoader } from "../src/jobs/load-documents.ts";
import { runSource } from "../src/jobs/run-source.ts";

const SNAPSHOTS = process.env.PRICEWAR_SNAPSHOTS ?? resolve(import.meta.dirname, "../../shared/snapshots");
const GOAL = { ms: 60_000, rssMb: 1024, refusedMs: 1_000 };
const MB = 1024 * 1024;

type Builder = (targetBytes: number) => { relativePath: string; body: string; entries: number };

/** Copies of every real entry under "<name>-copyN" until the JSON reaches the target size. */
function replicate(entries: Array<[string, unknown]>, targetBytes: number, rename: (name: string, copy: number) => string): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  let bytes = 2;
  for (let copy = 0; bytes < targetBytes; copy++) {
    for (const [name, entry] of entries) {
      const renamed = rename(name, copy);
      bytes += JSON.stringify(renamed).length + JSON.stringify(entry).length + 2;
      out.push([renamed, entry]);
      if (bytes >= targetBytes) break;
    }
  }
  return out;
}

const BUILDERS: Record<string, Builder> = {
  litellm(targetBytes) {
    const real = JSON.parse(readFileSync(join(SNAPSHOTS, "prices/litellm/model_prices_2026-07-24.json"), "utf8")) as Record<string, unknown>;
    // Only model entries are copied: "sample_spec" documents the format and "last_updated" is a date.
    const entries = Object.entries(real).filter(([name, entry]) => name !== "sample_spec" && typeof entry === "object" && entry !== null);
    const copies = replicate(entries, targetBytes, (name, copy) => (copy === 0 ? name : `${name}-copy${copy}`));
    return { relativePath: "litellm/model_prices.json", body: JSON.stringify(Object.fromEntries(copies)), entries: copies.length };
  },
  openrouter(targetBytes) {
    const real = JSON.parse(readFileSync(join(SNAPSHOTS, "prices/openrouter/models-data_2026-08-08_from-sui414-0427e0eca0.json"), "utf8")) as Array<{ id: string } & Record<string, unknown>>;
    const copies = replicate(
      real.map((model) => [model.id, model]),
      targetBytes,
      (id, copy) => (copy === 0 ? id : id.replace(/^([^/]+\/[^:]+)/, `$1-copy${copy}`)),
    );
    const data = copies.map(([id, model]) => ({ ...(model as object), id, canonical_slug: id }));
    return { relativePath: "openrouter/models.json", body: JSON.stringify({ data }), entries: data.length };
  },
  portkey(targetBytes) {
    const real = JSON.parse(readFileSync(join(SNAPSHOTS, "prices/portkey/2026-08-21/pricing/openai.json"), "utf8")) as Record<string, unknown>;
    const entries = Object.entries(real).filter(([name]) => name !== "default");
    const copies = replicate(entries, targetBytes, (name, copy) => (copy === 0 ? name : `${name}-copy${copy}`));
    return { relativePath: "portkey/pricing/openai.json", body: JSON.stringify(Object.fromEntries([["default", real.default], ...copies])), entries: copies.length };
  },
};

const RSS_SAMPLER = `
const { workerData } = require("node:worker_threads");
setInterval(() => {
  const rss = Math.round(process.memoryUsage().rss / ${MB});
  if (rss > Atomics.load(workerData, 0)) Atomics.store(workerData, 0, rss);
}, 5);
`;

interface RunFigures {
  source: string;
  database: string;
  status: string;
  parsed?: number;
  ms: number;
  /** Highest RSS of the process during the run (sampled every 5 ms from a worker thread). */
  peakRssMb: number;
  beforeRunRssMb?: number;
  /** maxRSS of the whole process, PGlite's start included. */
  processPeakRssMb?: number;
  error?: string;
}

/** Child: one full run of one payload on one database, figures as one JSON line on stdout. */
async function runOne(sourceId: string, path: string, databaseUrl: string | undefined, limitMb: number | undefined): Promise<void> {
  let databaseName: string | undefined;
  let admin: postgres.Sql | undefined;
  let url: string | undefined;
  if (databaseUrl) {
    databaseName = `pricewar_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
    admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${databaseName}"`);
    // For diagnosis: the server logs this database's statements slower than N ms.
    const slowMs = Number(process.env.BENCH_LOG_SLOW_MS);
    if (slowMs > 0) await admin.unsafe(`alter database "${databaseName}" set log_min_duration_statement = ${Math.round(slowMs)}`);
    const parsed = new URL(databaseUrl);
    parsed.pathname = `/${databaseName}`;
    url = parsed.toString();
  }
  // PGlite on disk as `pricewar start` runs it: memory:// would also hold every data and WAL file in the heap.
  const pgliteDir = url ? undefined : mkdtempSync(join(tmpdir(), "pricewar-bench-pglite-"));
  const connection = await openDatabase({ databaseUrl: url, pgliteDir: pgliteDir ?? "memory://" });
  try {
    await migrateDatabase(connection);
    const registered = sourceById(sourceId);
    const source = limitMb === undefined ? registered : { ...registered, maxPayloadBytes: limitMb * MB };
    // maxRSS also counts PGlite's start (initdb peaks near 0.9 GB and gives it back), so the run's own
    // peak is sampled every 5 ms by a worker thread, which keeps sampling while parsing blocks this one.
    const beforeRunRssMb = Math.round(process.memoryUsage().rss / MB);
    const peak = new Int32Array(new SharedArrayBuffer(4));
    const sampler = new Worker(RSS_SAMPLER, { eval: true, workerData: peak });
    await once(sampler, "online");
    const started = performance.now();
    const run = await runSource(connection.db, source, { trigger: "replay", at: new Date("2026-08-21T00:00:00Z"), load: replayLoader(path) });
    const ms = Math.round(performance.now() - started);
    await sampler.terminate();
    const runPeakRssMb = Atomics.load(peak, 0);
    const figures: RunFigures = {
      source: sourceId,
      database: connection.kind,
      status: run.status,
      parsed: run.parsed,
      ms,
      peakRssMb: runPeakRssMb,
      beforeRunRssMb,
      processPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      ...(run.error ? { error: run.error.slice(0, 200) } : {}),
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
  } finally {
    await connection.close();
    if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    if (admin && databaseName) {
      await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
      await admin.end();
    }
  }
}

function child(sourceId: string, path: string, databaseUrl: string | undefined, limitMb: string | undefined, timeoutMs: number): Promise<RunFigures> {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    const args = ["--import", "tsx", import.meta.filename, "--run", sourceId, "--payload", path, ...(databaseUrl ? ["--database-url", databaseUrl] : []), ...(limitMb ? ["--limit-mb", limitMb] : [])];
    const process_ = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LOG_LEVEL: "silent" } });
    let stdout = "";
    let stderr = "";
    process_.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    process_.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = setTimeout(() => process_.kill("SIGKILL"), timeoutMs);
    process_.on("exit", (code, signal) => {
      clearTimeout(killer);
      const line = stdout.trim().split("\n").at(-1) ?? "";
      try {
        resolvePromise(JSON.parse(line) as RunFigures);
      } catch {
        const ms = Math.round(performance.now() - started);
        const why = signal === "SIGKILL" ? `killed after ${timeoutMs / 1000} s` : `exit ${code}: ${stderr.trim().split("\n").slice(-3).join(" | ").slice(0, 300)}`;
        resolvePromise({ source: sourceId, database: databaseUrl ? "postgres" : "pglite", status: signal === "SIGKILL" ? "killed" : "crashed", ms, peakRssMb: Number.NaN, error: why });
      }
    });
  });
}

const { values } = parseArgs({
  options: {
    run: { type: "string" },
    payload: { type: "string" },
    "database-url": { type: "string" },
    "size-mb": { type: "string", default: "50" },
    sources: { type: "string", default: "litellm,openrouter,portkey" },
    "timeout-s": { type: "string", default: "300" },
    "limit-mb": { type: "string" },
  },
});

if (values.run) {
  await runOne(values.run, values.payload!, values["database-url"], values["limit-mb"] === undefined ? undefined : Number(values["limit-mb"]));
} else {
  const sizeMb = Number(values["size-mb"]);
  const folder = join(tmpdir(), `pricewar-large-payloads-${sizeMb}mb`);
  const databases: Array<string | undefined> = [undefined];
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (serverUrl) databases.push(serverUrl);
  const results: RunFigures[] = [];
  for (const sourceId of values.sources.split(",")) {
    const builder = BUILDERS[sourceId];
    if (!builder) throw new Error(`no payload builder for ${sourceId}; known: ${Object.keys(BUILDERS).join(", ")}`);
    const existing = existsSync(folder) ? readdirSync(folder, { recursive: true }).map(String).find((name) => name.startsWith(`${sourceId}/`) && name.endsWith(".json")) : undefined;
    let path: string;
    if (existing) {
      path = join(folder, existing);
    } else {
      // Just under N MB, so a payload of the limit's own size is accepted by that limit.
      const payload = builder(sizeMb * MB - 64 * 1024);
      path = join(folder, payload.relativePath);
      mkdirSync(resolve(path, ".."), { recursive: true });
      writeFileSync(path, payload.body);
      process.stdout.write(`built ${path}: ${(statSync(path).size / MB).toFixed(1)} MB, ${payload.entries} entries\n`);
    }
    for (const databaseUrl of databases) {
      const figures = await child(sourceId, path, databaseUrl, values["limit-mb"], Number(values["timeout-s"]) * 1000);
      results.push(figures);
      const refused = figures.status === "failed" && /exceeds the .* limit of/.test(figures.error ?? "");
      const verdict =
        figures.status === "crashed" || figures.status === "killed" ? "FAIL" : refused ? (figures.ms <= GOAL.refusedMs ? "refused at once" : "refused SLOWLY") : figures.ms <= GOAL.ms && figures.peakRssMb <= GOAL.rssMb ? "ok" : "OVER GOAL";
      process.stdout.write(
        `${`${sourceId} ${(statSync(path).size / MB).toFixed(1)} MB on ${figures.database}`.padEnd(36)} ${figures.status.padEnd(9)} parsed ${String(figures.parsed ?? "-").padStart(7)}  ${String(figures.ms).padStart(7)} ms  run peak RSS ${String(figures.peakRssMb).padStart(5)} MB (before ${figures.beforeRunRssMb ?? "-"}, process max ${figures.processPeakRssMb ?? "-"})  ${verdict}${figures.error ? `  (${figures.error})` : ""}\n`,
      );
    }
  }
  process.stdout.write(`goal: under ${GOAL.ms / 1000} s and ${GOAL.rssMb} MB, or refused at once\n`);
}

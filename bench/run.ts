/**
 * `npm run bench`: speed and memory of the hot paths on real payloads, on embedded PGlite
 * (or DATABASE_URL). Prints figures; targets live here, never in timed tests:
 * - ingest the 2026-07-24 LiteLLM map (2,506 prices) in under 10 s, again in under 5 s;
 * - best for a task class in under 1 s once data is in;
 * - reprice 1M usage lines with at most 200 MB of extra memory (bench/reprice.ts), lines/s reported.
 */
import { resolve } from "node:path";
import { sourceById } from "../scrapers/registry.ts";
import { createCaller } from "../src/api/router.ts";
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { replayLoader } from "../src/jobs/load-documents.ts";
import { runSource } from "../src/jobs/run-source.ts";
import { spawnSync } from "node:child_process";

const SNAPSHOTS = process.env.PRICEWAR_SNAPSHOTS ?? resolve(import.meta.dirname, "../../shared/snapshots");
const TARGETS = { firstIngestMs: 10_000, reingestMs: 5_000, bestMs: 1_000 };

async function timed<T>(label: string, target: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  const ms = Math.round(performance.now() - started);
  const heap = Math.round(process.memoryUsage().heapUsed / 1e6);
  process.stdout.write(`${label.padEnd(44)} ${String(ms).padStart(6)} ms  (target ${target} ms) ${ms <= target ? "ok" : "SLOW"}  heap ${heap} MB\n`);
  return result;
}

const connection = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: "memory://" });
await migrateDatabase(connection);
const litellm = sourceById("litellm");
const aider = sourceById("aider");
const load = replayLoader(`${SNAPSHOTS}/prices/litellm/model_prices_2026-07-24.json`);
await timed("ingest LiteLLM 2026-07-24 (first)", TARGETS.firstIngestMs, () => runSource(connection.db, litellm, { trigger: "replay", at: new Date("2026-07-24"), load }));
await timed("ingest LiteLLM 2026-07-24 (unchanged again)", TARGETS.reingestMs, () => runSource(connection.db, litellm, { trigger: "replay", at: new Date("2026-07-25"), load }));
await runSource(connection.db, aider, { trigger: "replay", at: new Date("2025-10-05"), load: replayLoader(`${SNAPSHOTS}/benchmarks/aider/polyglot_leaderboard.2025-10-04.cb6a152.yml`) });
const caller = createCaller({ db: connection.db, connection });
await timed("best coding (min coverage 0.2)", TARGETS.bestMs, () => caller.best({ task: "coding", minCoverage: 0.2, withinOfBest: 0.1 }));
await connection.close();
// Its own process: its memory figure is measured from a clean baseline.
spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", resolve(import.meta.dirname, "reprice.ts")], { stdio: "inherit" });

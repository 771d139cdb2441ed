/**
 * `node --import tsx bench/startup.ts`: time from spawning `pricewar start` (the compiled
 * bin, as users run it) to its "listening" line, on a filled database (goal: 1 s), and to
 * serving (/healthz no longer "starting": the database is open and migrated).
 *
 * The database: DATABASE_URL (a filled Postgres), or PGLITE_DIR (a filled PGlite folder);
 * with neither, a fresh PGlite folder is filled first by a replay-mode first start from
 * PRICEWAR_SNAPSHOTS (default ../shared/snapshots), which takes minutes.
 * Runs: STARTUP_RUNS (default 5); the median is the figure.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin/pricewar.js");
const GOAL_MS = 1_000;
const RUNS = Number(process.env.STARTUP_RUNS ?? 5);
const SNAPSHOTS = process.env.PRICEWAR_SNAPSHOTS ?? resolve(ROOT, "../shared/snapshots");

interface Started {
  /** Milliseconds from spawn to the line that matched. */
  ms: number;
  /** The port in a "listening on" line, if one matched. */
  port?: number;
  spawnedAt: number;
  stop(): Promise<void>;
}

/** Spawns `pricewar start` and resolves when a log line matches `ready`. */
function startUntil(env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs: number): Promise<Started> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [BIN, "start"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no ${ready} within ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const exited = (code: number | null) => fail(new Error(`pricewar start exited with ${code}:\n${output.slice(-2000)}`));
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (!ready.test(output)) return;
      const ms = performance.now() - spawnedAt;
      clearTimeout(timer);
      child.off("exit", exited);
      const port = Number(/listening on http:\/\/localhost:(\d+)/.exec(output)?.[1]) || undefined;
      done({ ms, port, spawnedAt, stop: () => new Promise((stopped) => (child.once("exit", () => stopped()), child.kill("SIGTERM"))) });
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", exited);
  });
}

function databaseEnv(): NodeJS.ProcessEnv | undefined {
  if (process.env.DATABASE_URL) return { DATABASE_URL: process.env.DATABASE_URL };
  if (process.env.PGLITE_DIR) return { PGLITE_DIR: process.env.PGLITE_DIR };
  return undefined;
}

async function fillPglite(): Promise<NodeJS.ProcessEnv> {
  const dir = mkdtempSync(join(tmpdir(), "pricewar-startup-"));
  process.stdout.write(`filling ${dir} by a replay-mode first start from ${SNAPSHOTS} (minutes)\n`);
  const filling = await startUntil({ PGLITE_DIR: dir, PRICEWAR_REPLAY_DIR: SNAPSHOTS }, /first start finished/, 30 * 60_000);
  await filling.stop();
  return { PGLITE_DIR: dir };
}

/** Milliseconds from spawn until /healthz no longer answers "starting" (the service serves). */
async function untilServing(started: Started): Promise<number> {
  for (;;) {
    const body = await fetch(`http://127.0.0.1:${started.port}/healthz`).then((response) => response.text(), () => "");
    if (body && !body.includes('"status":"starting"')) return performance.now() - started.spawnedAt;
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

if (!existsSync(join(ROOT, "dist/src/cli/main.js"))) throw new Error("dist/ is missing: run npm run build first");
const env: NodeJS.ProcessEnv = { ...(databaseEnv() ?? (await fillPglite())), PRICEWAR_SCHEDULER: "false" };
const listening: number[] = [];
const serving: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const started = await startUntil(env, /listening on http/, 120_000);
  listening.push(started.ms);
  serving.push(await untilServing(started));
  await started.stop();
}
const database = env.DATABASE_URL ? "postgres" : "pglite";
const row = (label: string, ms: number, goal: string, met: string) =>
  `${label.padEnd(44)} ${`${Math.round(ms)} ms`.padStart(9)}  ${goal.padStart(8)}  ${met}\n`;
process.stdout.write(`${"figure".padEnd(44)} ${"value".padStart(9)}  ${"goal".padStart(8)}  met\n`);
const figure = median(listening);
process.stdout.write(row(`start-up to listening (${database}, median of ${RUNS})`, figure, `${GOAL_MS} ms`, figure <= GOAL_MS ? "yes" : "no"));
process.stdout.write(row(`start-up to serving (${database}, median of ${RUNS})`, median(serving), "-", "-"));
process.stdout.write(`runs: listening ${listening.map(Math.round).join(", ")} ms; serving ${serving.map(Math.round).join(", ")} ms\n`);

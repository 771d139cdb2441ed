/**
 * Runs the real `pricewar` CLI in a child process, as a user would: the compiled dist/
 * when it is at least as new as every source file (CI builds it on install), otherwise
 * the TypeScript sources through tsx, so a test never runs a dist/ older than the code
 * under test (test/cli/compiled-bin.test.ts covers the compiled entry itself).
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const COMPILED_MAIN = resolve(PROJECT_ROOT, "dist/src/cli/main.js");

/** Newest modification time of the files the build reads (sources, data, migrations). */
function newestSourceMs(): number {
  let newest = 0;
  for (const folder of ["src", "scrapers", "migrations"]) {
    for (const entry of readdirSync(resolve(PROJECT_ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(resolve(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

const compiledIsCurrent = existsSync(COMPILED_MAIN) && statSync(COMPILED_MAIN).mtimeMs >= newestSourceMs();
const CLI = compiledIsCurrent ? [COMPILED_MAIN] : ["--import", "tsx", resolve(PROJECT_ROOT, "src/cli/main.ts")];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...CLI, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export interface RunningService {
  child: ChildProcessWithoutNullStreams;
  baseUrl: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `pricewar start` on a free port and resolves once it serves. The scheduler is
 * off unless a test turns it on (with a replay folder): tests never reach the network.
 */
export function startService(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<RunningService> {
  const child = spawn(process.execPath, [...CLI, "start"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", PRICEWAR_SCHEDULER: "false", ...env },
  });
  let output = "";
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start in time:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // It listens at once and serves once migrated (until then /healthz answers "starting").
      const match = /listening on (http:\/\/localhost:\d+)/.exec(output);
      if (match && output.includes('"msg":"serving"')) {
        clearTimeout(timer);
        resolvePromise({
          child,
          baseUrl: match[1]!.replace("localhost", "127.0.0.1"),
          output: () => output,
          stop: (signal = "SIGTERM") =>
            new Promise((done) => {
              child.once("close", (code) => done(code));
              child.kill(signal);
            }),
        });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("close", (code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before listening:\n${output}`));
    });
  });
}

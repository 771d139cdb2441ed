/**
 * `npm run bench`: every speed and memory figure, each bench in its own process (a clean
 * memory baseline, its own database filled from the full replay of ../shared/snapshots).
 * Each prints a table of figure, baseline or goal, ratio and whether the goal is met;
 * targets live in the benches, never in timed tests.
 *
 *   npm run bench                      # all of them, on PGlite
 *   DATABASE_URL=postgres://... npm run bench   # on a server (each bench makes its own database)
 *   npm run bench -- read-side ingest  # some of them
 *
 * - read-side: req/s and p99 of best, pareto, prices.current and the LiteLLM feed (and its
 *   304) against a static node:http server in the same run (goal: ratio >= 0.5, p99 <= 5 ms);
 * - history-queries: the history queries at 1x and 50x history (goal: 50x p50 <= 2x the 1x p50;
 *   pricewar.index under 100 ms);
 * - ingest: replay-mode first start, unchanged re-run, rows written, growth, peak memory;
 * - startup: spawn to listening on a filled database (goal: 1 s);
 * - reprice: 1M usage lines, lines/s and extra memory (goal: at most 200 MB);
 * - litellm-coverage: share of LiteLLM's chat keys our feed answers, per provider (goal: 95%).
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const BENCHES = ["read-side", "history-queries", "ingest", "startup", "reprice", "litellm-coverage"] as const;

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(BENCHES as readonly string[]).includes(name));
if (unknown.length > 0) {
  process.stderr.write(`unknown bench ${unknown.join(", ")}; benches: ${BENCHES.join(", ")}\n`);
  process.exit(2);
}
let failed = 0;
for (const name of asked.length > 0 ? asked : BENCHES) {
  process.stdout.write(`\n== ${name}\n`);
  const flags = name === "reprice" ? ["--expose-gc"] : [];
  const result = spawnSync(process.execPath, [...flags, "--import", "tsx", resolve(import.meta.dirname, `${name}.ts`)], { stdio: "inherit" });
  if (result.status !== 0) {
    failed += 1;
    process.stdout.write(`${name} exited with ${result.status ?? result.signal}\n`);
  }
}
process.exit(failed > 0 ? 1 : 0);

/**
 * Repricing throughput and memory: a generated usage log of 1,000,000 JSONL lines
 * (known and unknown models, with and without a seller, cache reads, a month of
 * timestamps) streamed through the same path as `pricewar reprice` and POST
 * /api/v1/reprice. Reports lines per second (wall and CPU) and the peak extra RSS over
 * the baseline of a process that has the database open with LiteLLM's 2026-07-24 map
 * ingested; goal: at most 200 MB extra. Runs in its own process (bench/run.ts spawns it)
 * so earlier benches' memory does not hide its own.
 */
import { resolve } from "node:path";
import { Readable } from "node:stream";
import { sourceById } from "../scrapers/registry.ts";
import { openDatabase, type Db } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { replayLoader } from "../src/jobs/load-documents.ts";
import { runSource } from "../src/jobs/run-source.ts";
import { createRepriceLookup } from "../src/db/queries/reprice-prices.ts";
import { readUsageLog } from "../src/domain/reprice/read-log.ts";
import { repriceLog } from "../src/domain/reprice/reprice-log.ts";

export const REPRICE_TARGETS = { lines: 1_000_000, extraMemoryMb: 200 };

const MODELS = ["gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet-20241022", "gemini-1.5-pro", "deepseek-chat", "not-a-model-at-all"];
const SELLERS = [undefined, "openai", "anthropic", undefined];

/** The log, generated as it is read: 1,000 lines per chunk, never whole in memory. */
function* usageLog(lines: number): Generator<string> {
  const start = Date.parse("2026-07-25T00:00:00Z");
  const chunk: string[] = [];
  for (let index = 0; index < lines; index++) {
    const model = MODELS[index % MODELS.length]!;
    const seller = model.startsWith("gpt") ? SELLERS[index % SELLERS.length] : undefined;
    chunk.push(
      JSON.stringify({
        timestamp: new Date(start + (index % 30) * 86_400_000 + (index % 86_400) * 1000).toISOString(),
        model,
        ...(seller === "openai" ? { seller } : {}),
        input_tokens: 500 + (index % 5000),
        output_tokens: 100 + (index % 700),
        cached_input_tokens: index % 3 === 0 ? 1024 : 0,
      }),
    );
    if (chunk.length === 1000) yield `${chunk.splice(0).join("\n")}\n`;
  }
  if (chunk.length > 0) yield `${chunk.join("\n")}\n`;
}

export async function benchReprice(db: Db, lines = REPRICE_TARGETS.lines): Promise<void> {
  globalThis.gc?.();
  // RSS alone can hide growth (pages freed by the GC before the run are reused), so the heap is sampled too.
  const heapOf = () => {
    const memory = process.memoryUsage();
    return memory.heapUsed + memory.external;
  };
  const baseline = process.memoryUsage().rss;
  const baselineHeap = heapOf();
  let peak = baseline;
  let peakHeap = baselineHeap;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
    peakHeap = Math.max(peakHeap, heapOf());
  };
  const sampler = setInterval(sample, 50);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let priced = 0;
  let unpriced = 0;
  let total = "";
  for await (const item of repriceLog(readUsageLog(Readable.from(usageLog(lines))), createRepriceLookup(db, { bestRoute: async () => ({ reason: "not compared" }) }))) {
    if (item.type === "totals") total = item.totals.cost;
    else if (item.ok) priced += 1;
    else unpriced += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  clearInterval(sampler);
  sample();
  const extraMb = Math.max(Math.round((peak - baseline) / 1e6), Math.round((peakHeap - baselineHeap) / 1e6));
  const rate = Math.round(lines / seconds);
  process.stdout.write(
    `${`reprice ${lines.toLocaleString("en")} lines`.padEnd(44)} ${String(Math.round(seconds * 1000)).padStart(6)} ms  ${rate.toLocaleString("en")} lines/s (${Math.round(lines / cpuSeconds).toLocaleString("en")} per CPU second); peak extra memory ${extraMb} MB (RSS +${Math.round((peak - baseline) / 1e6)}, heap +${Math.round((peakHeap - baselineHeap) / 1e6)}, baseline RSS ${Math.round(baseline / 1e6)} MB) (goal <= ${REPRICE_TARGETS.extraMemoryMb} MB) ${extraMb <= REPRICE_TARGETS.extraMemoryMb ? "ok" : "OVER"}; ${priced} priced, ${unpriced} with a reason, total USD ${total}\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const snapshots = process.env.PRICEWAR_SNAPSHOTS ?? resolve(import.meta.dirname, "../../shared/snapshots");
  const connection = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: "memory://" });
  await migrateDatabase(connection);
  const load = replayLoader(`${snapshots}/prices/litellm/model_prices_2026-07-24.json`);
  await runSource(connection.db, sourceById("litellm"), { trigger: "replay", at: new Date("2026-07-24"), load });
  await benchReprice(connection.db, Number(process.env.REPRICE_LINES) || REPRICE_TARGETS.lines);
  await connection.close();
}

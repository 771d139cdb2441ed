/** vals.ai: LegalBench, CaseLaw v2 and LiveCodeBench accuracies with measured cost per test. */
import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { VALS_BENCHMARKS } from "./benchmarks.ts";
import { parseValsAi, VALS_AI_SOURCE_ID } from "./parse.ts";

export const valsAiSource: BenchmarkSource = {
  id: VALS_AI_SOURCE_ID,
  kind: "benchmark",
  description:
    "vals.ai benchmark scores (LegalBench, CaseLaw v2, LiveCodeBench: accuracy in percent, cost per test item in USD), " +
    "from the dot-mike/vals-ai-scrape CSV of vals.ai's published numbers.",
  urls: ["https://raw.githubusercontent.com/dot-mike/vals-ai-scrape/main/data/scores.csv"],
  format: "csv",
  schedule: DAILY_UTC,
  replayPaths: ["benchmarks/vals-ai/dot-mike.scores-excerpt.2026-10-06.8a2fd46.csv"],
  benchmarks: VALS_BENCHMARKS.map((benchmark) => benchmark.definition),
  parse: parseValsAi,
};

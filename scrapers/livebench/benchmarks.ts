/**
 * The LiveBench benchmarks we emit: one per category plus the global average, all on
 * LiveBench's 0-100 scale. The category names come from the categories_<release>.json
 * files, which have spelled them with and without spaces ("Data Analysis" /
 * "DataAnalysis"), so they are matched without spaces, case or separators.
 */
import type { BenchmarkDefinition } from "../source.ts";

const LEADERBOARD_URL = "https://livebench.ai";

export const GLOBAL_BENCHMARK_ID = "livebench-global";

function livebenchBenchmark(id: string, name: string, description: string): BenchmarkDefinition {
  return { id, name, scale: "percent", higherIsBetter: true, description, url: LEADERBOARD_URL };
}

export const LIVEBENCH_BENCHMARKS: readonly BenchmarkDefinition[] = [
  livebenchBenchmark(GLOBAL_BENCHMARK_ID, "LiveBench global average", "Mean of the LiveBench category averages of one release (the site's Global Average)."),
  livebenchBenchmark("livebench-reasoning", "LiveBench Reasoning", "Mean of the Reasoning tasks (zebra puzzles, spatial, web of lies / theory of mind, logic with navigation)."),
  livebenchBenchmark("livebench-coding", "LiveBench Coding", "Mean of the code generation and code completion tasks."),
  livebenchBenchmark("livebench-agentic-coding", "LiveBench Agentic Coding", "Mean of the agentic coding tasks (javascript, typescript, python repositories)."),
  livebenchBenchmark("livebench-math", "LiveBench Mathematics", "Mean of the Mathematics tasks (AMPS hard, competitions, olympiad, integrals)."),
  livebenchBenchmark("livebench-data-analysis", "LiveBench Data Analysis", "Mean of the Data Analysis tasks (table join, table reformat, column type annotation / consecutive events)."),
  livebenchBenchmark("livebench-language", "LiveBench Language", "Mean of the Language tasks (connections, plot unscrambling, typos)."),
  livebenchBenchmark("livebench-instruction-following", "LiveBench Instruction Following", "Mean of the IF tasks (paraphrase, simplify, story generation, summarize)."),
];

const CATEGORY_BENCHMARK_IDS: ReadonlyMap<string, string> = new Map([
  ["reasoning", "livebench-reasoning"],
  ["coding", "livebench-coding"],
  ["agenticcoding", "livebench-agentic-coding"],
  ["mathematics", "livebench-math"],
  ["dataanalysis", "livebench-data-analysis"],
  ["language", "livebench-language"],
  ["if", "livebench-instruction-following"],
  ["instructionfollowing", "livebench-instruction-following"],
]);

/** Our benchmark id for a LiveBench category name, or undefined for a category we do not know. */
export function categoryBenchmarkId(category: string): string | undefined {
  return CATEGORY_BENCHMARK_IDS.get(category.toLowerCase().replace(/[\s_-]+/g, ""));
}

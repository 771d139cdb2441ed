/** HAL, the Holistic Agent Leaderboard: agent benchmarks with the measured cost of each run. */
import { eeeFileUrls, eeeTreeUrl } from "../helm/eee.ts";
import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { HAL_BENCHMARKS } from "./benchmarks.ts";
import { HAL_SOURCE_ID, parseHal } from "./parse.ts";

const BOARDS = ["assistantbench", "corebench-hard", "gaia", "online-mind2web", "scicode", "scienceagentbench", "swebench-verified-mini", "taubench-airline", "usaco"];

export const halSource: BenchmarkSource = {
  id: HAL_SOURCE_ID,
  kind: "benchmark",
  description:
    "HAL agent benchmarks (GAIA, SWE-bench Verified Mini, TAU-bench Airline, USACO, SciCode, CORE-Bench, AssistantBench, Mind2Web, " +
    "ScienceAgentBench): model x agent scaffold results with total run cost, from EvalEval's Every Eval Ever files.",
  urls: BOARDS.map((board) => eeeTreeUrl(`hal-${board}`)),
  followUrls: eeeFileUrls,
  format: "json",
  schedule: DAILY_UTC,
  replayPaths: BOARDS.map((board) => `benchmarks/hal/evaleval.hal-${board}.2026-04-28.2f1fea4`),
  benchmarks: HAL_BENCHMARKS.map((benchmark) => benchmark.definition),
  parse: parseHal,
};

/** LiveCodeBench code generation: per-problem results averaged over fixed problem windows. */
import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { LIVECODEBENCH_SOURCE_ID, parseLiveCodeBench } from "./parse.ts";
import { LCB_WINDOWS } from "./window.ts";

export const liveCodeBenchSource: BenchmarkSource = {
  id: LIVECODEBENCH_SOURCE_ID,
  kind: "benchmark",
  description:
    "LiveCodeBench code generation (official per-problem pass@1 of the leaderboard site), averaged over fixed contest-date windows " +
    "after each model's contamination cut-off.",
  urls: ["https://livecodebench.github.io/performances_generation.json"],
  format: "json",
  schedule: DAILY_UTC,
  replayPaths: ["benchmarks/livecodebench/performances_generation.2025-04-22.83b6481.json"],
  benchmarks: LCB_WINDOWS.map((window) => window.definition),
  parse: parseLiveCodeBench,
};

import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { SWE_BENCH_LEADERBOARDS_URL, SWE_BENCH_SOURCE_ID, sweBenchBoards } from "./leaderboards.ts";
import { parseSweBenchLeaderboards } from "./parse.ts";

export const sweBenchSource: BenchmarkSource = {
  id: SWE_BENCH_SOURCE_ID,
  kind: "benchmark",
  description: "SWE-bench leaderboards (bash-only, Verified, Lite, Full, Multimodal): data/leaderboards.json of the swebench.com site.",
  urls: [SWE_BENCH_LEADERBOARDS_URL],
  format: "json",
  schedule: DAILY_UTC,
  replayPaths: ["benchmarks/swe-bench/leaderboards.2025-12-10.f1176b6.json"],
  benchmarks: [...sweBenchBoards.values()],
  parse: parseSweBenchLeaderboards,
};

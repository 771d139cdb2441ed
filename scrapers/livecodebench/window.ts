/**
 * LiveCodeBench stores per-problem results, not a score: the site averages pass@1 over
 * the problems whose contest date falls in a chosen window. A fixed window is a fixed
 * problem set, so each window is one benchmark and a newer file (more problems after the
 * window) gives the same score for the same model. A model whose contamination cut-off
 * (`release_date` in the file) is after the window's start could have seen the problems:
 * it is skipped for that window.
 */
import type { BenchmarkDefinition } from "../source.ts";

export interface LcbWindow {
  /** Inclusive contest dates, YYYY-MM-DD (UTC). */
  from: string;
  to: string;
  definition: BenchmarkDefinition;
}

const window = (from: string, to: string): LcbWindow => ({
  from,
  to,
  definition: {
    id: `livecodebench-${from}-to-${to}`,
    name: `LiveCodeBench code generation, problems ${from} to ${to}`,
    scale: "percent",
    higherIsBetter: true,
    description:
      `Mean pass@1 (percent, 0-100) over the LiveCodeBench code-generation problems (LeetCode, AtCoder, Codeforces) dated ${from} to ${to}, ` +
      "computed from the official per-problem results as the leaderboard does; only models whose contamination cut-off precedes the window. No cost.",
    url: "https://livecodebench.github.io/leaderboard.html",
  },
});

/** 2024-08-01 .. 2025-04-07: the newest 454 problems of the 2025-04-22 file, after every listed cut-off. */
export const LCB_WINDOWS: readonly LcbWindow[] = [window("2024-08-01", "2025-04-07")];

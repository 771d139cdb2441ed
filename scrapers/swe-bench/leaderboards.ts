/**
 * The boards of SWE-bench's leaderboards.json, by the `name` the file gives each, and the
 * benchmark id their scores carry. "Test" is the full 2,294-task test set the site shows
 * as "Full".
 */
import type { BenchmarkDefinition } from "../source.ts";

export const SWE_BENCH_SOURCE_ID = "swe-bench";

export const SWE_BENCH_LEADERBOARDS_URL =
  "https://raw.githubusercontent.com/SWE-bench/swe-bench.github.io/main/data/leaderboards.json";

const SITE = "https://www.swebench.com/";

export const BASH_ONLY_BOARD = "bash-only";

export const sweBenchBoards: ReadonlyMap<string, BenchmarkDefinition> = new Map([
  [
    BASH_ONLY_BOARD,
    {
      id: "swe-bench-bash-only",
      name: "SWE-bench Verified, bash only (mini-SWE-agent)",
      scale: "percent",
      higherIsBetter: true,
      description:
        "SWE-bench Verified solved by each model under the same minimal bash-only scaffold (mini-SWE-agent): the one board that compares models rather than agent systems. Percent of issues resolved.",
      url: SITE,
    },
  ],
  [
    "Verified",
    {
      id: "swe-bench-verified",
      name: "SWE-bench Verified",
      scale: "percent",
      higherIsBetter: true,
      description: "500 human-validated GitHub issues from Python repositories; percent resolved by a model inside its submitter's agent scaffold.",
      url: SITE,
    },
  ],
  [
    "Lite",
    {
      id: "swe-bench-lite",
      name: "SWE-bench Lite",
      scale: "percent",
      higherIsBetter: true,
      description: "300 self-contained GitHub issues; percent resolved by a model inside its submitter's agent scaffold.",
      url: SITE,
    },
  ],
  [
    "Test",
    {
      id: "swe-bench-full",
      name: "SWE-bench (full test set)",
      scale: "percent",
      higherIsBetter: true,
      description: "The full 2,294-issue SWE-bench test set; percent resolved by a model inside its submitter's agent scaffold.",
      url: SITE,
    },
  ],
  [
    "Multimodal",
    {
      id: "swe-bench-multimodal",
      name: "SWE-bench Multimodal",
      scale: "percent",
      higherIsBetter: true,
      description: "JavaScript issues with visual elements (screenshots, diagrams); percent resolved by a model inside its submitter's agent scaffold.",
      url: SITE,
    },
  ],
]);

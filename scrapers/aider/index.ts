import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { AIDER_SOURCE_ID, aiderLeaderboards } from "./leaderboards.ts";
import { parseAiderLeaderboards } from "./parse.ts";

export const aiderSource: BenchmarkSource = {
  id: AIDER_SOURCE_ID,
  kind: "benchmark",
  description: "Aider LLM leaderboards (polyglot, code editing, refactoring): YAML data files of the aider.chat site.",
  urls: aiderLeaderboards.map((board) => board.url),
  format: "yaml",
  schedule: DAILY_UTC,
  replayPaths: [
    "benchmarks/aider/polyglot_leaderboard.2025-10-04.cb6a152.yml",
    "benchmarks/aider/edit_leaderboard.2024-12-22.c895e99.yml",
    "benchmarks/aider/refactor_leaderboard.2024-10-22.1efb0ba.yml",
  ],
  benchmarks: aiderLeaderboards.map((board) => board.benchmark),
  parse: parseAiderLeaderboards,
};

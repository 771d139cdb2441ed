/** LMArena (arena.ai) text boards of 2026, per category, as dated snapshots. */
import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { LMARENA_2026_BENCHMARKS, lmarena2026ReleaseDefinition } from "./benchmarks.ts";
import { LMARENA_2026_SOURCE_ID, parseLmarena2026 } from "./parse.ts";

const DATA = "https://raw.githubusercontent.com/SmallAi-API/LLM-Ranking/main/data";

export const lmarena2026Source: BenchmarkSource = {
  id: LMARENA_2026_SOURCE_ID,
  kind: "benchmark",
  description:
    "arena.ai text leaderboards of 2026 (raw and style control, overall and 27 categories including legal), from the " +
    "SmallAi-API/LLM-Ranking scrape in arena-catalog format; each snapshot date is its own benchmark (ratings are re-fitted).",
  urls: [`${DATA}/leaderboard-text.json`, `${DATA}/leaderboard-text-style-control.json`],
  format: "json",
  schedule: DAILY_UTC,
  replayPaths: [
    "benchmarks/lmarena-2026/smallai.leaderboard-text-style-control.2026-02-27.eeff8dc.json",
    "benchmarks/lmarena-2026/smallai.leaderboard-text-style-control.2026-04-30.5bad504.json",
    "benchmarks/lmarena-2026/smallai.leaderboard-text-style-control.2026-07-08.fa9be56.json",
    "benchmarks/lmarena-2026/smallai.leaderboard-text.2026-07-08.fa9be56.json",
  ],
  benchmarks: LMARENA_2026_BENCHMARKS,
  releaseDefinition: lmarena2026ReleaseDefinition,
  parse: parseLmarena2026,
};

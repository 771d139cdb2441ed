/** LMArena (formerly Chatbot Arena): human-preference Elo ratings, overall and per category. */
import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { LMARENA_BENCHMARKS } from "./benchmarks.ts";
import { LMARENA_SOURCE_ID } from "./errors.ts";
import { parseLmarena } from "./parse.ts";

const ARENA_CATALOG_DATA = "https://raw.githubusercontent.com/lmarena/arena-catalog/main/data";

export const lmarenaSource: BenchmarkSource = {
  id: LMARENA_SOURCE_ID,
  kind: "benchmark",
  description:
    "LMArena text leaderboards (raw and style-controlled, overall and per category: coding, math, creative writing, " +
    "instruction following, hard prompts, long query, multi-turn, languages, industries such as legal and medical) " +
    "from LMArena's arena-catalog JSON; replay also reads the fboulnois CSVs, the jasontrigg0 rating history and a top-N code-arena copy.",
  urls: [
    `${ARENA_CATALOG_DATA}/leaderboard-text.json`,
    `${ARENA_CATALOG_DATA}/leaderboard-text-style-control.json`,
    // Display names, organizations and licences of the keys above.
    `${ARENA_CATALOG_DATA}/scatterplot-data.json`,
  ],
  format: "json",
  schedule: DAILY_UTC,
  replayPaths: ["benchmarks/lmarena"],
  benchmarks: LMARENA_BENCHMARKS,
  parse: parseLmarena,
};

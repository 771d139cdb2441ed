import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { parseBfclTables } from "./parse.ts";
import { BFCL_SOURCE_ID, bfclBenchmarks, bfclTables } from "./tables.ts";

export const bfclSource: BenchmarkSource = {
  id: BFCL_SOURCE_ID,
  kind: "benchmark",
  description: "Berkeley Function Calling Leaderboard (BFCL): overall and per-category CSVs behind gorilla.cs.berkeley.edu/leaderboard.html.",
  urls: bfclTables.map((table) => table.url),
  format: "csv",
  schedule: DAILY_UTC,
  replayPaths: bfclTables.map((table) => `benchmarks/bfcl/${table.fileStem}.2025-12-16.ea03bc8.csv`),
  benchmarks: bfclBenchmarks,
  parse: parseBfclTables,
};

import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { LIVEBENCH_BENCHMARKS } from "./benchmarks.ts";
import { parseLivebench } from "./parse.ts";
import { LIVEBENCH_SOURCE_ID } from "./source-id.ts";

/** Releases up to 2026_01_08 live in the old site's repository, 2026_06_25 (with costs) in new-livebench. */
const OLD_SITE = "https://raw.githubusercontent.com/LiveBench/livebench.github.io/HEAD/public";
const NEW_SITE = "https://raw.githubusercontent.com/LiveBench/new-livebench/HEAD/public";
const SNAPSHOTS = "benchmarks/livebench";

export const livebenchSource: BenchmarkSource = {
  id: LIVEBENCH_SOURCE_ID,
  kind: "benchmark",
  description:
    "LiveBench per-task score tables with their category maps (and the measured run cost where published); category and global averages computed as livebench.ai does.",
  urls: [
    ...["2024_11_25", "2025_05_30", "2026_01_08"].flatMap((release) => [
      `${OLD_SITE}/table_${release}.csv`,
      `${OLD_SITE}/categories_${release}.json`,
    ]),
    `${NEW_SITE}/table_2026_06_25.csv`,
    `${NEW_SITE}/categories_2026_06_25.json`,
    `${NEW_SITE}/cost_2026_06_25.csv`,
  ],
  format: "csv",
  schedule: DAILY_UTC,
  replayPaths: [
    `${SNAPSHOTS}/livebench.github.io.table_2024_11_25.4bf96c8.csv`,
    `${SNAPSHOTS}/livebench.github.io.categories_2024_11_25.4bf96c8.json`,
    `${SNAPSHOTS}/livebench.github.io.table_2025_05_30.4bf96c8.csv`,
    `${SNAPSHOTS}/livebench.github.io.categories_2025_05_30.4bf96c8.json`,
    `${SNAPSHOTS}/livebench.github.io.table_2026_01_08.4bf96c8.csv`,
    `${SNAPSHOTS}/livebench.github.io.categories_2026_01_08.4bf96c8.json`,
    `${SNAPSHOTS}/new-livebench.table_2026_06_25.5b4fdee.csv`,
    `${SNAPSHOTS}/new-livebench.categories_2026_06_25.5b4fdee.json`,
    `${SNAPSHOTS}/new-livebench.cost_2026_06_25.5b4fdee.csv`,
  ],
  benchmarks: LIVEBENCH_BENCHMARKS,
  parse: parseLivebench,
};

/** ARC Prize leaderboards (ARC-AGI-1/2/3): scores with measured cost per task. */
import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { ARC_DATASETS } from "./benchmarks.ts";
import { ARC_AGI_SOURCE_ID, parseArcAgi } from "./parse.ts";

const DATA = "https://arcprize.org/media/data";

export const arcAgiSource: BenchmarkSource = {
  id: ARC_AGI_SOURCE_ID,
  kind: "benchmark",
  description:
    "ARC Prize leaderboard data (ARC-AGI-1, -2, -3 per evaluation set: share of tasks solved, cost per task) from arcprize.org's " +
    "evaluations.json and models.json; human panels, Kaggle entries and refinement scaffolds are skipped as systems.",
  urls: [`${DATA}/evaluations.json`, `${DATA}/models.json`],
  format: "json",
  schedule: DAILY_UTC,
  replayPaths: ["benchmarks/arc-agi/arcprize.evaluations.2026-06-16.5ff7088.json", "benchmarks/arc-agi/arcprize.models.2026-06-16.5ff7088.json"],
  benchmarks: ARC_DATASETS.map((dataset) => dataset.definition),
  parse: parseArcAgi,
};

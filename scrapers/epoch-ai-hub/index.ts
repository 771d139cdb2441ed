/** Epoch AI's Benchmarking Hub download: Epoch-run and copied leaderboards, plus each download's ECI fit. */
import { eciBenchmark, eciReleaseDefinition } from "../epoch-ai/eci.ts";
import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { EPOCH_AI_HUB_SOURCE_ID, parseEpochAiHub } from "./parse.ts";
import { HUB_TABLES } from "./tables.ts";

// Epoch ships the tables only as benchmark_data.zip; the newest unzipped copy on GitHub, pinned to its commit.
const DATA = "https://raw.githubusercontent.com/madhu24raj/bayes-llm-saturation/8698b9ba92fdb58d51d67f4828376b7adca29afa/benchmark_data";

export const epochAiHubSource: BenchmarkSource = {
  id: EPOCH_AI_HUB_SOURCE_ID,
  kind: "benchmark",
  description:
    "Epoch AI Benchmarking Hub CSVs (GPQA Diamond, FrontierMath, OTIS AIME, MATH 5, SWE-bench Verified, SimpleQA Verified, HLE, " +
    "Fiction.LiveBench, SWE-bench bash-only, SimpleBench, WeirdML, Terminal-Bench 2.0, GDPval, creative writing) and the ECI fit of each download.",
  urls: [...HUB_TABLES.map((table) => `${DATA}/${table.file}.csv`), `${DATA}/epoch_capabilities_index.csv`],
  format: "csv",
  schedule: DAILY_UTC,
  replayPaths: ["benchmarks/epoch-ai-hub/benchmark_data.2026-04-19.8698b9b"],
  benchmarks: [
    ...HUB_TABLES.map((table) => table.definition),
    // Named by the newest Epoch run in the download (its data date), which the content states.
    eciBenchmark("2026-02-25", "the download committed on 2026-03-09 to louis0487/LLM-Benchmark-Lifecycle, newest run 2026-02-25"),
    eciBenchmark("2026-04-17", "the download committed on 2026-04-19 to madhu24raj/bayes-llm-saturation, newest run 2026-04-17"),
  ],
  releaseDefinition: eciReleaseDefinition,
  parse: parseEpochAiHub,
};

/** Epoch AI's Capabilities Index (ECI) of 2026-02-22, the first recorded fit. */
import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { eciBenchmark, eciReleaseDefinition } from "./eci.ts";
import { EPOCH_AI_FIT_DATE, EPOCH_AI_SOURCE_ID, parseEpochAi } from "./parse.ts";

export const epochAiSource: BenchmarkSource = {
  id: EPOCH_AI_SOURCE_ID,
  kind: "benchmark",
  description:
    "Epoch AI Capabilities Index (one IRT ability per model across Epoch's benchmark hub), from epoch_capabilities_index.csv " +
    "of Epoch's benchmark download. Each fit date is its own benchmark; newer fits come with the epoch-ai-hub source.",
  // Epoch publishes the CSV only inside its benchmark_data.zip; this is the one stored unedited copy (see PROVENANCE.md).
  urls: ["https://raw.githubusercontent.com/peterhurford/metr_graph/7ad858c76337abacffd399766d308be9e476b0db/epoch_capabilities_index.csv"],
  format: "csv",
  schedule: DAILY_UTC,
  replayPaths: ["benchmarks/epoch-ai/epoch_capabilities_index.2026-02-22.7ad858c.csv"],
  benchmarks: [eciBenchmark(EPOCH_AI_FIT_DATE, "first commit of the file in peterhurford/metr_graph, taken as the unedited download")],
  releaseDefinition: eciReleaseDefinition,
  parse: parseEpochAi,
};

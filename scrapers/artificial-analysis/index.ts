import { DAILY_UTC, type BenchmarkSource } from "../source.ts";
import { AA_BENCHMARKS } from "./benchmarks.ts";
import { parseArtificialAnalysis } from "./parse.ts";
import { AA_SOURCE_ID } from "./source-id.ts";

export { parseArtificialAnalysisPrices } from "./parse-prices.ts";

/**
 * The key goes in an `x-api-key` header. The free tier allows 1,000 requests a day and
 * asks for attribution to artificialanalysis.ai wherever the data is shown.
 */
export const artificialAnalysisSource: BenchmarkSource = {
  id: AA_SOURCE_ID,
  kind: "benchmark",
  description:
    "Artificial Analysis API: intelligence / coding / math indices (versioned ids) and single evaluations as 0-1 fractions; prices via parseArtificialAnalysisPrices.",
  urls: ["https://artificialanalysis.ai/api/v2/data/llms/models"],
  format: "json",
  schedule: DAILY_UTC,
  apiKeyEnv: "ARTIFICIAL_ANALYSIS_API_KEY",
  apiKeyHeader: "x-api-key",
  replayPaths: ["benchmarks/artificial-analysis/aa_api_v2_data_llms_models.2026-07-31.a1a2548.json"],
  benchmarks: AA_BENCHMARKS,
  parse: parseArtificialAnalysis,
};

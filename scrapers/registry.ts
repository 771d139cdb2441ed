/** Every source pricewar knows, in one list: the scheduler, the CLI and the API read it. */
import { aiderSource } from "./aider/index.ts";
import { anthropicDocsSource } from "./anthropic-docs/index.ts";
import { anthropicPricingSource } from "./anthropic-pricing/index.ts";
import { arcAgiSource } from "./arc-agi/index.ts";
import { artificialAnalysisSource } from "./artificial-analysis/index.ts";
import { bfclSource } from "./bfcl/index.ts";
import { deepseekPricingSource } from "./deepseek-pricing/index.ts";
import { epochAiHubSource } from "./epoch-ai-hub/index.ts";
import { epochAiSource } from "./epoch-ai/index.ts";
import { geminiPricingSource } from "./gemini-pricing/index.ts";
import { genaiPricesSource } from "./genai-prices/index.ts";
import { halSource } from "./hal/index.ts";
import { helmSource } from "./helm/index.ts";
import { langfuseSource } from "./langfuse/index.ts";
import { litellmSource } from "./litellm/index.ts";
import { livebenchSource } from "./livebench/index.ts";
import { liveCodeBenchSource } from "./livecodebench/index.ts";
import { llmPricesSource } from "./llm-prices/index.ts";
import { lmarenaSource } from "./lmarena/index.ts";
import { lmarena2026Source } from "./lmarena-2026/index.ts";
import { mistralPricingSource } from "./mistral-pricing/index.ts";
import { modelsdevSource } from "./modelsdev/index.ts";
import { openaiPricingSource } from "./openai-pricing/index.ts";
import { openrouterSource } from "./openrouter/index.ts";
import { portkeySource } from "./portkey/index.ts";
import type { SourceDefinition } from "./source.ts";
import { sweBenchSource } from "./swe-bench/index.ts";
import { tau2BenchSource } from "./tau2-bench/index.ts";
import { valsAiSource } from "./vals-ai/index.ts";
import { xaiModelsSource } from "./xai-models/index.ts";
import { zaiBigmodelPricingSource, zaiPricingSource } from "./zai-pricing/index.ts";

export const SOURCES: readonly SourceDefinition[] = [
  // Prices: machine-readable aggregators and community tables
  openrouterSource,
  litellmSource,
  modelsdevSource,
  genaiPricesSource,
  llmPricesSource,
  portkeySource,
  langfuseSource,
  // Prices: providers' own pages (first-party authority)
  anthropicDocsSource,
  anthropicPricingSource,
  openaiPricingSource,
  geminiPricingSource,
  deepseekPricingSource,
  xaiModelsSource,
  zaiPricingSource,
  zaiBigmodelPricingSource,
  mistralPricingSource,
  // Benchmarks
  aiderSource,
  lmarenaSource,
  sweBenchSource,
  livebenchSource,
  artificialAnalysisSource,
  bfclSource,
  tau2BenchSource,
  // Benchmarks of issue 14 (versions and fit dates are separate benchmark ids)
  valsAiSource,
  lmarena2026Source,
  helmSource,
  epochAiHubSource,
  epochAiSource,
  arcAgiSource,
  halSource,
  liveCodeBenchSource,
];

export class UnknownSourceError extends Error {
  constructor(readonly id: string) {
    super(`unknown source "${id}"; known sources: ${SOURCES.map((source) => source.id).join(", ")}`);
    this.name = "UnknownSourceError";
  }
}

export function sourceById(id: string): SourceDefinition {
  const source = SOURCES.find((candidate) => candidate.id === id);
  if (!source) throw new UnknownSourceError(id);
  return source;
}

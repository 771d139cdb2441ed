import { DAILY_UTC, type PriceSource } from "../source.ts";
import { parsePortkeyPricing } from "./parse.ts";
import { PORTKEY_SOURCE_ID } from "./sourceId.ts";

/** The provider files of Portkey-AI/models `pricing/` (46 on 2026-08-21). */
const PROVIDER_FILES = [
  "ai21", "anthropic", "anyscale", "azure-ai", "azure-openai", "bedrock", "bedrock-mantle", "byteplus", "cerebras",
  "claude-platform-aws", "cohere", "dashscope", "deepbricks", "deepgram", "deepinfra", "deepseek", "ember-cloud",
  "fal-ai", "fireworks-ai", "google", "groq", "jina", "lightning-ai", "minimax", "mistral-ai", "monsterapi",
  "moonshot", "nebius", "nomic", "novita-ai", "openai", "openrouter", "oracle", "palm", "perplexity-ai",
  "predibase", "reka-ai", "sagemaker", "segmind", "stability-ai", "together-ai", "vertex-ai", "workers-ai", "x-ai",
  "z-ai", "zhipu",
] as const;

export const portkeySource: PriceSource = {
  id: PORTKEY_SOURCE_ID,
  kind: "price",
  description: "Portkey's community price book (Portkey-AI/models pricing/<provider>.json): US cents per token, per provider file.",
  urls: PROVIDER_FILES.map((file) => `https://raw.githubusercontent.com/Portkey-AI/models/main/pricing/${file}.json`),
  format: "json",
  schedule: DAILY_UTC,
  authority: "community",
  fullSnapshot: true,
  replayPaths: ["prices/portkey/2026-08-21/pricing"],
  // Dense: a Portkey byte prices three times the offerings a LiteLLM byte does, so half the default
  // keeps a run's work near an 8 MB LiteLLM one (bench/large-payloads.ts). Real files are under 0.5 MB.
  maxPayloadBytes: 4 * 1024 * 1024,
  parse: parsePortkeyPricing,
};

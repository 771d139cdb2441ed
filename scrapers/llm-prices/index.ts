import { DAILY_UTC, type PriceSource } from "../source.ts";
import { LLM_PRICES_ID, parseLlmPrices } from "./parse.ts";

/** One file per vendor upstream; a vendor added there needs adding here. */
const VENDORS = [
  "amazon",
  "anthropic",
  "deepseek",
  "google",
  "meta-ai",
  "minimax",
  "mistral",
  "moonshot-ai",
  "openai",
  "qwen",
  "xai",
] as const;

export const llmPricesSource: PriceSource = {
  id: LLM_PRICES_ID,
  kind: "price",
  description: "simonw/llm-prices vendor price tables (data behind llm-prices.com), USD per 1M tokens, with dated price history",
  urls: VENDORS.map((vendor) => `https://raw.githubusercontent.com/simonw/llm-prices/main/data/${vendor}.json`),
  format: "json",
  schedule: DAILY_UTC,
  authority: "community",
  fullSnapshot: true,
  replayPaths: ["prices/llm-prices/2026-08-06"],
  parse: parseLlmPrices,
};

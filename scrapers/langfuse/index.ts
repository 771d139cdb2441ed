import { DAILY_UTC, type PriceSource } from "../source.ts";
import { parseLangfuseModelPrices } from "./parse.ts";
import { LANGFUSE_SOURCE_ID } from "./sourceId.ts";

export const langfuseSource: PriceSource = {
  id: LANGFUSE_SOURCE_ID,
  kind: "price",
  description: "Langfuse's default model prices (worker/src/constants/default-model-prices.json): first-party list prices in USD per token, with service-tier and long-context tiers.",
  urls: ["https://raw.githubusercontent.com/langfuse/langfuse/main/worker/src/constants/default-model-prices.json"],
  format: "json",
  schedule: DAILY_UTC,
  authority: "community",
  // Langfuse keeps retired models with their last price: absence says nothing about delisting, and it covers only three labs.
  fullSnapshot: false,
  replayPaths: ["prices/langfuse/default-model-prices_2026-08-21_2b0e9d23a1.json"],
  parse: parseLangfuseModelPrices,
};

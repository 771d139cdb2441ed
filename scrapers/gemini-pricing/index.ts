import { DAILY_UTC, type PriceSource } from "../source.ts";
import { parseGeminiPricing } from "./parse.ts";
import { GEMINI_PRICING_SOURCE_ID } from "./source-id.ts";

export const geminiPricingSource: PriceSource = {
  id: GEMINI_PRICING_SOURCE_ID,
  kind: "price",
  description: "Google's Gemini Developer API pricing page: USD per 1M tokens per model and service tier (Standard, Batch, Flex, Priority), with >200k-token prompt tiers.",
  urls: ["https://ai.google.dev/gemini-api/docs/pricing"],
  format: "html",
  schedule: DAILY_UTC,
  authority: "first-party",
  fullSnapshot: true,
  replayPaths: ["pages/google/ai.google.dev_gemini-api_docs_pricing.2026-04-27.html"],
  parse: parseGeminiPricing,
};

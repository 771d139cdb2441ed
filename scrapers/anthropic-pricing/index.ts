import { DAILY_UTC, type PriceSource } from "../source.ts";
import { ANTHROPIC_PRICING_SOURCE_ID } from "./errors.ts";
import { parseAnthropicPricing } from "./parse.ts";

export const anthropicPricingSource: PriceSource = {
  id: ANTHROPIC_PRICING_SOURCE_ID,
  kind: "price",
  description: "Anthropic's marketing pricing page (claude.com/pricing): per-model API cards with input, output and 5-minute prompt-caching write/read prices",
  urls: ["https://claude.com/pricing"],
  format: "html",
  schedule: DAILY_UTC,
  authority: "first-party",
  fullSnapshot: true,
  replayPaths: ["pages/anthropic/claude.com_pricing.2026-05-08.html"],
  parse: parseAnthropicPricing,
};

import { DAILY_UTC, type PriceSource } from "../source.ts";
import { parseMistralPricing } from "./parse.ts";
import { MISTRAL_PRICING_SOURCE_ID } from "./source-id.ts";

export const mistralPricingSource: PriceSource = {
  id: MISTRAL_PRICING_SOURCE_ID,
  kind: "price",
  description: "Mistral AI's pricing page (API tab): USD per 1M input and output tokens per model, read from the page's Next.js flight payload.",
  urls: ["https://mistral.ai/pricing"],
  format: "html",
  schedule: DAILY_UTC,
  authority: "first-party",
  fullSnapshot: true,
  replayPaths: ["pages/mistral/mistral.ai_pricing.2026-05-08.html"],
  parse: parseMistralPricing,
};

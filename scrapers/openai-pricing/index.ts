import { DAILY_UTC, type PriceSource } from "../source.ts";
import { OPENAI_PRICING_SOURCE_ID } from "./errors.ts";
import { parseOpenaiPricing } from "./parse.ts";

export const openaiPricingSource: PriceSource = {
  id: OPENAI_PRICING_SOURCE_ID,
  kind: "price",
  description:
    "OpenAI's API pricing page: text-token prices per model for the standard, batch, flex and priority (fast mode) tiers, with cached input, cache writes and long-context prices",
  // platform.openai.com/docs/pricing redirects here, and answers non-browser clients with a bot challenge.
  urls: ["https://developers.openai.com/api/docs/pricing"],
  format: "html",
  schedule: DAILY_UTC,
  authority: "first-party",
  fullSnapshot: true,
  replayPaths: ["pages/openai/developers.openai.com_api_docs_pricing.2026-04-27.html", "pages/openai/developers.openai.com_api_docs_pricing.2026-08-21.html"],
  parse: parseOpenaiPricing,
};

import { DAILY_UTC, type PriceSource } from "../source.ts";
import { parseBigmodelPricing } from "./bigmodel-parse.ts";
import { parseZaiPricing } from "./parse.ts";
import { ZAI_BIGMODEL_PRICING_SOURCE_ID, ZAI_PRICING_SOURCE_ID } from "./source-id.ts";

export const zaiPricingSource: PriceSource = {
  id: ZAI_PRICING_SOURCE_ID,
  kind: "price",
  description: "Z.ai's international pricing docs page: USD per 1M tokens for input, cached input and output of the GLM text and vision models.",
  urls: ["https://docs.z.ai/guides/overview/pricing"],
  format: "html",
  schedule: DAILY_UTC,
  authority: "first-party",
  fullSnapshot: true,
  replayPaths: ["pages/zai/docs.z.ai_guides_overview_pricing.2026-08-18.html"],
  parse: parseZaiPricing,
};

/**
 * A source of its own, not a second URL of zai-pricing: open.bigmodel.cn is Zhipu's China
 * platform with its own catalogue (GLM-4-Plus, CharGLM, batch prices...), its own names and
 * CNY prices, and it is a single-page app that only a browser render turns into prices.
 * Fetched with zai-pricing, its app shell would fail every run of the USD page too.
 */
export const zaiBigmodelPricingSource: PriceSource = {
  id: ZAI_BIGMODEL_PRICING_SOURCE_ID,
  kind: "price",
  description: "Zhipu's China pricing page (open.bigmodel.cn): CNY per 1M tokens for the GLM models, with input-length tiers and Batch API prices. Needs a browser-rendered page.",
  urls: ["https://open.bigmodel.cn/pricing"],
  format: "html",
  schedule: DAILY_UTC,
  authority: "first-party",
  fullSnapshot: true,
  replayPaths: ["pages/zai/open.bigmodel.cn_pricing.playwright-rendered.2026-07-20.html"],
  parse: parseBigmodelPricing,
};

import { DAILY_UTC, type PriceSource } from "../source.ts";
import { parseDeepseekPricing } from "./parse.ts";
import { DEEPSEEK_PRICING_SOURCE_ID } from "./source-id.ts";

/**
 * One source, two pages: the English (USD) and Chinese (CNY) pages are the same Docusaurus
 * build of the same table, fetched the same way and read by the same parser; together they
 * are DeepSeek's full price list. Each observation keeps the currency of its page.
 */
export const deepseekPricingSource: PriceSource = {
  id: DEEPSEEK_PRICING_SOURCE_ID,
  kind: "price",
  description: "DeepSeek's Models & Pricing page: per 1M tokens for cache-hit input, cache-miss input and output, in USD (English page) and CNY (Chinese page).",
  urls: ["https://api-docs.deepseek.com/quick_start/pricing", "https://api-docs.deepseek.com/zh-cn/quick_start/pricing"],
  format: "html",
  schedule: DAILY_UTC,
  authority: "first-party",
  fullSnapshot: true,
  replayPaths: [
    "pages/deepseek/api-docs.deepseek.com_quick_start_pricing.en.2026-05-08.html",
    "pages/deepseek/api-docs.deepseek.com_zh-cn_quick_start_pricing.zh-cn.2026-07-17.html",
  ],
  parse: parseDeepseekPricing,
};

/**
 * DeepSeek "Models & Pricing" (api-docs.deepseek.com): one table, one column per model,
 * prices per 1M tokens for cache-hit input, cache-miss input and output. The English page
 * is in USD, the Chinese page in CNY; each document keeps its own currency, and the CNY
 * list is the China storefront (region "cn"), so the two never share a price series.
 *
 * Promotions: the page shows the price charged now and strikes through the list price.
 * The charged price is the observation (it is what a call costs at observedAt); the end
 * of the promotion is prose in a footnote and shows up as a price change on a later run.
 */
import { loadHtml } from "../lib/load-html.ts";
import { priceObservationSchema, type PriceObservation } from "../../src/domain/observation.ts";
import { PayloadError, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { isModelTable, readModelTable, type ModelColumn } from "./model-table.ts";
import { DEEPSEEK_PRICING_SOURCE_ID } from "./source-id.ts";

function observationsOf(column: ModelColumn, currency: "USD" | "CNY", documentName: string): PriceObservation[] {
  return [...column.prices].map(([variant, prices]) => {
    const input = prices.get("input");
    const output = prices.get("output");
    if (!input || !output) {
      throw new PayloadError(DEEPSEEK_PRICING_SOURCE_ID, `${column.model} ${variant}: needs both a cache-miss input and an output price`, documentName);
    }
    return priceObservationSchema.parse({
      provider: "deepseek",
      model: column.model,
      // The table's MODEL row holds the API model names (deepseek-chat, deepseek-v4-pro).
      nativeId: column.model,
      variant,
      region: currency === "CNY" ? "cn" : "",
      currency,
      input,
      output,
      cacheRead: prices.get("cacheRead") ?? null,
      hints: {
        displayName: column.displayName,
        contextWindow: column.contextWindow,
        maxOutputTokens: column.maxOutputTokens,
      },
    });
  });
}

function parseDocument(document: PayloadDocument): PriceObservation[] {
  const $ = loadHtml(document.body);
  const tables = $("table")
    .toArray()
    .filter((table) => isModelTable($, table));
  if (tables.length === 0) {
    throw new PayloadError(DEEPSEEK_PRICING_SOURCE_ID, "no model table (a MODEL row): not the pricing page, or its layout changed", document.name);
  }
  const observations = tables.flatMap((table) => {
    const { currency, columns } = readModelTable($, table, document.name);
    return columns.flatMap((column) => observationsOf(column, currency, document.name));
  });
  const keys = observations.map((observation) => `${observation.model} ${observation.variant}`);
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate) throw new PayloadError(DEEPSEEK_PRICING_SOURCE_ID, `${duplicate} is priced by two tables`, document.name);
  return observations;
}

export function parseDeepseekPricing(documents: readonly PayloadDocument[], _context: ParseContext): ParseResult<PriceObservation> {
  if (documents.length === 0) throw new PayloadError(DEEPSEEK_PRICING_SOURCE_ID, "no payload document");
  return { observations: documents.flatMap(parseDocument), skipped: [] };
}

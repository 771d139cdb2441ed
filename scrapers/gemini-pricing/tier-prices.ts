/**
 * Turns one tier's pricing table into token prices, or into the reason it is not a token
 * price (media models priced per image/second, embeddings, tiers without a paid price).
 * The Free Tier column is never read: free quota is not a price.
 */
import type { DecimalString } from "../../src/domain/money.ts";
import type { ContextTier } from "../../src/domain/observation.ts";
import { PayloadError } from "../source.ts";
import type { PricingRow, PricingTable } from "./model-sections.ts";
import { readPaidCell, type PaidCell } from "./paid-cell.ts";
import { GEMINI_PRICING_SOURCE_ID } from "./source-id.ts";

export type TierPrices =
  | { kind: "priced"; input: DecimalString; output: DecimalString; cacheRead: DecimalString | null; tiers: ContextTier[] }
  | { kind: "skipped"; reason: string };

const INPUT_ROW = /^(text )?input price\b/i;
const OUTPUT_ROW = /^output price\b/i;
const CACHE_ROW = /^context caching price\b/i;

function findRow(rows: readonly PricingRow[], label: RegExp): PricingRow | undefined {
  return rows.find((row) => label.test(row.label));
}

function longContextTiers(input: PaidCell & { kind: "token" }, output: PaidCell & { kind: "token" }, cache: PaidCell): ContextTier[] {
  const thresholds = new Set([...input.longContext, ...output.longContext].map((tier) => tier.minInputTokens));
  const priceAbove = (cell: PaidCell, minInputTokens: number): DecimalString | null =>
    cell.kind === "token" ? (cell.longContext.find((tier) => tier.minInputTokens === minInputTokens)?.amount ?? null) : null;
  return [...thresholds]
    .sort((a, b) => a - b)
    .map((minInputTokens) => ({
      minInputTokens,
      input: priceAbove(input, minInputTokens),
      output: priceAbove(output, minInputTokens),
      cacheRead: priceAbove(cache, minInputTokens),
      cacheWrite: null,
    }));
}

/** `context` names the model and tier in error messages; `isEmbedding` allows input-only pricing. */
export function readTierPrices(table: PricingTable, context: string, isEmbedding: boolean): TierPrices {
  const fail = (why: string): never => {
    throw new PayloadError(GEMINI_PRICING_SOURCE_ID, `${context}: ${why}`);
  };
  if (table.paidHeader === null) return fail('no "Paid Tier" column');
  const unit = table.paidHeader.replace(/^paid tier,?\s*/i, "");
  if (!/\bUSD\b/.test(unit)) return fail(`paid column is not in USD: "${table.paidHeader}"`);
  if (!/per 1M tokens/i.test(unit)) return { kind: "skipped", reason: `priced ${unit}, not per token` };

  const inputRow = findRow(table.rows, INPUT_ROW);
  if (!inputRow) return fail('no "Input price" row');
  const outputRow = findRow(table.rows, OUTPUT_ROW);
  if (!outputRow) {
    if (isEmbedding) return { kind: "skipped", reason: "embedding model: input-only pricing" };
    return fail('an "Input price" row but no "Output price" row');
  }
  const input = readPaidCell(inputRow.paidLines, `${context} input`);
  const output = readPaidCell(outputRow.paidLines, `${context} output`);
  const cacheRow = findRow(table.rows, CACHE_ROW);
  const cache: PaidCell = cacheRow ? readPaidCell(cacheRow.paidLines, `${context} context caching`) : { kind: "not-available" };

  if (input.kind === "not-available" && output.kind === "not-available") return { kind: "skipped", reason: "no paid-tier price (free tier only, or not offered in this tier)" };
  if (output.kind === "per-unit") return { kind: "skipped", reason: `output priced ${output.unit}, not per token` };
  if (input.kind !== "token" || output.kind !== "token") return fail(`input (${input.kind}) and output (${output.kind}) are not both token prices`);
  return {
    kind: "priced",
    input: input.base,
    output: output.base,
    cacheRead: cache.kind === "token" ? cache.base : null,
    tiers: longContextTiers(input, output, cache),
  };
}

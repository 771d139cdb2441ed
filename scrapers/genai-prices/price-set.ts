/**
 * One genai-prices price object as exact per-1M amounts: the base prices plus one context
 * tier per distinct tier start found in any field.
 */
import { perMillion, type DecimalString } from "../../src/domain/money.ts";
import type { ContextTier } from "../../src/domain/observation.ts";
import type { ModelPrice, PriceValue } from "./schema.ts";

export interface PriceSet {
  input: DecimalString | null;
  output: DecimalString | null;
  cacheRead: DecimalString | null;
  cacheWrite: DecimalString | null;
  cacheWrite1h: DecimalString | null;
  tiers: ContextTier[];
}

/** The amount that applies once the prompt exceeds `inputTokens` (the base below every tier). */
function amountAbove(value: PriceValue | undefined, inputTokens: number): DecimalString | null {
  if (value === undefined) return null;
  if (typeof value === "number") return perMillion(value);
  const reached = value.tiers.filter((tier) => tier.start <= inputTokens).sort((a, b) => b.start - a.start)[0];
  return perMillion(reached ? reached.price : value.base);
}

function tierStarts(price: ModelPrice): number[] {
  const starts = new Set<number>();
  for (const value of [price.input_mtok, price.output_mtok, price.cache_read_mtok, price.cache_write_mtok]) {
    if (typeof value === "object") for (const tier of value.tiers) starts.add(tier.start);
  }
  return [...starts].sort((a, b) => a - b);
}

export function toPriceSet(price: ModelPrice): PriceSet {
  // A field without tiers keeps its flat price above every threshold: the tier states it in full.
  const tiers = tierStarts(price).map(
    (start): ContextTier => ({
      minInputTokens: start,
      input: amountAbove(price.input_mtok, start),
      output: amountAbove(price.output_mtok, start),
      cacheRead: amountAbove(price.cache_read_mtok, start),
      cacheWrite: amountAbove(price.cache_write_mtok, start),
    }),
  );
  return {
    input: amountAbove(price.input_mtok, 0),
    output: amountAbove(price.output_mtok, 0),
    cacheRead: amountAbove(price.cache_read_mtok, 0),
    cacheWrite: amountAbove(price.cache_write_mtok, 0),
    cacheWrite1h: amountAbove(price.cache_write_1h_mtok, 0),
    tiers,
  };
}

/**
 * One token-price row to one observation. The long-context tier starts at the threshold
 * the page states: the row's own "(<272K context length)" qualifier, else the page-wide
 * threshold of the "Long context" header tooltips. A qualified row whose long-context
 * price the static page does not show still gets its tier, with unknown (null) prices:
 * its listed price holds only below the threshold.
 */
import type { ContextTier, PriceObservation } from "../../src/domain/observation.ts";
import { PricingLayoutError } from "./errors.ts";
import type { TokenPriceRow, TokenPrices } from "./token-prices.ts";

/** The row's observation, or null when the row lists no price at all (a model shown with dashes only). */
export function tokenObservation(row: TokenPriceRow, pageThreshold: number | null): PriceObservation | null {
  if (Object.values(row.short).every((price) => price === null) && !hasAnyPrice(row.long)) return null;
  requireInputAndOutput(row.short, `${row.model} (${row.variant})`);
  return {
    provider: "openai",
    model: row.model,
    // The pricing page lists models by their API ids.
    nativeId: row.model,
    variant: row.variant,
    region: "",
    currency: "USD",
    input: row.short.input,
    output: row.short.output,
    cacheRead: row.short.cacheRead,
    cacheWrite: row.short.cacheWrite,
    cacheWrite1h: null,
    tiers: longContextTiers(row, pageThreshold),
    hints: { displayName: row.model, creator: "openai" },
  };
}

function longContextTiers(row: TokenPriceRow, pageThreshold: number | null): ContextTier[] {
  const minInputTokens = row.shortContextLimit ?? pageThreshold;
  if (!hasAnyPrice(row.long)) {
    return row.shortContextLimit === null ? [] : [{ minInputTokens: row.shortContextLimit, input: null, output: null, cacheRead: null, cacheWrite: null }];
  }
  if (minInputTokens === null) throw new PricingLayoutError(`${row.model} (${row.variant}): a long-context price but no stated threshold`);
  requireInputAndOutput(row.long, `${row.model} (${row.variant}) long context`);
  return [{ minInputTokens, ...row.long }];
}

function hasAnyPrice(prices: TokenPrices): boolean {
  return Object.values(prices).some((price) => price !== null);
}

function requireInputAndOutput(prices: TokenPrices, what: string): void {
  if (prices.input === null || prices.output === null) {
    throw new PricingLayoutError(`${what}: input ${prices.input ?? "missing"} and output ${prices.output ?? "missing"}; both are needed`);
  }
}

/** The page states one long-context threshold (272K in 2026); two different ones would make the tiers ambiguous. */
export function pageLongContextThreshold(stated: readonly number[]): number | null {
  const distinct = [...new Set(stated)];
  if (distinct.length > 1) throw new PricingLayoutError(`the page states several long-context thresholds: ${distinct.join(", ")} input tokens`);
  return distinct[0] ?? null;
}

/**
 * Prices that are probably wrong (issue 13). A suspect offering is not ranked unless its
 * seller is named, and sources.disagreements lists it with the consensus:
 * - its cache read costs more than its input (a cache discount cannot be a surcharge:
 *   kat-coder-pro-v1 via Vercel at $0.03 input, $0.06 cache read);
 * - its output is below a twentieth of its input (chat models price output at or above
 *   input; a ratio that low is a swapped or mistyped field);
 * - its value is far from the consensus of at least two other sources for the same
 *   offering (they agree among themselves, and it differs by more than FAR_FROM_CONSENSUS);
 * - an offering without such a consensus (first seen, one source) whose input or output
 *   is FAR_FROM_MARKET times above or below the median of the same model's other sellers
 *   (at least two, same variant and currency, themselves within that factor of each
 *   other): models.dev's Helicone rows of Mistral Nemo
 *   at $20/$40 against $0.02-$0.15 everywhere else are per-1K figures filed as per-1M.
 */
import { toDecimal, type DecimalString } from "../money.ts";
import { pricesAgree, type SourcedPrice } from "./consolidate.ts";
import { relativeDifference } from "./disagreements.ts";

/** Relative difference from the consensus beyond which a value is suspect (half the larger). */
export const FAR_FROM_CONSENSUS = 0.5;
const MIN_OUTPUT_SHARE_OF_INPUT = 1 / 20;
/** A factor between a first-seen price and the model's other sellers beyond which it is suspect (an order of magnitude). */
export const FAR_FROM_MARKET = 10;
const MIN_OTHER_SELLERS = 2;

export interface SuspectCheckInput {
  input: DecimalString | null;
  output: DecimalString | null;
  cacheRead: DecimalString | null;
}

export interface Consensus {
  input: DecimalString | null;
  output: DecimalString | null;
  sources: string[];
}

export interface Suspicion {
  reasons: string[];
  /** The agreeing price of the other sources, when there is one. */
  consensus: Consensus | null;
}

export function fieldReasons(price: SuspectCheckInput): string[] {
  const reasons: string[] = [];
  const input = price.input === null ? null : toDecimal(price.input);
  if (input !== null && price.cacheRead !== null && toDecimal(price.cacheRead).greaterThan(input)) {
    reasons.push(`cache read $${price.cacheRead} is above input $${price.input}`);
  }
  if (input !== null && input.greaterThan(0) && price.output !== null && toDecimal(price.output).lessThan(input.times(MIN_OUTPUT_SHARE_OF_INPUT))) {
    reasons.push(`output $${price.output} is below a twentieth of input $${price.input}`);
  }
  return reasons;
}

/** The price at least two other sources agree on (the largest such group), or null. */
export function consensusOf<T extends Pick<SourcedPrice, "source" | "input" | "output">>(others: readonly T[]): Consensus | null {
  let best: T[] = [];
  for (const row of others) {
    const group = others.filter((other) => pricesAgree(other, row));
    const sources = new Set(group.map((other) => other.source));
    if (sources.size >= 2 && sources.size > new Set(best.map((other) => other.source)).size) best = group;
  }
  if (best.length === 0) return null;
  return { input: best[0]!.input, output: best[0]!.output, sources: [...new Set(best.map((row) => row.source))].sort() };
}

export function suspicionOf<T extends SuspectCheckInput & Pick<SourcedPrice, "source" | "input" | "output">>(chosen: T, others: readonly T[]): Suspicion {
  const reasons = fieldReasons(chosen);
  const consensus = consensusOf(others.filter((row) => row.source !== chosen.source));
  if (consensus) {
    for (const field of ["input", "output"] as const) {
      const mine = chosen[field];
      const theirs = consensus[field];
      if (mine === null || theirs === null) continue;
      const difference = relativeDifference(mine, theirs);
      if (difference > FAR_FROM_CONSENSUS) {
        reasons.push(`${field} $${mine} is ${Math.round(difference * 100)}% off the $${theirs} that ${consensus.sources.join(", ")} agree on`);
      }
    }
  }
  return { reasons, consensus };
}

export interface MarketPrice {
  offeringId: number;
  model: string;
  provider: string;
  variant: string;
  currency: string;
  input: DecimalString | null;
  output: DecimalString | null;
  /** Whether the offering has a consensus of its own sources (then that rule judges it). */
  consensus: Consensus | null;
}

const amount = (value: DecimalString | null) => (value === null ? 0 : toDecimal(value).toNumber());

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Reasons per offering (by id) for prices an order of magnitude away from the same
 * model's other sellers, for offerings without a consensus of their own sources.
 * Zero prices (free allowances) are neither judged nor counted in the median.
 */
export function marketReasons(prices: readonly MarketPrice[]): Map<number, string[]> {
  const byModel = new Map<string, MarketPrice[]>();
  for (const price of prices) {
    const key = `${price.model}|${price.variant}|${price.currency}`;
    byModel.set(key, [...(byModel.get(key) ?? []), price]);
  }
  const reasons = new Map<number, string[]>();
  for (const group of byModel.values()) {
    for (const price of group) {
      if (price.consensus) continue;
      const others = group.filter((other) => other.provider !== price.provider);
      for (const field of ["input", "output"] as const) {
        const mine = amount(price[field]);
        const quoted = others.filter((other) => amount(other[field]) > 0);
        if (mine <= 0 || new Set(quoted.map((other) => other.provider)).size < MIN_OTHER_SELLERS) continue;
        const values = quoted.map((other) => amount(other[field]));
        // The others must agree among themselves within the same factor: otherwise there is no market price to be far from.
        if (Math.max(...values) / Math.min(...values) >= FAR_FROM_MARKET) continue;
        const market = median(values);
        const factor = Math.max(mine / market, market / mine);
        if (factor >= FAR_FROM_MARKET) {
          const direction = mine > market ? "above" : "below";
          const list = reasons.get(price.offeringId) ?? [];
          list.push(`${field} $${price[field]} is ${Math.round(factor)}x ${direction} the $${+market.toPrecision(4)} median of ${quoted.length} other sellers of the model`);
          reasons.set(price.offeringId, list);
        }
      }
    }
  }
  return reasons;
}

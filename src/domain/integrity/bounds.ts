/**
 * Value bounds, per entry: a price that is not a finite decimal, is negative, or is
 * beyond any believable price is rejected with its reason. The gate keeps a rejected
 * entry's offering listed: a bad value says nothing about whether the seller still sells it.
 */
import { compareDecimal, InvalidAmountError, isNegative, toDecimal } from "../money.ts";
import type { PriceValue } from "../prices/price-value.ts";
import type { IntegrityThresholds } from "./thresholds.ts";

const AMOUNTS = ["input", "output", "cacheRead", "cacheWrite", "cacheWrite1h"] as const;

/** Every amount of a price with a label for messages, tiers included. */
function labelledAmounts(value: PriceValue): Array<{ label: string; amount: string }> {
  const out: Array<{ label: string; amount: string }> = [];
  for (const field of AMOUNTS) {
    const amount = value[field];
    if (amount !== null) out.push({ label: field, amount });
  }
  for (const tier of value.tiers) {
    for (const field of ["input", "output", "cacheRead", "cacheWrite"] as const) {
      const amount = tier[field];
      if (amount !== null && amount !== undefined) out.push({ label: `${field} above ${tier.minInputTokens} tokens`, amount });
    }
  }
  return out;
}

/** Why the price is out of bounds, or null when every amount is believable. */
export function priceBoundViolation(value: PriceValue, thresholds: Pick<IntegrityThresholds, "maxPerMillion">): string | null {
  const max = String(thresholds.maxPerMillion[value.currency]);
  for (const { label, amount } of labelledAmounts(value)) {
    let finite: boolean;
    try {
      finite = toDecimal(amount).isFinite();
    } catch (error) {
      if (!(error instanceof InvalidAmountError)) throw error;
      return `${label} ${JSON.stringify(amount)} is not a number`;
    }
    if (!finite) return `${label} ${amount} is not finite`;
    if (isNegative(amount)) return `${label} ${amount} is negative`;
    if (compareDecimal(amount, max) > 0) return `${label} ${shortAmount(amount)} ${value.currency} per 1M is above the bound of ${max}`;
  }
  return null;
}

/** A score (or its interval) that is not a finite number. */
export function scoreBoundViolation(score: { score: number; ciLower: number | null; ciUpper: number | null }): string | null {
  for (const [label, amount] of [["score", score.score], ["ciLower", score.ciLower], ["ciUpper", score.ciUpper]] as const) {
    if (amount !== null && !Number.isFinite(amount)) return `${label} ${amount} is not finite`;
  }
  return null;
}

/** 10^406 written out is 400 digits: messages show it in exponent form. */
export function shortAmount(amount: string): string {
  return amount.length > 24 ? toDecimal(amount).toExponential(3) : amount;
}

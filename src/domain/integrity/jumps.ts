/**
 * Jumps: an amount (input, output or cache price per 1M) that moves by the jump factor or
 * more, either way, against a reference value. Free (0) and unknown amounts have no ratio
 * and never jump; prices in different currencies are not compared. Two sources agree when
 * their headline (input, output) amounts are equal: cache prices often differ between them.
 */
import { decimalEquals, toDecimal } from "../money.ts";
import type { PriceValue } from "../prices/price-value.ts";
import { shortAmount } from "./bounds.ts";

const HEADLINE = ["input", "output"] as const;
const AMOUNTS = ["input", "output", "cacheRead", "cacheWrite", "cacheWrite1h"] as const;

export interface Jump {
  field: (typeof AMOUNTS)[number];
  from: string;
  to: string;
  /** The factor of the move, >= 1 whichever the direction. */
  factor: number;
}

/** The largest jump of an amount from `reference` to `value`, or null below the factor. */
export function findJump(reference: PriceValue, value: PriceValue, jumpFactor: number): Jump | null {
  if (reference.currency !== value.currency) return null;
  let largest: Jump | null = null;
  for (const field of AMOUNTS) {
    const from = reference[field];
    const to = value[field];
    if (from === null || to === null) continue;
    const a = toDecimal(from);
    const b = toDecimal(to);
    if (a.isZero() || b.isZero()) continue;
    const ratio = b.dividedBy(a);
    const factor = ratio.greaterThanOrEqualTo(1) ? ratio.toNumber() : 1 / ratio.toNumber();
    if (factor >= jumpFactor && (!largest || factor > largest.factor)) largest = { field, from, to, factor };
  }
  return largest;
}

/** Two sources agree on a price when both headline amounts are equal (cache prices may differ). */
export function sameHeadlinePrice(a: PriceValue, b: PriceValue): boolean {
  return a.currency === b.currency && HEADLINE.every((field) => decimalEquals(a[field], b[field])) && HEADLINE.some((field) => a[field] !== null);
}

export function describeJump(jump: Jump, against: string): string {
  const factor = jump.factor >= 1e6 ? jump.factor.toExponential(1) : String(Math.round(jump.factor * 10) / 10);
  return `${jump.field} ${shortAmount(jump.from)} -> ${shortAmount(jump.to)} (${factor}x) against ${against}`;
}

/**
 * The value of one price period, and how two of them compare: equality for change
 * detection (exact decimals, unknown is not zero) and the blended price used to size a
 * change (3 input : 1 output, the convention of public price indices).
 */
import { compareDecimal, decimalEquals, relativeChange, weightedSum, type DecimalString } from "../money.ts";
import type { ContextTier, PriceObservation } from "../observation.ts";

export interface PriceValue {
  currency: PriceObservation["currency"];
  input: DecimalString | null;
  output: DecimalString | null;
  cacheRead: DecimalString | null;
  cacheWrite: DecimalString | null;
  cacheWrite1h: DecimalString | null;
  tiers: ContextTier[];
}

const AMOUNTS = ["input", "output", "cacheRead", "cacheWrite", "cacheWrite1h"] as const;

export function priceValueOf(observation: PriceObservation): PriceValue {
  return {
    currency: observation.currency,
    input: observation.input,
    output: observation.output,
    cacheRead: observation.cacheRead,
    cacheWrite: observation.cacheWrite,
    cacheWrite1h: observation.cacheWrite1h,
    tiers: [...observation.tiers].sort((a, b) => a.minInputTokens - b.minInputTokens),
  };
}

function sameTiers(a: ContextTier[], b: ContextTier[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((tier, index) => {
    const other = b[index]!;
    return (
      tier.minInputTokens === other.minInputTokens &&
      decimalEquals(tier.input, other.input) &&
      decimalEquals(tier.output, other.output) &&
      decimalEquals(tier.cacheRead, other.cacheRead) &&
      decimalEquals(tier.cacheWrite, other.cacheWrite)
    );
  });
}

export function samePrice(a: PriceValue, b: PriceValue): boolean {
  return a.currency === b.currency && AMOUNTS.every((field) => decimalEquals(a[field], b[field])) && sameTiers(a.tiers, b.tiers);
}

/** Blended price per 1M tokens at 3:1 input:output; null when either is unknown. */
export function blendedPrice(value: Pick<PriceValue, "input" | "output">): DecimalString | null {
  return weightedSum([
    { value: value.input, weight: 0.75 },
    { value: value.output, weight: 0.25 },
  ]);
}

export type ChangeDirection = "cut" | "hike" | "mixed" | "none";

/** Cut when no known amount rose and one fell; hike the other way; mixed when both happened. */
export function changeDirection(before: PriceValue, after: PriceValue): ChangeDirection {
  let fell = false;
  let rose = false;
  for (const field of AMOUNTS) {
    const a = before[field];
    const b = after[field];
    if (a === null || b === null) continue;
    const order = compareDecimal(b, a);
    if (order < 0) fell = true;
    if (order > 0) rose = true;
  }
  if (fell && rose) return "mixed";
  if (fell) return "cut";
  if (rose) return "hike";
  return "none";
}

export function blendedChange(before: PriceValue, after: PriceValue): {
  oldBlended: DecimalString | null;
  newBlended: DecimalString | null;
  changeRatio: DecimalString | null;
} {
  const oldBlended = blendedPrice(before);
  const newBlended = blendedPrice(after);
  return { oldBlended, newBlended, changeRatio: relativeChange(oldBlended, newBlended) };
}

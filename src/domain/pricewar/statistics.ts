/**
 * The few statistics the price-war figures need. Prices stay exact decimals where a
 * figure is itself a price (a median of sellers' prices); ratios, logs and regressions
 * are statistics of prices, computed on plain numbers.
 */
import { canonical, compareDecimal, decimalToNumber, toDecimal, type DecimalString } from "../money.ts";

/** Parsed prices by their decimal string: a series reads the same few thousand prices at every date. */
const parsedPrices = new Map<DecimalString, number>();
const PARSED_PRICES_KEPT = 100_000;

/** A decimal price as a number (for ordering and statistics), parsed once per distinct string. */
export function priceNumber(value: DecimalString): number {
  let parsed = parsedPrices.get(value);
  if (parsed === undefined) {
    if (parsedPrices.size >= PARSED_PRICES_KEPT) parsedPrices.clear();
    parsed = decimalToNumber(value);
    parsedPrices.set(value, parsed);
  }
  return parsed;
}

/** Exact order of two decimal prices; compares plain numbers first and the decimals only when those tie. */
export function comparePrices(a: DecimalString, b: DecimalString): number {
  if (a === b) return 0;
  const difference = priceNumber(a) - priceNumber(b);
  return difference !== 0 ? Math.sign(difference) : compareDecimal(a, b);
}

export function medianOf(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Exact median of decimal strings: the middle value, or the exact mean of the two middle ones. */
export function decimalMedian(values: readonly DecimalString[]): DecimalString {
  if (values.length === 0) throw new RangeError("median of no values");
  const sorted = [...values].sort(comparePrices);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle]!;
  return canonical(toDecimal(sorted[middle - 1]!).plus(toDecimal(sorted[middle]!)).dividedBy(2));
}

/** Geometric mean of positive values. */
export function geometricMean(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("geometric mean of no values");
  if (values.some((value) => !(value > 0))) throw new RangeError("geometric mean needs positive values");
  return Math.exp(values.reduce((sum, value) => sum + Math.log(value), 0) / values.length);
}

export interface LinearFit {
  slope: number;
  intercept: number;
  /** Share of the variance of y the line explains (1 when y is constant and the line exact). */
  r2: number;
}

/** Ordinary least squares of y on x; null when x does not vary. */
export function linearFit(xs: readonly number[], ys: readonly number[]): LinearFit | null {
  if (xs.length !== ys.length) throw new RangeError("xs and ys differ in length");
  const n = xs.length;
  if (n < 2) return null;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - meanX;
    const dy = ys[i]! - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const residual = syy - slope * sxy;
  return { slope, intercept: meanY - slope * meanX, r2: syy === 0 ? 1 : 1 - residual / syy };
}

/**
 * Exact money arithmetic. Every price crosses a source boundary through one of the
 * unit converters below, so the unit is explicit at the call site and no binary float
 * ever reaches storage: values travel as canonical decimal strings ("0.2", "2.5", "0").
 */
import { Decimal } from "decimal.js";

const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -100, toExpPos: 100 });
type ExactDecimal = InstanceType<typeof Exact>;

/** A decimal string in canonical form: no exponent, no trailing zeros, "0" for zero. */
export type DecimalString = string;

export class InvalidAmountError extends Error {
  constructor(readonly raw: unknown, reason: string) {
    super(`invalid amount ${JSON.stringify(raw)}: ${reason}`);
    this.name = "InvalidAmountError";
  }
}

/**
 * Reads a number as written by a source. A JS number is taken by its shortest
 * round-trip spelling (2e-7 stays 2e-7, never 1.9999999999999998e-7), a string by its
 * own digits, so "0.00000008333333333333334" keeps every digit.
 */
export function toDecimal(raw: number | string): ExactDecimal {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) throw new InvalidAmountError(raw, "not a finite number");
    return new Exact(String(raw));
  }
  const text = raw.trim().replace(/_/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) throw new InvalidAmountError(raw, "not a decimal number");
  return new Exact(text);
}

/**
 * Binary-float noise written into a source's own text ("0.00000020000000000000002",
 * "0.0000001300000002", "0.0000000299999997") is a run of six or more 0s or 9s followed
 * by one or two stray digits at the very end, after a significant digit. Such a tail is
 * rounded away; any other digits (1/12 = "0.08333333333333334") are kept as written.
 */
export function withoutFloatNoise(value: ExactDecimal): ExactDecimal {
  const text = value.toFixed();
  const noise = /^(-?\d+\.\d*?)(?:0{6,}|9{6,})\d{1,2}$/.exec(text);
  if (!noise || !/[1-9]/.test(noise[1]!)) return value;
  const places = noise[1]!.split(".")[1]!.length;
  return value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

export function canonical(value: ExactDecimal): DecimalString {
  if (value.isZero()) return "0";
  return value.toFixed();
}

/** USD (or any currency) per single token -> per 1M tokens. */
export function perTokenToPerMillion(raw: number | string): DecimalString {
  return canonical(withoutFloatNoise(toDecimal(raw).times(1_000_000)));
}

/** Already per 1M tokens: only canonicalised. */
export function perMillion(raw: number | string): DecimalString {
  return canonical(withoutFloatNoise(toDecimal(raw)));
}

/** Per 1K tokens -> per 1M tokens. */
export function perThousandToPerMillion(raw: number | string): DecimalString {
  return canonical(withoutFloatNoise(toDecimal(raw).times(1_000)));
}

/** US cents per token (Portkey) -> USD per 1M tokens. */
export function centsPerTokenToPerMillion(raw: number | string): DecimalString {
  return canonical(withoutFloatNoise(toDecimal(raw).times(10_000)));
}

/** Canonical form of a decimal string already in the target unit (for DB round trips). */
export function normaliseDecimal(raw: number | string): DecimalString {
  return canonical(toDecimal(raw));
}

export function decimalEquals(a: DecimalString | null, b: DecimalString | null): boolean {
  if (a === null || b === null) return a === b;
  return toDecimal(a).equals(toDecimal(b));
}

export function isNegative(raw: number | string): boolean {
  return toDecimal(raw).isNegative() && !toDecimal(raw).isZero();
}

/** Weighted sum of decimal strings with plain-number weights; null if any needed part is null. */
export function weightedSum(parts: ReadonlyArray<{ value: DecimalString | null; weight: number }>): DecimalString | null {
  let total = new Exact(0);
  for (const { value, weight } of parts) {
    if (weight === 0) continue;
    if (value === null) return null;
    total = total.plus(toDecimal(value).times(new Exact(String(weight))));
  }
  return canonical(total);
}

/** Relative change (new - old) / old as a decimal string rounded to 6 places; null when old is 0 or unknown. */
export function relativeChange(oldValue: DecimalString | null, newValue: DecimalString | null): DecimalString | null {
  if (oldValue === null || newValue === null) return null;
  const before = toDecimal(oldValue);
  if (before.isZero()) return null;
  return canonical(toDecimal(newValue).minus(before).dividedBy(before).toDecimalPlaces(6));
}

export function compareDecimal(a: DecimalString, b: DecimalString): number {
  return toDecimal(a).comparedTo(toDecimal(b));
}

export function decimalToNumber(value: DecimalString): number {
  return toDecimal(value).toNumber();
}

export function roundDecimal(value: DecimalString, places: number): DecimalString {
  return canonical(toDecimal(value).toDecimalPlaces(places));
}

/**
 * The output price a measured benchmark run paid: the offering's output $/1M in force at
 * the run's date, read from its price history. A run from 2025 is turned into tokens at
 * its 2025 price, not at a price cut since (measured-output.ts, rule 2). Pure.
 */
import type { MeasuredRun, RunPrice } from "./measured-output.ts";

/** One USD price period of an offering, [validFrom, validTo). */
export interface OutputPricePeriod {
  provider: string;
  variant: string;
  region: string;
  source: string;
  /** USD per 1M output tokens; null when the source stated none. */
  output: string | null;
  validFrom: Date;
  validTo: Date | null;
}

export interface PricedOfferingKey {
  provider: string;
  variant: string;
  region: string;
  source: string;
}

/**
 * The offering's output price in force at the start of `date` (YYYY-MM-DD), or null when it
 * had none then. Several sources may price the offering: the offering's own source wins,
 * then the lowest price.
 */
export function outputPriceAt(periods: readonly OutputPricePeriod[], offering: PricedOfferingKey, date: string): string | null {
  const at = new Date(`${date}T00:00:00Z`).getTime();
  const inForce = periods.filter(
    (period) =>
      period.provider === offering.provider &&
      period.variant === offering.variant &&
      period.region === offering.region &&
      period.output !== null &&
      Number(period.output) > 0 &&
      period.validFrom.getTime() <= at &&
      (period.validTo === null || period.validTo.getTime() > at),
  );
  const own = inForce.find((period) => period.source === offering.source);
  if (own) return own.output;
  const sorted = inForce.map((period) => period.output!).sort((a, b) => Number(a) - Number(b));
  return sorted[0] ?? null;
}

/** A RunPrice reading each priced model's history (model id -> its offerings' periods). */
export function runPriceFrom(history: ReadonlyMap<string, readonly OutputPricePeriod[]>): RunPrice {
  return (candidate, run: MeasuredRun) => {
    const offering = candidate.offering;
    if (offering.provider === undefined) return null;
    return outputPriceAt(history.get(candidate.model) ?? [], offering as PricedOfferingKey, run.asOf);
  };
}

/**
 * Where a price-war series may start: at the first real observation, never at the
 * placeholder start of an undated period.
 *
 * A dated source's oldest entry may carry only an end ("until 2025-02-08"). When the
 * model's release date is unknown, the price writer (db/queries/price-history.ts) starts
 * that period at UNDATED_START so the history keeps the price that held before the first
 * dated change. That start is not an observation: read as one, a figure's axis would start
 * in 1970, and a model first seen in 2026 would be priced at every month-end since.
 *
 * The figures read such a period from its first sighting instead: the observation time of
 * the run that recorded it, when that came before the period's end (the price was seen in
 * force then). A period recorded only after it had ended was never seen in force: the
 * figures leave it out.
 */

/** The placeholder start of an undated first period. */
export const UNDATED_START = new Date("1970-01-01T00:00:00Z");

export function isUndatedStart(validFrom: Date): boolean {
  return validFrom.getTime() <= UNDATED_START.getTime();
}

export interface SightedPeriod {
  validFrom: Date;
  validTo: Date | null;
  /** When the run that recorded the period observed its source; null when unknown. */
  firstSeenAt: Date | null;
}

/** The period from its first real observation: itself when dated; null when it was never seen in force. */
export function observedPeriod<T extends SightedPeriod>(period: T): T | null {
  if (!isUndatedStart(period.validFrom)) return period;
  const seen = period.firstSeenAt;
  if (seen === null || isUndatedStart(seen)) return null;
  if (period.validTo !== null && seen.getTime() >= period.validTo.getTime()) return null;
  return { ...period, validFrom: seen };
}

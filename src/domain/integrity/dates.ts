/**
 * Dates a run may carry. An observation dated more than a day ahead of now would pin a
 * wrong price as current until that date and block every delisting meanwhile, so the
 * whole run is refused. (An observation older than the source's newest one is history,
 * planned by domain/history/period-plan.ts.)
 */
import type { IntegrityThresholds } from "./thresholds.ts";

export class FutureObservationError extends Error {
  constructor(what: string, date: Date, now: Date) {
    super(`refused: ${what} ${date.toISOString()} is more than a day ahead of now (${now.toISOString()}); nothing written`);
    this.name = "FutureObservationError";
  }
}

/** Throws FutureObservationError for the run time, or for the first dated observation, too far ahead. */
export function refuseFutureDates(
  at: Date,
  observations: ReadonlyArray<{ model: string; validFrom?: string | null }>,
  now: Date,
  thresholds: Pick<IntegrityThresholds, "maxAheadMs">,
): void {
  const limit = now.getTime() + thresholds.maxAheadMs;
  if (at.getTime() > limit) throw new FutureObservationError("the observation time", at, now);
  for (const observation of observations) {
    if (!observation.validFrom) continue;
    const from = new Date(observation.validFrom);
    if (from.getTime() > limit) throw new FutureObservationError(`${observation.model}: the price dated`, from, now);
  }
}

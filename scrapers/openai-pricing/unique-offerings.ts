/**
 * A model can appear in two tables of one tier (gpt-5.6-sol is in both the Flagship and the
 * Cyber models tables): identical rows are one offering, differing ones a contradiction.
 */
import { isDeepStrictEqual } from "node:util";
import type { PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PricingLayoutError } from "./errors.ts";

export function uniqueOfferings(observations: readonly PriceObservation[]): PriceObservation[] {
  const byOffering = new Map<string, PriceObservation>();
  for (const observation of observations) {
    const key = `${observation.model}\u0000${observation.variant}`;
    const seen = byOffering.get(key);
    if (seen && !isDeepStrictEqual(seen, observation)) {
      throw new PricingLayoutError(`${observation.model} (${observation.variant}) is priced differently in two tables`);
    }
    byOffering.set(key, seen ?? observation);
  }
  return [...byOffering.values()];
}

export function uniqueSkipped(entries: readonly SkippedEntry[]): SkippedEntry[] {
  const byName = new Map(entries.map((entry) => [`${entry.name}\u0000${entry.reason}`, entry]));
  return [...byName.values()];
}

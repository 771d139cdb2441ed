/**
 * The cost-quality frontier of a task class: the models no other model beats on both
 * price and quality. Walking from cheapest to dearest, a model is on the frontier when
 * it is better than every cheaper one.
 */
import { compareDecimal } from "../money.ts";
import type { Candidate } from "./best.ts";

export function paretoFrontier<C extends Candidate>(candidates: readonly C[]): C[] {
  const sorted = [...candidates].sort((a, b) => compareDecimal(a.callCost, b.callCost) || b.quality - a.quality || a.model.localeCompare(b.model));
  const frontier: C[] = [];
  let bestSoFar = -Infinity;
  for (const candidate of sorted) {
    if (candidate.quality > bestSoFar) {
      frontier.push(candidate);
      bestSoFar = candidate.quality;
    }
  }
  return frontier;
}

/** True when `other` is at least as cheap and as good as `candidate`, and strictly better on one. */
export function dominates(other: Candidate, candidate: Candidate): boolean {
  const price = compareDecimal(other.callCost, candidate.callCost);
  return price <= 0 && other.quality >= candidate.quality && (price < 0 || other.quality > candidate.quality);
}

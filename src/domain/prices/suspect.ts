/**
 * Prices that are probably wrong (issue 13). A suspect offering is not ranked unless its
 * seller is named, and sources.disagreements lists it with the consensus:
 * - its cache read costs more than its input (a cache discount cannot be a surcharge:
 *   kat-coder-pro-v1 via Vercel at $0.03 input, $0.06 cache read);
 * - its output is below a twentieth of its input (chat models price output at or above
 *   input; a ratio that low is a swapped or mistyped field);
 * - its value is far from the consensus of at least two other sources for the same
 *   offering (they agree among themselves, and it differs by more than FAR_FROM_CONSENSUS).
 */
import { toDecimal, type DecimalString } from "../money.ts";
import { pricesAgree, type SourcedPrice } from "./consolidate.ts";
import { relativeDifference } from "./disagreements.ts";

/** Relative difference from the consensus beyond which a value is suspect (half the larger). */
export const FAR_FROM_CONSENSUS = 0.5;
const MIN_OUTPUT_SHARE_OF_INPUT = 1 / 20;

export interface SuspectCheckInput {
  input: DecimalString | null;
  output: DecimalString | null;
  cacheRead: DecimalString | null;
}

export interface Consensus {
  input: DecimalString | null;
  output: DecimalString | null;
  sources: string[];
}

export interface Suspicion {
  reasons: string[];
  /** The agreeing price of the other sources, when there is one. */
  consensus: Consensus | null;
}

export function fieldReasons(price: SuspectCheckInput): string[] {
  const reasons: string[] = [];
  const input = price.input === null ? null : toDecimal(price.input);
  if (input !== null && price.cacheRead !== null && toDecimal(price.cacheRead).greaterThan(input)) {
    reasons.push(`cache read $${price.cacheRead} is above input $${price.input}`);
  }
  if (input !== null && input.greaterThan(0) && price.output !== null && toDecimal(price.output).lessThan(input.times(MIN_OUTPUT_SHARE_OF_INPUT))) {
    reasons.push(`output $${price.output} is below a twentieth of input $${price.input}`);
  }
  return reasons;
}

/** The price at least two other sources agree on (the largest such group), or null. */
export function consensusOf<T extends Pick<SourcedPrice, "source" | "input" | "output">>(others: readonly T[]): Consensus | null {
  let best: T[] = [];
  for (const row of others) {
    const group = others.filter((other) => pricesAgree(other, row));
    const sources = new Set(group.map((other) => other.source));
    if (sources.size >= 2 && sources.size > new Set(best.map((other) => other.source)).size) best = group;
  }
  if (best.length === 0) return null;
  return { input: best[0]!.input, output: best[0]!.output, sources: [...new Set(best.map((row) => row.source))].sort() };
}

export function suspicionOf<T extends SuspectCheckInput & Pick<SourcedPrice, "source" | "input" | "output">>(chosen: T, others: readonly T[]): Suspicion {
  const reasons = fieldReasons(chosen);
  const consensus = consensusOf(others.filter((row) => row.source !== chosen.source));
  if (consensus) {
    for (const field of ["input", "output"] as const) {
      const mine = chosen[field];
      const theirs = consensus[field];
      if (mine === null || theirs === null) continue;
      const difference = relativeDifference(mine, theirs);
      if (difference > FAR_FROM_CONSENSUS) {
        reasons.push(`${field} $${mine} is ${Math.round(difference * 100)}% off the $${theirs} that ${consensus.sources.join(", ")} agree on`);
      }
    }
  }
  return { reasons, consensus };
}

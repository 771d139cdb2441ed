/**
 * The integrity gate's thresholds. Defaults are stated here; a source may tighten or
 * loosen any of them with its optional `integrity` field (scrapers/source.ts). The anchor
 * is LiteLLM's own loader check: a minimum count, a maximum shrink, keep the last good copy.
 */
import type { PriceObservation } from "../observation.ts";

export interface IntegrityThresholds {
  /** A price that moves by this factor or more, either way, is a jump (held in quarantine). */
  jumpFactor: number;
  /** Other sources needed before disagreeing with all of them counts as a jump. */
  minOtherSources: number;
  /** More than this share of comparable entries jumping fails the run as a unit error. */
  maxJumpShare: number;
  /** ...when at least this many jump: two odd prices on a five-model page are quarantined, not a unit error. */
  minJumpsForUnitError: number;
  /** A full snapshot must keep at least this share of the source's current offerings... */
  minKeptShare: number;
  /** ...and may lose at most this many, or it fails as a shrink and delists nothing. */
  maxLost: number;
  /** Largest believable price per 1M tokens, per currency (about $10,000 in each). */
  maxPerMillion: Record<PriceObservation["currency"], number>;
  /** An observation dated further ahead of now than this is refused with its whole run. */
  maxAheadMs: number;
}

export const DEFAULT_INTEGRITY: IntegrityThresholds = {
  jumpFactor: 10,
  minOtherSources: 2,
  maxJumpShare: 0.2,
  minJumpsForUnitError: 3,
  minKeptShare: 0.8,
  maxLost: 200,
  maxPerMillion: { USD: 10_000, EUR: 10_000, CNY: 70_000 },
  maxAheadMs: 24 * 60 * 60 * 1000,
};

export type IntegrityOverrides = Partial<IntegrityThresholds>;

export function integrityThresholds(overrides: IntegrityOverrides | undefined): IntegrityThresholds {
  return { ...DEFAULT_INTEGRITY, ...overrides };
}

/**
 * Several sources may price the same offering. The current price is the freshest
 * observation by the source with the most authority over THAT seller (issue 13):
 *
 * - The seller's own page or API speaks for it: a first-party pricing page for its lab,
 *   OpenRouter's /models for OpenRouter's offerings (a source whose id is the seller's).
 *   Its price wins unless it has gone stale (freshness.ts: not seen within k runs of its
 *   source's schedule before the offering's newest sighting) AND an aggregator has seen a
 *   change since the seller's own last sighting.
 *   A community table's copy never beats the seller's own observation: community tables
 *   copy prices by hand, re-publish them for months, and a copy re-seen lately is no
 *   newer news than the seller's own price list.
 * - Without the seller's own source: the fresh ones first, then aggregators before
 *   community tables, then the newest.
 *
 * Freshness is counted from lastSeenAt, which a run sets from its payload's own date
 * (replay and backfill included), not from when the payload was read, against the
 * source's own schedule (domain/prices/freshness.ts).
 *
 * Every consolidated price says which sources agree with it (same input and output
 * within AGREEMENT_TOLERANCE) and a confidence derived from that agreement.
 */
import { toDecimal, type DecimalString } from "../money.ts";
import { isFresh, sourceInterval, type IntervalOf } from "./freshness.ts";

/** Two prices agree when input and output each differ by at most 1% of the larger. */
export const AGREEMENT_TOLERANCE = 0.01;

const AUTHORITY_RANK: Record<string, number> = { "first-party": 0, aggregator: 1, community: 2 };

/** 0 for first-party, 1 for aggregators, 2 for community tables; unknown last. */
export function authorityRank(authority: string | null): number {
  return AUTHORITY_RANK[authority ?? ""] ?? 9;
}

export interface SourcedPrice {
  offeringId: number;
  source: string;
  authority: string | null;
  lastSeenAt: Date;
  input: DecimalString | null;
  output: DecimalString | null;
  /** The seller of the offering; with it, a source named like the seller speaks for it. */
  provider?: string;
  /** When this source first showed this price; defaults to lastSeenAt. */
  validFrom?: Date;
}

/**
 * high: the seller's own source, confirmed by another source; or two other sources agree and none is fresher and different.
 * medium: the seller's own source alone, or one other source agrees.
 * low: a single source that is not the seller's own, or fresh sources contradict it.
 */
export type PriceConfidence = "high" | "medium" | "low";

export interface Agreement {
  /** The chosen source is the seller's own page or API. */
  sellersOwn: boolean;
  /** Other sources whose current price matches (input and output within 1%). */
  agreeingSources: string[];
  /** Other fresh sources whose price differs. */
  disagreeingSources: string[];
  confidence: PriceConfidence;
}

export type Consolidated<T extends SourcedPrice> = T & Agreement & { observedAt: Date; alternatives: Array<Omit<T, "alternatives">> };

/** The source speaks for the offering's seller: a first-party page (labs price only their own models) or the seller's own API. */
export function speaksForSeller(price: Pick<SourcedPrice, "source" | "authority" | "provider">): boolean {
  return price.authority === "first-party" || (price.provider !== undefined && price.source === price.provider);
}

export function pricesAgree(a: Pick<SourcedPrice, "input" | "output">, b: Pick<SourcedPrice, "input" | "output">): boolean {
  return sameValue(a.input, b.input) && sameValue(a.output, b.output);
}

function sameValue(a: DecimalString | null, b: DecimalString | null): boolean {
  if (a === null || b === null) return a === b;
  const x = toDecimal(a);
  const y = toDecimal(b);
  const larger = x.greaterThan(y) ? x : y;
  return larger.isZero() || x.minus(y).abs().dividedBy(larger).toNumber() <= AGREEMENT_TOLERANCE;
}

const firstSeen = (row: SourcedPrice) => (row.validFrom ?? row.lastSeenAt).getTime();

/** The candidate that is the current price of one offering. */
export function chooseCurrent<T extends SourcedPrice>(candidates: readonly T[], intervalOf: IntervalOf = sourceInterval): T {
  const fresh = freshJudge(candidates, intervalOf);
  const own = candidates.filter(speaksForSeller).sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())[0];
  if (own) {
    const ownSeen = own.lastSeenAt.getTime();
    const newerNews = candidates.some((row) => !speaksForSeller(row) && row.authority === "aggregator" && firstSeen(row) > ownSeen);
    if (fresh(own) || !newerNews) return own;
  }
  return [...candidates].sort(
    (a, b) =>
      Number(!fresh(a)) - Number(!fresh(b)) ||
      authorityRank(a.authority) - authorityRank(b.authority) ||
      b.lastSeenAt.getTime() - a.lastSeenAt.getTime() ||
      a.source.localeCompare(b.source),
  )[0]!;
}

/** Fresh against the newest sighting of the offering by any of its sources, each by its own schedule. */
function freshJudge(rows: readonly SourcedPrice[], intervalOf: IntervalOf): (row: SourcedPrice) => boolean {
  const reference = new Date(Math.max(...rows.map((row) => row.lastSeenAt.getTime())));
  return (row) => isFresh(row.lastSeenAt, reference, intervalOf(row.source));
}

export function agreementOf<T extends SourcedPrice>(chosen: T, others: readonly T[], intervalOf: IntervalOf = sourceInterval): Agreement {
  const fresh = freshJudge([chosen, ...others], intervalOf);
  const agreeing = others.filter((row) => pricesAgree(row, chosen));
  const disagreeing = others.filter((row) => !pricesAgree(row, chosen) && fresh(row));
  const sellersOwn = speaksForSeller(chosen);
  const contradicted = disagreeing.some((row) => row.lastSeenAt > chosen.lastSeenAt);
  let confidence: PriceConfidence;
  if (sellersOwn) confidence = agreeing.length > 0 ? "high" : "medium";
  else if (agreeing.length >= 2 && !contradicted) confidence = "high";
  else if (agreeing.length >= 1) confidence = "medium";
  else confidence = "low";
  return {
    sellersOwn,
    agreeingSources: [...new Set(agreeing.map((row) => row.source))].sort(),
    disagreeingSources: [...new Set(disagreeing.map((row) => row.source))].sort(),
    confidence,
  };
}

export function consolidate<T extends SourcedPrice>(rows: readonly T[], intervalOf: IntervalOf = sourceInterval): Array<Consolidated<T>> {
  const byOffering = new Map<number, T[]>();
  for (const row of rows) {
    const list = byOffering.get(row.offeringId) ?? [];
    list.push(row);
    byOffering.set(row.offeringId, list);
  }
  const result: Array<Consolidated<T>> = [];
  for (const candidates of byOffering.values()) {
    const chosen = chooseCurrent(candidates, intervalOf);
    const others = candidates
      .filter((row) => row !== chosen)
      .sort((a, b) => authorityRank(a.authority) - authorityRank(b.authority) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || a.source.localeCompare(b.source));
    result.push({ ...chosen, ...agreementOf(chosen, others, intervalOf), observedAt: chosen.lastSeenAt, alternatives: others });
  }
  return result;
}

/**
 * Several sources may price the same offering. The consolidated price comes from the
 * highest-authority source among the fresh ones: first-party pages and APIs, then
 * aggregators, then community tables (DESIGN.md). "Fresh" is relative to the newest
 * sighting of that offering, so a first-party page that stopped being scraped weeks ago
 * does not outrank an aggregator seen today. The other sources ride along, so
 * disagreements stay visible.
 */
import type { DecimalString } from "../money.ts";

export const FRESH_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

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
}

export type Consolidated<T extends SourcedPrice> = T & { alternatives: Array<Omit<T, "alternatives">> };

export function consolidate<T extends SourcedPrice>(rows: readonly T[]): Array<Consolidated<T>> {
  const byOffering = new Map<number, T[]>();
  for (const row of rows) {
    const list = byOffering.get(row.offeringId) ?? [];
    list.push(row);
    byOffering.set(row.offeringId, list);
  }
  const result: Array<Consolidated<T>> = [];
  for (const candidates of byOffering.values()) {
    const newest = Math.max(...candidates.map((row) => row.lastSeenAt.getTime()));
    const ranked = [...candidates].sort((a, b) => {
      const freshA = a.lastSeenAt.getTime() >= newest - FRESH_WINDOW_MS ? 0 : 1;
      const freshB = b.lastSeenAt.getTime() >= newest - FRESH_WINDOW_MS ? 0 : 1;
      return (
        freshA - freshB ||
        authorityRank(a.authority) - authorityRank(b.authority) ||
        b.lastSeenAt.getTime() - a.lastSeenAt.getTime() ||
        a.source.localeCompare(b.source)
      );
    });
    const [chosen, ...others] = ranked;
    result.push({ ...chosen!, alternatives: others });
  }
  return result;
}

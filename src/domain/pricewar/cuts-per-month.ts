/**
 * Price moves per calendar month (UTC), by direction: cut, hike, mixed (some prices
 * fell, others rose) and none (only cache prices or context tiers changed). Prices rise
 * too, so hikes are counted alongside cuts.
 *
 * The unit is an offering (seller x model x variant x region) moving in a direction in
 * a month: when several sources record the same move (LiteLLM and OpenRouter both see an
 * OpenRouter price change), or a source records two steps of it, it counts once.
 * A move is dated when a source first saw it, so months without a price scrape show no
 * moves: `priceRuns` (successful runs of price sources that month) tells a quiet month
 * from an unobserved one.
 */
import { monthLabel } from "./series-dates.ts";

export type Direction = "cut" | "hike" | "mixed" | "none";

export interface PriceMove {
  offeringId: number;
  effectiveAt: Date;
  direction: Direction;
}

export interface MonthMoves {
  month: string;
  cut: number;
  hike: number;
  mixed: number;
  none: number;
  total: number;
  priceRuns: number;
}

export function movesPerMonth(moves: readonly PriceMove[], months: readonly string[], runsPerMonth: ReadonlyMap<string, number>): MonthMoves[] {
  const counted = new Set<string>();
  const byMonth = new Map<string, MonthMoves>(
    months.map((month) => [month, { month, cut: 0, hike: 0, mixed: 0, none: 0, total: 0, priceRuns: runsPerMonth.get(month) ?? 0 }]),
  );
  for (const move of moves) {
    const month = monthLabel(move.effectiveAt);
    const row = byMonth.get(month);
    const key = `${move.offeringId}|${month}|${move.direction}`;
    if (!row || counted.has(key)) continue;
    counted.add(key);
    row[move.direction]++;
    row.total++;
  }
  return [...byMonth.values()];
}

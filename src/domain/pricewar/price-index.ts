/**
 * Price indices of a group of models (a tier, or the offerings of one kind of seller)
 * over time, given each member's price at each date.
 *
 * Two readings, because the group's composition changes as models launch and retire:
 * - `median` (USD per 1M, blended 3:1) is the level: what a typical member cost then. It
 *   falls when cheaper models join the group, which is part of the price war, but it
 *   mixes that with the prices of the models themselves.
 * - `chained` is a matched-model (Jevons) chain index, 100 at the first priced date:
 *   from one date to the next, the geometric mean of the price ratios of the models
 *   priced at both. It moves only when a model's own price moves (cuts, hikes, a
 *   cheaper seller), never because the mix changed, the way statistical offices price
 *   goods whose varieties come and go. Its blind spot is the other half: a new cheaper
 *   model does not lower it. Read both.
 */
import { decimalToNumber, type DecimalString } from "../money.ts";
import { decimalMedian, geometricMean, priceNumber } from "./statistics.ts";

export interface IndexInput {
  date: string;
  /** Member -> its price at that date (positive). */
  prices: ReadonlyMap<string, DecimalString>;
}

export interface IndexPoint {
  date: string;
  /** Members priced at this date. */
  members: number;
  /** Members priced at this date and the previous one (the chain link's basis). */
  matched: number;
  median: DecimalString | null;
  geometricMean: number | null;
  chained: number | null;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

export function priceIndex(series: readonly IndexInput[]): IndexPoint[] {
  const points: IndexPoint[] = [];
  let chained: number | null = null;
  let previous: ReadonlyMap<string, DecimalString> | null = null;
  for (const { date, prices } of series) {
    const values = [...prices.values()];
    let matched = 0;
    if (values.length > 0) {
      if (chained === null) {
        chained = 100;
      } else if (previous) {
        const logRatios: number[] = [];
        for (const [member, price] of prices) {
          const before = previous.get(member);
          if (before !== undefined) logRatios.push(Math.log(priceNumber(price) / priceNumber(before)));
        }
        matched = logRatios.length;
        if (matched > 0) chained *= Math.exp(logRatios.reduce((a, b) => a + b, 0) / matched);
      }
    }
    points.push({
      date,
      members: values.length,
      matched,
      median: values.length > 0 ? decimalMedian(values) : null,
      geometricMean: values.length > 0 ? round(geometricMean(values.map(priceNumber)), 6) : null,
      chained: chained === null ? null : round(chained, 4),
    });
    if (values.length > 0) previous = prices;
  }
  return points;
}

export interface GapPoint {
  date: string;
  /** Median price of the dearer group / median of the cheaper one; null when either is unpriced. */
  ratio: number | null;
}

/** The gap between two groups' median prices, date by date (both series on the same dates). */
export function medianGap(dearer: readonly IndexPoint[], cheaper: readonly IndexPoint[]): GapPoint[] {
  return dearer.map((point, index) => {
    const other = cheaper[index];
    if (!other || other.date !== point.date) throw new RangeError(`gap series differ at ${point.date}`);
    const ratio = point.median !== null && other.median !== null ? round(decimalToNumber(point.median) / decimalToNumber(other.median), 3) : null;
    return { date: point.date, ratio };
  });
}

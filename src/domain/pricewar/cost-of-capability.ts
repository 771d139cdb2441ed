/**
 * The falling cost of a fixed capability, after Epoch AI, "LLM inference prices have
 * fallen rapidly but unequally across tasks" (2025-03-12,
 * https://epoch.ai/data-insights/llm-inference-price-trends): for a benchmark and a
 * threshold score, the cheapest model that meets the threshold at each date, and the
 * rate at which that price falls from a log-linear fit of price against time.
 *
 * Choices here, where Epoch's description leaves room:
 * - Dates are month-ends, so each month weighs the same in the fit however many models
 *   launched in it; the price at a month-end is what the cheapest qualifying model cost
 *   that day (a step function between launches and cuts).
 * - A model meets the bar when any of its scores valid at the date (any source, any
 *   setting such as a reasoning effort) does: the per-token price is the same whichever
 *   setting is run, though a higher effort spends more tokens.
 * - Its price is its cheapest seller's blended 3:1 price (see seller-quotes.ts), Epoch's
 *   price measure too.
 * - The fit needs MIN_FIT_POINTS priced month-ends, the minimum of Epoch's code
 *   (min_num_data_points_for_regression = 4).
 * - The rate is reported both ways: `factorPerYear` is Epoch's "prices fall N times per
 *   year" (exp(-slope), > 1 when falling), `declinePerYear` the share of the price lost
 *   in a year (1 - exp(slope), negative when rising).
 */
import { compareDecimal, decimalToNumber, normaliseDecimal, type DecimalString } from "../money.ts";
import type { ModelQuotes } from "./seller-quotes.ts";
import { validAt } from "./seller-quotes.ts";
import { comparePrices, linearFit } from "./statistics.ts";

export const MIN_FIT_POINTS = 4;

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

export interface ScorePeriodRow {
  model: string;
  setting: string;
  source: string;
  score: DecimalString;
  validFrom: Date;
  validTo: Date | null;
}

export interface BestScore {
  score: DecimalString;
  setting: string;
  source: string;
}

export function meetsThreshold(score: DecimalString, threshold: number, higherIsBetter: boolean): boolean {
  const order = compareDecimal(score, normaliseDecimal(threshold));
  return higherIsBetter ? order >= 0 : order <= 0;
}

/** Each model's best score valid at `at`. */
export function bestScoresAt(rows: readonly ScorePeriodRow[], at: Date, higherIsBetter: boolean): Map<string, BestScore> {
  const best = new Map<string, BestScore>();
  for (const row of rows) {
    if (!validAt(row, at)) continue;
    const current = best.get(row.model);
    const order = current ? compareDecimal(row.score, current.score) : 0;
    if (!current || (higherIsBetter ? order > 0 : order < 0)) best.set(row.model, { score: row.score, setting: row.setting, source: row.source });
  }
  return best;
}

/** When the first score meeting the threshold became valid, or null. */
export function firstMet(rows: readonly ScorePeriodRow[], threshold: number, higherIsBetter: boolean): Date | null {
  let first: Date | null = null;
  for (const row of rows) {
    if (meetsThreshold(row.score, threshold, higherIsBetter) && (first === null || row.validFrom < first)) first = row.validFrom;
  }
  return first;
}

export interface CapabilityPoint {
  date: string;
  model: string;
  provider: string;
  /** Blended 3:1 USD per 1M tokens of the cheapest seller of the cheapest qualifying model. */
  price: DecimalString;
  score: DecimalString;
  setting: string;
  /** How many priced models met the threshold at that date. */
  qualifying: number;
}

export function cheapestMeeting(
  date: string,
  scores: ReadonlyMap<string, BestScore>,
  quotes: ReadonlyMap<string, ModelQuotes>,
  threshold: number,
  higherIsBetter: boolean,
): CapabilityPoint | null {
  let cheapest: CapabilityPoint | null = null;
  let qualifying = 0;
  for (const [model, best] of scores) {
    if (!meetsThreshold(best.score, threshold, higherIsBetter)) continue;
    const quote = quotes.get(model)?.quotes[0];
    if (!quote) continue;
    qualifying++;
    const order = cheapest ? comparePrices(quote.blended, cheapest.price) : -1;
    if (order < 0 || (order === 0 && cheapest && model < cheapest.model)) {
      cheapest = { date, model, provider: quote.provider, price: quote.blended, score: best.score, setting: best.setting, qualifying: 0 };
    }
  }
  return cheapest ? { ...cheapest, qualifying } : null;
}

export interface DeclineFit {
  points: number;
  from: string;
  to: string;
  /** Slope of ln(price) per year. */
  slopePerYear: number;
  /** Prices fall this many times per year: exp(-slope) (Epoch's "40x per year"). */
  factorPerYear: number;
  /** Share of the price lost per year: 1 - exp(slope); negative when prices rise. */
  declinePerYear: number;
  /** Months for the fitted price to halve; null when it does not fall. */
  halvingMonths: number | null;
  r2: number;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** Log-linear fit of price against time; null below MIN_FIT_POINTS points. */
export function fitDecline(points: ReadonlyArray<{ date: string; at: Date; price: DecimalString }>): DeclineFit | null {
  if (points.length < MIN_FIT_POINTS) return null;
  const origin = points[0]!.at.getTime();
  const fit = linearFit(
    points.map((point) => (point.at.getTime() - origin) / YEAR_MS),
    points.map((point) => Math.log(decimalToNumber(point.price))),
  );
  if (!fit) return null;
  return {
    points: points.length,
    from: points[0]!.date,
    to: points.at(-1)!.date,
    slopePerYear: round(fit.slope, 6),
    factorPerYear: round(Math.exp(-fit.slope), 4),
    declinePerYear: round(1 - Math.exp(fit.slope), 4),
    halvingMonths: fit.slope < 0 ? round((12 * Math.LN2) / -fit.slope, 2) : null,
    r2: round(fit.r2, 4),
  };
}

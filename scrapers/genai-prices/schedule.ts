/**
 * When each of a model's prices applies. genai-prices writes either one price object or a
 * list of `{constraint?, prices}`: the unconstrained entry is the default, used whenever no
 * constraint matches. Two list shapes occur and are supported:
 * - dated: `start_date` entries, a price history (o3 from 2025-06-10, ...);
 * - time of day: one `start_time`/`end_time` window beside the default (DeepSeek off-peak).
 * Anything else is reported as unsupported rather than guessed.
 */
import type { ConditionalPrice, GenaiModel, ModelPrice } from "./schema.ts";

export interface DatedPrice {
  /** null: the source does not say since when (the default entry). */
  validFrom: string | null;
  /** The next entry's start date, exclusive; null while current. */
  validTo: string | null;
  price: ModelPrice;
}

export type PriceSchedule =
  | { kind: "dated"; periods: DatedPrice[] }
  | { kind: "time-of-day"; outsideWindow: ModelPrice; insideWindow: ModelPrice }
  | { kind: "unsupported"; reason: string };

function startDateOf(entry: ConditionalPrice): string | null {
  return entry.constraint && "start_date" in entry.constraint ? entry.constraint.start_date : null;
}

function hasTimeWindow(entry: ConditionalPrice): boolean {
  return entry.constraint !== undefined && "start_time" in entry.constraint;
}

function datedSchedule(entries: ConditionalPrice[]): PriceSchedule {
  const defaults = entries.filter((entry) => !entry.constraint);
  if (defaults.length > 1) return { kind: "unsupported", reason: "several prices without a constraint" };
  // Sorted by date: upstream the list order decides precedence, and it is meant to be chronological.
  const dated = entries
    .filter((entry) => entry.constraint)
    .sort((a, b) => (startDateOf(a) ?? "").localeCompare(startDateOf(b) ?? ""));
  const starts = dated.map(startDateOf);
  if (new Set(starts).size !== starts.length) return { kind: "unsupported", reason: "two prices start on the same date" };
  const ordered = [...defaults, ...dated];
  return {
    kind: "dated",
    periods: ordered.map((entry, index) => {
      const next = ordered[index + 1];
      return { validFrom: startDateOf(entry), validTo: next ? startDateOf(next) : null, price: entry.prices };
    }),
  };
}

/** The default first, then its window: the shape DeepSeek's off-peak pricing takes. */
function timeOfDaySchedule(entries: ConditionalPrice[]): PriceSchedule {
  const [outside, inside, ...rest] = entries;
  if (!outside || outside.constraint || !inside || !hasTimeWindow(inside) || rest.length > 0) {
    return { kind: "unsupported", reason: "time-of-day prices other than one default followed by one window" };
  }
  return { kind: "time-of-day", outsideWindow: outside.prices, insideWindow: inside.prices };
}

export function priceSchedule(prices: GenaiModel["prices"]): PriceSchedule {
  if (!Array.isArray(prices)) return { kind: "dated", periods: [{ validFrom: null, validTo: null, price: prices }] };
  return prices.some(hasTimeWindow) ? timeOfDaySchedule(prices) : datedSchedule(prices);
}

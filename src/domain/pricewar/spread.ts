/**
 * Spreads and undercuts between the sellers of one model (hosts of open weights, clouds,
 * aggregators, the lab itself): at an instant, the cheapest, median and dearest blended
 * price and who is cheapest; over time, every moment a seller went below the seller
 * that was cheapest just before.
 */
import { compareDecimal, decimalToNumber, relativeChange, type DecimalString } from "../money.ts";
import type { ModelQuotes, SellerQuote } from "./seller-quotes.ts";
import { decimalMedian } from "./statistics.ts";

export interface SpreadPoint {
  date: string;
  sellers: number;
  min: DecimalString | null;
  median: DecimalString | null;
  max: DecimalString | null;
  /** max / min, rounded to 3 decimals; null with fewer than one priced seller. */
  maxOverMin: number | null;
  cheapest: { provider: string; price: DecimalString } | null;
  /** Every seller's quote, cheapest first. */
  quotes: SellerQuote[];
  /** Quotes set aside as unit errors (see seller-quotes.ts). */
  outliers: SellerQuote[];
}

export function spreadPoint(date: string, quoted: ModelQuotes | undefined): SpreadPoint {
  const quotes = quoted?.quotes ?? [];
  const outliers = quoted?.outliers ?? [];
  const first = quotes[0];
  const last = quotes.at(-1);
  if (!first || !last) return { date, sellers: 0, min: null, median: null, max: null, maxOverMin: null, cheapest: null, quotes, outliers };
  return {
    date,
    sellers: quotes.length,
    min: first.blended,
    median: decimalMedian(quotes.map((quote) => quote.blended)),
    max: last.blended,
    maxOverMin: Math.round((decimalToNumber(last.blended) / decimalToNumber(first.blended)) * 1000) / 1000,
    cheapest: { provider: first.provider, price: first.blended },
    quotes,
    outliers,
  };
}

export interface UndercutEvent {
  date: string;
  model: string;
  /** The seller that went below. */
  seller: string;
  price: DecimalString;
  /** The seller's own price just before; null when it had just listed the model. */
  sellerPreviousPrice: DecimalString | null;
  /** Who was cheapest just before among the other sellers, and at what price. */
  previousCheapest: { provider: string; price: DecimalString };
  /** How far below the previous cheapest price, in percent (2 decimals). */
  percentBelow: number;
}

export interface QuoteSnapshot {
  date: string;
  quotes: readonly SellerQuote[];
}

/**
 * Undercuts in a model's quote timeline (snapshots in time order, e.g. at every change
 * day). A seller undercuts when its new or newly listed price is strictly below the
 * cheapest other seller's price of the snapshot before, and its own price then was not
 * already below it (a cheapest seller cutting further widens its lead: no undercut). The
 * first snapshot is the baseline; a model with a single seller has no undercuts.
 */
export function undercutEvents(model: string, timeline: readonly QuoteSnapshot[]): UndercutEvent[] {
  const events: UndercutEvent[] = [];
  for (let index = 1; index < timeline.length; index++) {
    const before = timeline[index - 1]!;
    const after = timeline[index]!;
    for (const quote of after.quotes) {
      const own = before.quotes.find((previous) => previous.provider === quote.provider);
      if (own && compareDecimal(quote.blended, own.blended) >= 0) continue;
      // `before.quotes` is cheapest first: the first other seller is the cheapest one.
      const rival = before.quotes.find((previous) => previous.provider !== quote.provider);
      if (!rival || compareDecimal(quote.blended, rival.blended) >= 0) continue;
      if (own && compareDecimal(own.blended, rival.blended) < 0) continue;
      const change = relativeChange(rival.blended, quote.blended);
      events.push({
        date: after.date,
        model,
        seller: quote.provider,
        price: quote.blended,
        sellerPreviousPrice: own?.blended ?? null,
        previousCheapest: { provider: rival.provider, price: rival.blended },
        percentBelow: change === null ? 0 : Math.round(-decimalToNumber(change) * 10000) / 100,
      });
    }
  }
  return events;
}

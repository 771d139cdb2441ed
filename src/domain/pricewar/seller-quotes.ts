/**
 * What each seller asked for each model at an instant, read from recorded price periods:
 * the basis of every price-war figure.
 *
 * - As-of: only periods valid at the instant (validFrom <= at < validTo) count, and a
 *   period's last sighting is capped at the instant before sources are ranked, so a
 *   later re-scrape cannot change which source was fresh back then.
 * - One price per offering: the consolidation of prices.current (authority, freshness).
 * - Eligible offerings: USD (other currencies are not comparable without an exchange
 *   rate), the standard variant (batch, flex, priority and :free are other products:
 *   asynchronous, best-effort or rate-limited), and no "reference" provider (a median
 *   of sellers is not a seller). A blended price of 0 is a free promotion, not a price
 *   point, and an unknown input or output price gives no blended price: both are left out.
 * - One quote per seller (provider): its cheapest region, the one a buyer would pick.
 * - Obvious unit errors are set aside as outliers: a blended price above
 *   MAX_PLAUSIBLE_PRICE (the dearest genuine list price recorded is o1-pro's $262.50;
 *   LiteLLM's 2025-11 Weights & Biases entries, 10,000-100,000 times too high, read
 *   $8,750-$262,500, its watsonx mt0/jais 13B entries $875), and, with 3 or more sellers,
 *   a quote more than OUTLIER_FACTOR times above or below the median of the others.
 *   Honest spreads stay inside: the widest recorded is about 115x between the extreme
 *   sellers, but no seller is 50x from the median of the rest.
 */
import type { DecimalString } from "../money.ts";
import { chooseCurrent, type SourcedPrice } from "../prices/consolidate.ts";
import { blendedPrice } from "../prices/price-value.ts";
import { comparePrices, medianOf, priceNumber } from "./statistics.ts";

export const QUOTED_VARIANT = "standard";
export const QUOTED_CURRENCY = "USD";
export const OUTLIER_FACTOR = 50;
/** USD per 1M tokens, blended. */
export const MAX_PLAUSIBLE_PRICE = "500";

/** A recorded price period with its offering and source, as prices.history returns it. */
export interface PricePeriodRow extends SourcedPrice {
  provider: string;
  providerKind: string;
  model: string;
  variant: string;
  region: string;
  currency: string;
  validFrom: Date;
  validTo: Date | null;
}

export interface SellerQuote {
  provider: string;
  providerKind: string;
  region: string;
  source: string;
  input: DecimalString;
  output: DecimalString;
  /** 3 input : 1 output, USD per 1M tokens. */
  blended: DecimalString;
}

export interface ModelQuotes {
  /** Cheapest first (ties by seller id). */
  quotes: SellerQuote[];
  outliers: SellerQuote[];
}

export function isQuotable(row: Pick<PricePeriodRow, "currency" | "variant" | "providerKind">): boolean {
  return row.currency === QUOTED_CURRENCY && row.variant === QUOTED_VARIANT && row.providerKind !== "reference";
}

export function validAt(row: Pick<PricePeriodRow, "validFrom" | "validTo">, at: Date): boolean {
  return row.validFrom.getTime() <= at.getTime() && (row.validTo === null || row.validTo.getTime() > at.getTime());
}

const byPrice = (a: SellerQuote, b: SellerQuote) => comparePrices(a.blended, b.blended) || a.provider.localeCompare(b.provider);

/** Blended prices by period row: a row's price never changes, so a series computes it once. */
const blendedByRow = new WeakMap<PricePeriodRow, DecimalString | null>();

function blendedOf(row: PricePeriodRow): DecimalString | null {
  let blended = blendedByRow.get(row);
  if (blended === undefined) {
    blended = row.input === null || row.output === null ? null : blendedPrice(row);
    blendedByRow.set(row, blended);
  }
  return blended;
}

/**
 * The consolidated price of one offering at `at` (consolidate.ts's choice), with each
 * source's last sighting capped at `at`; the row itself, not a copy.
 */
function chosenAt(candidates: readonly PricePeriodRow[], at: Date): PricePeriodRow {
  if (candidates.length === 1) return candidates[0]!;
  const asOf = candidates.map((row) => (row.lastSeenAt.getTime() > at.getTime() ? { ...row, lastSeenAt: at } : row));
  return candidates[asOf.indexOf(chooseCurrent(asOf))]!;
}

/** Every model's seller quotes at `at`. */
export function quotesAt(rows: readonly PricePeriodRow[], at: Date): Map<string, ModelQuotes> {
  const byOffering = new Map<number, PricePeriodRow[]>();
  for (const row of rows) {
    if (!isQuotable(row) || !validAt(row, at)) continue;
    const candidates = byOffering.get(row.offeringId);
    if (candidates) candidates.push(row);
    else byOffering.set(row.offeringId, [row]);
  }
  const bySeller = new Map<string, Map<string, SellerQuote>>();
  for (const candidates of byOffering.values()) {
    const price = chosenAt(candidates, at);
    const blended = blendedOf(price);
    if (blended === null || blended === "0" || price.input === null || price.output === null) continue;
    const sellers = bySeller.get(price.model) ?? new Map<string, SellerQuote>();
    const current = sellers.get(price.provider);
    if (!current || comparePrices(blended, current.blended) < 0 || (blended === current.blended && price.region < current.region)) {
      sellers.set(price.provider, {
        provider: price.provider,
        providerKind: price.providerKind,
        region: price.region,
        source: price.source,
        input: price.input,
        output: price.output,
        blended,
      });
    }
    bySeller.set(price.model, sellers);
  }
  const result = new Map<string, ModelQuotes>();
  for (const [model, sellers] of bySeller) result.set(model, withoutOutliers([...sellers.values()].sort(byPrice)));
  return result;
}

export function withoutOutliers(all: readonly SellerQuote[]): ModelQuotes {
  const quotes = all.filter((quote) => comparePrices(quote.blended, MAX_PLAUSIBLE_PRICE) <= 0);
  const outliers = all.filter((quote) => comparePrices(quote.blended, MAX_PLAUSIBLE_PRICE) > 0);
  if (quotes.length < 3) return { quotes, outliers };
  const kept: SellerQuote[] = [];
  const prices = quotes.map((quote) => priceNumber(quote.blended));
  quotes.forEach((quote, index) => {
    const others = medianOf(prices.filter((_, other) => other !== index));
    const ratio = prices[index]! / others;
    (ratio > OUTLIER_FACTOR || ratio < 1 / OUTLIER_FACTOR ? outliers : kept).push(quote);
  });
  return { quotes: kept, outliers: outliers.sort(byPrice) };
}

/** The instants at which any quotable period of these rows starts or ends. */
export function changeInstants(rows: readonly PricePeriodRow[]): Date[] {
  const instants = new Set<number>();
  for (const row of rows) {
    if (!isQuotable(row)) continue;
    instants.add(row.validFrom.getTime());
    if (row.validTo) instants.add(row.validTo.getTime());
  }
  return [...instants].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/** When the first quotable period of these rows starts, or null. */
export function firstListing(rows: readonly PricePeriodRow[]): Date | null {
  let first: number | null = null;
  for (const row of rows) {
    if (isQuotable(row) && (first === null || row.validFrom.getTime() < first)) first = row.validFrom.getTime();
  }
  return first === null ? null : new Date(first);
}

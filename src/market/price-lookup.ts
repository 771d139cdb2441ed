/**
 * prices.current and prices.at over a market view: the consolidated prices of the
 * offerings matching a filter, in the view's order (model, seller, variant, region).
 * A currency filter reads the offers consolidated over that currency's periods alone, as
 * the SQL filter on currency does; no filter reads the all-currency consolidation.
 */
import type { ConsolidatedPrice, OfferingFilter } from "../db/queries/prices.ts";
import type { MarketView } from "./market-view.ts";

export function pricesIn(view: MarketView, filter: Omit<OfferingFilter, "source">): ConsolidatedPrice[] {
  const pool = filter.currency ? view.offers.map((offer) => offer.price) : view.prices;
  const models = filter.modelIds && new Set(filter.modelIds);
  return pool.filter(
    (price) =>
      (!models || models.has(price.model)) &&
      (!filter.provider || price.provider === filter.provider) &&
      (!filter.variant || price.variant === filter.variant) &&
      (!filter.currency || price.currency === filter.currency),
  );
}

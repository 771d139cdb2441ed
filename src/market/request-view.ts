/**
 * The view a request reads. The service pins the current view once per request in the
 * context (one tRPC batch, one view); a caller without the service's views (tests, a
 * one-shot createCaller) gets views kept per database handle that re-check the data
 * version on every read.
 */
import type { Executor } from "../db/client.ts";
import type { MarketView } from "./market-view.ts";
import { MarketViews } from "./market-views.ts";

export interface MarketContext {
  db: Executor;
  markets?: MarketViews;
  /** The current view, taken once when the request's context was made. */
  view?: MarketView;
}

const checkedViews = new WeakMap<object, MarketViews>();

export function marketViewsOf(context: MarketContext): MarketViews {
  if (context.markets) return context.markets;
  let views = checkedViews.get(context.db);
  if (!views) {
    views = new MarketViews(context.db, { checkVersionOnRead: true });
    checkedViews.set(context.db, views);
  }
  return views;
}

/** The view of the market now, or at `asOf`. */
export async function requestView(context: MarketContext, asOf?: Date): Promise<MarketView> {
  if (asOf) return marketViewsOf(context).at(asOf);
  return context.view ?? marketViewsOf(context).current();
}

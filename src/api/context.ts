import type { Logger } from "../config/logger.ts";
import type { DatabaseConnection, Db } from "../db/client.ts";
import type { SourceSchedule } from "../jobs/scheduler/schedules.ts";
import type { MarketView } from "../market/market-view.ts";
import type { MarketViews } from "../market/market-views.ts";

/** Inner context: everything a procedure needs, built from a database so tests can call createCaller({ db, ... }). */
export interface ApiContext {
  db: Db;
  connection: Pick<DatabaseConnection, "kind" | "location"> & Partial<DatabaseConnection>;
  logger?: Logger;
  /** The effective schedules (PRICEWAR_SCHEDULES applied), for health; the sources' own when absent. */
  schedules?: readonly SourceSchedule[];
  /** The instance's market views (src/market); without them each read checks the data version itself. */
  markets?: MarketViews;
  /** The current market view, pinned once per HTTP request so a tRPC batch reads one view. */
  view?: MarketView;
}

/** The context of one request: the shared one with the current market view pinned. */
export async function requestContext(context: ApiContext): Promise<ApiContext> {
  return context.markets ? { ...context, view: await context.markets.current() } : context;
}

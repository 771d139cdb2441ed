/**
 * prices.history, one page at a time: a model's price periods newest first, by keyset on
 * (valid_from desc, id desc). Each of the model's few offerings is read along
 * price_periods_history_idx (offering_id, valid_from, id) for at most a page past the
 * cursor, then merged: the cost follows the page, not the length of the recorded history.
 */
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { models, offerings, pricePeriods, providers, sources } from "../schema/index.ts";
import { offeringConditions, periodConditions, priceColumns, type OfferingFilter } from "./prices.ts";

/** Where a page ended: the last period's valid_from (UTC, to the microsecond, as Postgres stores it) and id. */
export interface HistoryPosition {
  validFrom: string;
  id: number;
}

export interface HistoryPageRequest {
  limit: number;
  /** Periods strictly after this position in the order (older, or as old with a lower id). */
  after?: HistoryPosition;
}

/** valid_from as text exact to the microsecond: a JS Date keeps only milliseconds. */
const exactValidFrom = sql<string>`to_char(${pricePeriods.validFrom} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function pastPosition(after: HistoryPosition | undefined): SQL[] {
  return after ? [sql`(${pricePeriods.validFrom}, ${pricePeriods.id}) < (${after.validFrom}::timestamptz, ${after.id})`] : [];
}

/** A page of the filter's periods (the filter names its model), newest first, and the position to continue from when more remain. */
export async function priceHistoryPage(db: Executor, filter: OfferingFilter, page: HistoryPageRequest) {
  const offeringPeriods = db
    .select({ id: pricePeriods.id, validFrom: pricePeriods.validFrom })
    .from(pricePeriods)
    .where(and(eq(pricePeriods.offeringId, offerings.id), ...periodConditions(filter), ...pastPosition(page.after)))
    .orderBy(desc(pricePeriods.validFrom), desc(pricePeriods.id))
    .limit(page.limit + 1)
    .as("offering_periods");
  const pageIds = db
    .select({ id: offeringPeriods.id })
    .from(offerings)
    .crossJoinLateral(offeringPeriods)
    .where(and(...offeringConditions(filter)))
    .orderBy(desc(offeringPeriods.validFrom), desc(offeringPeriods.id))
    .limit(page.limit + 1)
    .as("page");
  const rows = await db
    .select({ ...priceColumns, exactValidFrom })
    .from(pageIds)
    .innerJoin(pricePeriods, eq(pricePeriods.id, pageIds.id))
    .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
    .innerJoin(providers, eq(providers.id, offerings.providerId))
    .innerJoin(models, eq(models.id, offerings.modelId))
    .innerJoin(sources, eq(sources.id, pricePeriods.sourceId))
    .orderBy(desc(pricePeriods.validFrom), desc(pricePeriods.id));
  const kept = rows.slice(0, page.limit);
  const last = kept.at(-1);
  const next: HistoryPosition | null = rows.length > page.limit && last ? { validFrom: last.exactValidFrom, id: last.periodId } : null;
  return { periods: kept.map(({ exactValidFrom: _, ...period }) => period), next };
}

/**
 * pricewar.changes: change events newest first, filtered. The query picks the page's event
 * ids first, from change_events alone (walking change_events_by_date_idx in
 * effective_at desc, id order, the offering filters as an id list of offerings), and joins
 * only those ids to their offering and price periods: its cost follows the page, not the
 * length of the recorded history.
 */
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { changeEvents, offerings } from "../schema/index.ts";

export interface ChangeFilter {
  since?: Date;
  until?: Date;
  provider?: string;
  modelIds?: string[];
  direction?: "cut" | "hike" | "mixed" | "none";
  kind?: "listed" | "delisted" | "price";
  source?: string;
  limit: number;
}

export interface PricePair {
  input: string | null;
  output: string | null;
  cacheRead: string | null;
  cacheWrite: string | null;
}

/**
 * "The event's offering matches": offering conditions as a list of offering ids, so a page
 * of events is picked from change_events alone; none when there is no condition.
 */
export function eventOfferingIn(conditions: readonly SQL[]): SQL | undefined {
  if (conditions.length === 0) return undefined;
  return sql`${changeEvents.offeringId} in (select ${offerings.id} from ${offerings} where ${and(...conditions)})`;
}

function eventConditions(filter: ChangeFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.since) conditions.push(gte(changeEvents.effectiveAt, filter.since));
  if (filter.until) conditions.push(lte(changeEvents.effectiveAt, filter.until));
  if (filter.direction) conditions.push(eq(changeEvents.direction, filter.direction));
  if (filter.kind) conditions.push(eq(changeEvents.kind, filter.kind));
  if (filter.source) conditions.push(eq(changeEvents.sourceId, filter.source));
  const offering: SQL[] = [];
  if (filter.provider) offering.push(eq(offerings.providerId, filter.provider));
  if (filter.modelIds) offering.push(inArray(offerings.modelId, filter.modelIds.length > 0 ? filter.modelIds : [""]));
  const scope = eventOfferingIn(offering);
  if (scope) conditions.push(scope);
  return conditions;
}

const pricePair = (alias: string) =>
  sql.raw(`case when ${alias}.id is null then null else json_build_object('input', ${alias}.input::text, 'output', ${alias}.output::text, 'cacheRead', ${alias}.cache_read::text, 'cacheWrite', ${alias}.cache_write::text) end`);

/** Price changes (cuts, hikes), listings and delistings matching the filter, newest first. */
export function priceChanges(db: Executor, filter: ChangeFilter) {
  const page = db
    .select({ id: changeEvents.id })
    .from(changeEvents)
    .where(and(...eventConditions(filter)))
    .orderBy(desc(changeEvents.effectiveAt), asc(changeEvents.id))
    .limit(filter.limit)
    .as("page");
  return db
    .select({
      id: changeEvents.id,
      kind: changeEvents.kind,
      effectiveAt: changeEvents.effectiveAt,
      provider: offerings.providerId,
      model: offerings.modelId,
      variant: offerings.variant,
      region: offerings.region,
      source: changeEvents.sourceId,
      direction: changeEvents.direction,
      oldBlended: changeEvents.oldBlended,
      newBlended: changeEvents.newBlended,
      changeRatio: changeEvents.changeRatio,
      currency: sql<string | null>`coalesce(new_period.currency, old_period.currency)::text`,
      old: sql<PricePair | null>`${pricePair("old_period")}`,
      new: sql<PricePair | null>`${pricePair("new_period")}`,
    })
    .from(page)
    .innerJoin(changeEvents, eq(changeEvents.id, page.id))
    .innerJoin(offerings, eq(offerings.id, changeEvents.offeringId))
    .leftJoin(sql`price_periods old_period`, sql`old_period.id = ${changeEvents.oldPeriodId}`)
    .leftJoin(sql`price_periods new_period`, sql`new_period.id = ${changeEvents.newPeriodId}`)
    .orderBy(desc(changeEvents.effectiveAt), asc(changeEvents.id));
}

/**
 * pricewar.changes: change events newest first, filtered. The query picks the page's event
 * ids first, from change_events alone along an index (see pageOf), and joins only those
 * ids, by primary key, to their offering and price periods: its cost follows the page,
 * not the length of the recorded history.
 */
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
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

/** Conditions on the event itself. */
function eventConditions(filter: ChangeFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.since) conditions.push(gte(changeEvents.effectiveAt, filter.since));
  if (filter.until) conditions.push(lte(changeEvents.effectiveAt, filter.until));
  if (filter.direction) conditions.push(eq(changeEvents.direction, filter.direction));
  if (filter.kind) conditions.push(eq(changeEvents.kind, filter.kind));
  if (filter.source) conditions.push(eq(changeEvents.sourceId, filter.source));
  return conditions;
}

function offeringConditions(filter: ChangeFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.provider) conditions.push(eq(offerings.providerId, filter.provider));
  if (filter.modelIds) conditions.push(inArray(offerings.modelId, filter.modelIds.length > 0 ? filter.modelIds : [""]));
  return conditions;
}

/** The order of both change-event indexes: (effective_at desc nulls last, id); "desc" alone means nulls first, which no index has. */
const newestFirst = [sql`${changeEvents.effectiveAt} desc nulls last`, asc(changeEvents.id)];

/**
 * The page's event ids. A model's few offerings are read one by one, each along
 * change_events_by_offering_idx for its newest `limit` events, then merged; any other
 * filter walks change_events_by_date_idx, newest first, until the page is full.
 */
function pageOf(db: Executor, filter: ChangeFilter) {
  if (filter.modelIds) {
    const newestOfOffering = db
      .select({ id: changeEvents.id, effectiveAt: changeEvents.effectiveAt })
      .from(changeEvents)
      .where(and(eq(changeEvents.offeringId, offerings.id), ...eventConditions(filter)))
      .orderBy(...newestFirst)
      .limit(filter.limit)
      .as("newest");
    return db
      .select({ id: newestOfOffering.id })
      .from(offerings)
      .crossJoinLateral(newestOfOffering)
      .where(and(...offeringConditions(filter)))
      .orderBy(sql`${newestOfOffering.effectiveAt} desc nulls last`, asc(newestOfOffering.id))
      .limit(filter.limit)
      .as("page");
  }
  const scope = eventOfferingIn(offeringConditions(filter));
  return db
    .select({ id: changeEvents.id })
    .from(changeEvents)
    .where(and(...eventConditions(filter), ...(scope ? [scope] : [])))
    .orderBy(...newestFirst)
    .limit(filter.limit)
    .as("page");
}

const pricePair = (alias: string) =>
  sql.raw(`case when ${alias}.id is null then null else json_build_object('input', ${alias}.input::text, 'output', ${alias}.output::text, 'cacheRead', ${alias}.cache_read::text, 'cacheWrite', ${alias}.cache_write::text) end`);

/** Price changes (cuts, hikes), listings and delistings matching the filter, newest first. */
export function priceChanges(db: Executor, filter: ChangeFilter) {
  const page = pageOf(db, filter);
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
    .orderBy(...newestFirst);
}

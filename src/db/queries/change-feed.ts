/**
 * Change events in id order for the change stream, webhook payloads and the Atom feed:
 * everything after an id (the SSE Last-Event-ID), filtered like a webhook subscription.
 * Ids are the change_events primary key, assigned in insert order. A page's ids are picked
 * from change_events alone along the primary key (the seller and model filters as a list
 * of offerings), then only those are joined, by primary key: the cost follows the page, not the history.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { changeEvents, offerings, pricePeriods } from "../schema/index.ts";
import type { ChangeFilter } from "../../domain/changes/change-filter.ts";
import { eventOfferingIn } from "./price-changes.ts";

function filterConditions(filter: ChangeFilter): SQL[] {
  const conditions: SQL[] = [];
  const offering: SQL[] = [];
  if (filter.modelId) offering.push(eq(offerings.modelId, filter.modelId));
  if (filter.seller) offering.push(eq(offerings.providerId, filter.seller));
  const scope = eventOfferingIn(offering);
  if (scope) conditions.push(scope);
  if (filter.direction) conditions.push(eq(changeEvents.direction, filter.direction));
  if (filter.kind === "cut" || filter.kind === "hike") conditions.push(and(eq(changeEvents.kind, "price"), eq(changeEvents.direction, filter.kind))!);
  if (filter.kind === "listed" || filter.kind === "delisted") conditions.push(eq(changeEvents.kind, filter.kind));
  if (filter.minPct !== undefined) conditions.push(and(isNotNull(changeEvents.changeRatio), sql`abs(${changeEvents.changeRatio}) * 100 >= ${String(filter.minPct)}::numeric`)!);
  return conditions;
}

const periodJson = (alias: string) =>
  sql.raw(`case when ${alias}.id is null then null else json_build_object('input', ${alias}.input::text, 'output', ${alias}.output::text, 'cacheRead', ${alias}.cache_read::text, 'cacheWrite', ${alias}.cache_write::text, 'currency', ${alias}.currency::text) end`);

type EventPage = ReturnType<typeof pageOf>;

/** Matching event ids, the first `limit` in `order`, read from change_events alone. */
function pageOf(db: Executor, where: SQL | undefined, order: "asc" | "desc", limit?: number) {
  const ids = db
    .select({ id: changeEvents.id })
    .from(changeEvents)
    .where(where)
    .orderBy(order === "asc" ? asc(changeEvents.id) : desc(changeEvents.id));
  return (limit === undefined ? ids : ids.limit(limit)).as("page");
}

/** The events of a page joined (by primary key) to their offering and periods, in id order. */
function selectChanges(db: Executor, page: EventPage, order: "asc" | "desc") {
  return db
    .select({
      id: changeEvents.id,
      kind: changeEvents.kind,
      direction: changeEvents.direction,
      effectiveAt: changeEvents.effectiveAt,
      recordedAt: changeEvents.recordedAt,
      model: offerings.modelId,
      seller: offerings.providerId,
      variant: offerings.variant,
      region: offerings.region,
      source: changeEvents.sourceId,
      oldBlended: changeEvents.oldBlended,
      newBlended: changeEvents.newBlended,
      changeRatio: changeEvents.changeRatio,
      old: sql<Record<string, string | null> | null>`${periodJson("old_period")}`,
      new: sql<Record<string, string | null> | null>`${periodJson("new_period")}`,
    })
    .from(page)
    .innerJoin(changeEvents, eq(changeEvents.id, page.id))
    .innerJoin(offerings, eq(offerings.id, changeEvents.offeringId))
    .leftJoin(sql`${pricePeriods} old_period`, sql`old_period.id = ${changeEvents.oldPeriodId}`)
    .leftJoin(sql`${pricePeriods} new_period`, sql`new_period.id = ${changeEvents.newPeriodId}`)
    .orderBy(order === "asc" ? asc(changeEvents.id) : desc(changeEvents.id));
}

export type ChangeItem = Awaited<ReturnType<typeof changesAfter>>[number];

/** Matching events with an id above `afterId`, oldest first. */
export function changesAfter(db: Executor, filter: ChangeFilter, afterId: number, limit: number) {
  return selectChanges(db, pageOf(db, and(gt(changeEvents.id, afterId), ...filterConditions(filter)), "asc", limit), "asc");
}

/** The newest matching events (the Atom feed), newest first. */
export function latestChanges(db: Executor, filter: ChangeFilter, limit: number) {
  return selectChanges(db, pageOf(db, and(...filterConditions(filter)), "desc", limit), "desc");
}

/** Events by id (webhook payloads), in id order. */
export function changesByIds(db: Executor, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return selectChanges(db, pageOf(db, inArray(changeEvents.id, ids), "asc"), "asc");
}

/** The highest change-event id, 0 when none: where a fresh stream starts. */
export async function lastChangeId(db: Executor): Promise<number> {
  const [row] = await db.select({ id: sql<number>`coalesce(max(${changeEvents.id}), 0)::float8` }).from(changeEvents);
  return Number(row?.id ?? 0);
}


/**
 * When a period was last seen. "Seen" is recorded per run: a period seen by its source's
 * latest run carries seenInLatestRun, and its last sighting is the source's
 * (source_sightings.seen_at), so an unchanged re-scrape updates no period row. Every
 * other period keeps its own lastSeenAt.
 */
import { getTableName, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { pricePeriods, scorePeriods, sourceSightings } from "../schema/index.ts";

export type PeriodTable = typeof pricePeriods | typeof scorePeriods;

/**
 * The period's last-seen time as a column expression (decoded as a Date). Columns are
 * named with their table: drizzle leaves them bare in a one-table select, and the
 * subquery's source_id would then be its own.
 */
export function periodLastSeen(table: PeriodTable): SQL<Date> {
  const period = sql.identifier(getTableName(table));
  return sql<Date>`(case when ${period}.seen_in_latest_run
    then coalesce((select sighting.seen_at from ${sourceSightings} as sighting where sighting.source_id = ${period}.source_id), ${period}.last_seen_at)
    else ${period}.last_seen_at end)`.mapWith(table.lastSeenAt);
}

/** The source's latest sighting, if any run saw it. */
export async function latestSighting(db: Executor, sourceId: string): Promise<Date | null> {
  const rows = await db.select({ seenAt: sourceSightings.seenAt }).from(sourceSightings).where(sql`${sourceSightings.sourceId} = ${sourceId}`);
  return rows[0]?.seenAt ?? null;
}

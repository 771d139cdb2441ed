/**
 * When a source last showed a name (an alias). "Seen" is recorded per run, as for periods
 * (period-seen.ts): a name its source's latest run showed carries seenInLatestRun and its
 * last sighting is the source's (source_sightings.seen_at), so an unchanged re-run writes
 * no alias row. Every other name keeps its own lastSeenAt.
 */
import { sql, type SQL } from "drizzle-orm";
import { aliases, sourceSightings } from "../schema/index.ts";

/** The alias's last-seen time as a column expression (decoded as a Date); qualified, so it reads the same in a join. */
export const aliasLastSeen: SQL<Date> = sql<Date>`(case when "aliases"."seen_in_latest_run"
  then coalesce((select sighting.seen_at from ${sourceSightings} as sighting where sighting.source_id = "aliases"."source"), "aliases"."last_seen_at")
  else "aliases"."last_seen_at" end)`.mapWith(aliases.lastSeenAt);

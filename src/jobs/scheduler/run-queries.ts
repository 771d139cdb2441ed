/** What the scheduler asks of scrape_runs before it runs a source. */
import { and, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { scrapeRuns } from "../../db/schema/index.ts";

/**
 * Whether a run of the source observed at exactly this tick exists (ticks are whole
 * seconds; a tick's run records the tick as its observation time). Served by the
 * (source_id, started_at) index: one source's runs, a few thousand a year at most.
 */
export async function hasRunAtTick(db: Executor, sourceId: string, tick: Date): Promise<boolean> {
  const rows = await db
    .select({ id: scrapeRuns.id })
    .from(scrapeRuns)
    .where(and(eq(scrapeRuns.sourceId, sourceId), eq(scrapeRuns.observedAt, tick)))
    .limit(1);
  return rows.length > 0;
}

export async function hasAnyRun(db: Executor, sourceId: string): Promise<boolean> {
  const rows = await db.select({ id: scrapeRuns.id }).from(scrapeRuns).where(eq(scrapeRuns.sourceId, sourceId)).limit(1);
  return rows.length > 0;
}

/** Ids of the sources that have run at least once. */
export async function sourcesWithRuns(db: Executor): Promise<Set<string>> {
  const rows = await db.selectDistinct({ sourceId: scrapeRuns.sourceId }).from(scrapeRuns);
  return new Set(rows.map((row) => row.sourceId));
}

/** The database-derived values /metrics reports as gauges, read in one round of queries at scrape time. */
import { and, count, eq, gt, max } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { priceQuarantine, scrapeRuns } from "../schema/index.ts";

export interface ServiceGauges {
  /** Per source, when its newest successful run finished. */
  lastSuccess: Array<{ source: string; finishedAt: Date }>;
  /** Id of the newest successful run that changed a price or score: it moves exactly when the served data does (0 before any). */
  dataVersion: number;
  /** Prices the integrity gate holds back now. */
  quarantined: number;
}

export async function readServiceGauges(db: Executor): Promise<ServiceGauges> {
  const [successes, version, held] = await Promise.all([
    db
      .select({ source: scrapeRuns.sourceId, finishedAt: max(scrapeRuns.finishedAt) })
      .from(scrapeRuns)
      .where(eq(scrapeRuns.status, "succeeded"))
      .groupBy(scrapeRuns.sourceId),
    db
      .select({ id: max(scrapeRuns.id) })
      .from(scrapeRuns)
      .where(and(eq(scrapeRuns.status, "succeeded"), gt(scrapeRuns.changed, 0))),
    db.select({ held: count() }).from(priceQuarantine).where(eq(priceQuarantine.status, "held")),
  ]);
  return {
    lastSuccess: successes.flatMap(({ source, finishedAt }) => (finishedAt ? [{ source, finishedAt: new Date(finishedAt) }] : [])),
    dataVersion: Number(version[0]?.id ?? 0),
    quarantined: Number(held[0]?.held ?? 0),
  };
}

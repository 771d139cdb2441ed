/**
 * The data version: a short digest of figures every write that can change an answer
 * moves (highest ids, counts of open periods, the catalogue's size and last update, the
 * last run that changed data). It is read from the database, so two instances on one
 * database compute the same version for the same data, and it is the ETag of every
 * answer served from a market view. A run that only re-sees unchanged prices (it moves
 * last_seen_at and nothing else) does not change the version.
 */
import { createHash } from "node:crypto";
import { and, count, eq, gt, isNull, max } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { changeEvents, modelPointers, models, offerings, pricePeriods, providers, scorePeriods, scrapeRuns } from "../db/schema/index.ts";

export interface DataVersion {
  version: string;
  /** When the data last changed (latest period recorded or model updated): the Last-Modified of answers. */
  changedAt: Date;
}

export async function readDataVersion(db: Executor): Promise<DataVersion> {
  const [[prices], [openPrices], [scores], [openScores], [catalogue], [offers], [events], [pointers], [sellers], [runs]] = await Promise.all([
    db.select({ last: max(pricePeriods.id), at: max(pricePeriods.recordedAt) }).from(pricePeriods),
    db.select({ n: count() }).from(pricePeriods).where(isNull(pricePeriods.validTo)),
    db.select({ last: max(scorePeriods.id) }).from(scorePeriods),
    db.select({ n: count() }).from(scorePeriods).where(isNull(scorePeriods.validTo)),
    db.select({ n: count(), at: max(models.updatedAt) }).from(models),
    db.select({ last: max(offerings.id), n: count() }).from(offerings),
    db.select({ last: max(changeEvents.id) }).from(changeEvents),
    db.select({ n: count(), last: max(modelPointers.validFrom) }).from(modelPointers),
    db.select({ n: count() }).from(providers),
    db.select({ last: max(scrapeRuns.id) }).from(scrapeRuns).where(and(eq(scrapeRuns.status, "succeeded"), gt(scrapeRuns.changed, 0))),
  ]);
  const figures = [
    prices?.last,
    openPrices?.n,
    scores?.last,
    openScores?.n,
    catalogue?.n,
    stamp(catalogue?.at),
    offers?.last,
    offers?.n,
    events?.last,
    pointers?.n,
    stamp(pointers?.last),
    sellers?.n,
    runs?.last,
  ].map((figure) => String(figure ?? 0));
  const digest = createHash("sha256").update(figures.join("|")).digest("hex").slice(0, 16);
  const changed = [stamp(prices?.at), stamp(catalogue?.at)].filter((time) => time > 0);
  return { version: digest, changedAt: new Date(changed.length > 0 ? Math.max(...changed) : 0) };
}

/** A timestamp as milliseconds, whichever way the driver decoded it; 0 when absent. */
function stamp(value: Date | string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const time = (value instanceof Date ? value : new Date(value)).getTime();
  return Number.isNaN(time) ? 0 : time;
}

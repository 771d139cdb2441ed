/**
 * A fingerprint of everything a run could corrupt: every price period (values, validity)
 * and the change events. Equal before and after a bad run means current prices,
 * listings and history are unchanged. Last-seen marks are left out: a good entry of a
 * run that also held a price is seen again, which changes no price.
 */
import { createHash } from "node:crypto";
import { asc, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../src/db/client.ts";
import { changeEvents, pricePeriods } from "../../src/db/schema/index.ts";

export async function historyFingerprint(db: Executor) {
  const periods = await db.select().from(pricePeriods).orderBy(asc(pricePeriods.id));
  const events = await db.select().from(changeEvents).orderBy(asc(changeEvents.id));
  const [open] = await db.select({ n: sql<number>`count(*)::int` }).from(pricePeriods).where(isNull(pricePeriods.validTo));
  const hash = createHash("sha256");
  for (const p of periods) {
    hash.update(
      [p.id, p.offeringId, p.sourceId, p.currency, p.input, p.output, p.cacheRead, p.cacheWrite, p.cacheWrite1h, JSON.stringify(p.tiers), p.validFrom.toISOString(), p.validTo?.toISOString()].join("|"),
    );
  }
  for (const e of events) hash.update([e.id, e.offeringId, e.sourceId, e.kind, e.effectiveAt.toISOString(), e.oldPeriodId, e.newPeriodId].join("|"));
  return { periods: periods.length, open: open!.n, events: events.length, sha256: hash.digest("hex") };
}

/** Current listings and headline prices only: which offerings each source lists now, at what input/output price. */
export async function listingFingerprint(db: Executor) {
  const open = await db.select().from(pricePeriods).where(isNull(pricePeriods.validTo)).orderBy(asc(pricePeriods.offeringId), asc(pricePeriods.sourceId));
  const hash = createHash("sha256");
  for (const p of open) hash.update([p.offeringId, p.sourceId, p.currency, p.input, p.output].join("|"));
  return { open: open.length, sha256: hash.digest("hex") };
}

/** Which offerings each source lists now, whatever their prices. */
export async function listedOfferings(db: Executor) {
  const open = await db
    .select({ offeringId: pricePeriods.offeringId, sourceId: pricePeriods.sourceId })
    .from(pricePeriods)
    .where(isNull(pricePeriods.validTo))
    .orderBy(asc(pricePeriods.offeringId), asc(pricePeriods.sourceId));
  return createHash("sha256").update(open.map((row) => `${row.offeringId}|${row.sourceId}`).join("\n")).digest("hex");
}

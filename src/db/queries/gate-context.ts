/**
 * What the integrity gate compares a price run against: the source's prices (current, or
 * in force at a history run's time), other sources' current prices for the same
 * offerings, and where the run falls in the source's timeline (a run older than the
 * newest one is history).
 */
import { and, eq, gt, inArray, isNull, lte, min, ne, or } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { offerings, pricePeriods, scrapeRuns } from "../schema/index.ts";
import type { CurrentPrice, OtherPrice } from "../../domain/integrity/price-gate.ts";
import { offeringKeyString, slices } from "./catalogue.ts";
import { priceValueOfRow } from "./price-history.ts";

/**
 * The source's prices the gate compares a run against: its open periods, or for a run
 * older than the source's newest one (history) the periods in force at that time.
 */
export async function currentPricesOf(db: Executor, sourceId: string, historyAt?: Date): Promise<CurrentPrice[]> {
  const inForce = historyAt
    ? and(lte(pricePeriods.validFrom, historyAt), or(isNull(pricePeriods.validTo), gt(pricePeriods.validTo, historyAt)))
    : isNull(pricePeriods.validTo);
  const rows = await db
    .select({ period: pricePeriods, offering: offerings })
    .from(pricePeriods)
    .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
    .where(and(eq(pricePeriods.sourceId, sourceId), inForce));
  return rows.map(({ period, offering }) => ({
    key: offeringKeyString(offering),
    offeringId: offering.id,
    providerId: offering.providerId,
    modelId: offering.modelId,
    value: priceValueOfRow(period),
  }));
}

/** Other sources' open prices for the offerings of these models. */
export async function otherSourcesPrices(db: Executor, sourceId: string, modelIds: readonly string[]): Promise<OtherPrice[]> {
  const out: OtherPrice[] = [];
  for (const slice of slices([...new Set(modelIds)])) {
    const rows = await db
      .select({ period: pricePeriods, offering: offerings })
      .from(pricePeriods)
      .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
      .where(and(ne(pricePeriods.sourceId, sourceId), isNull(pricePeriods.validTo), inArray(offerings.modelId, slice)));
    for (const { period, offering } of rows) {
      out.push({ key: offeringKeyString(offering), offeringId: offering.id, sourceId: period.sourceId, value: priceValueOfRow(period) });
    }
  }
  return out;
}

/**
 * The source's next successful observation after `at` when there is one: the run is then
 * history, bounded by it. Null when `at` is at or after the source's newest observation.
 */
export async function nextObservationAfter(db: Executor, sourceId: string, at: Date): Promise<Date | null> {
  const [row] = await db
    .select({ next: min(scrapeRuns.observedAt) })
    .from(scrapeRuns)
    .where(and(eq(scrapeRuns.sourceId, sourceId), eq(scrapeRuns.status, "succeeded"), gt(scrapeRuns.observedAt, at)));
  return row?.next ?? null;
}

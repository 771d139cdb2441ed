/**
 * The USD output price history of models' offerings: what a measured benchmark run paid at
 * its date (domain/ranking/price-at-run.ts). Read by the market view and the SQL ranking
 * path alike. As of a past date only periods begun by then count, and a period closed
 * after it was still open then.
 */
import { and, eq, inArray, isNotNull, lte } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { offerings, pricePeriods } from "../schema/index.ts";
import { slices } from "./catalogue.ts";
import type { OutputPricePeriod } from "../../domain/ranking/price-at-run.ts";

export async function outputPriceHistory(db: Executor, modelIds: readonly string[], asOf?: Date): Promise<Map<string, OutputPricePeriod[]>> {
  const history = new Map<string, OutputPricePeriod[]>();
  for (const slice of slices([...new Set(modelIds)])) {
    const rows = await db
      .select({
        model: offerings.modelId,
        provider: offerings.providerId,
        variant: offerings.variant,
        region: offerings.region,
        source: pricePeriods.sourceId,
        output: pricePeriods.output,
        validFrom: pricePeriods.validFrom,
        validTo: pricePeriods.validTo,
      })
      .from(pricePeriods)
      .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
      .where(and(inArray(offerings.modelId, slice), eq(pricePeriods.currency, "USD"), isNotNull(pricePeriods.output), asOf ? lte(pricePeriods.validFrom, asOf) : undefined));
    for (const { model, validTo, ...period } of rows) {
      const known = asOf && validTo && validTo > asOf ? null : validTo;
      const periods = history.get(model) ?? [];
      periods.push({ ...period, validTo: known });
      history.set(model, periods);
    }
  }
  return history;
}

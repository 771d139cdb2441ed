/**
 * The price periods the price-war figures read: quotable ones only (USD, the standard
 * variant, no reference provider; see domain/pricewar/seller-quotes.ts), with just the
 * columns the figures use, each read from its first real observation
 * (domain/pricewar/first-observation.ts: an undated start becomes the first sighting).
 */
import { and, eq, inArray, ne, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { offerings, pricePeriods, providers, scrapeRuns, sources } from "../schema/index.ts";
import { periodLastSeen } from "./period-seen.ts";
import { observedPeriod } from "../../domain/pricewar/first-observation.ts";
import { QUOTED_CURRENCY, QUOTED_VARIANT, type PricePeriodRow } from "../../domain/pricewar/seller-quotes.ts";

/** Every quotable price period (of some models, or all), from its first real observation. */
export async function quotablePeriods(db: Executor, modelIds?: readonly string[]): Promise<PricePeriodRow[]> {
  const conditions: SQL[] = [eq(pricePeriods.currency, QUOTED_CURRENCY), eq(offerings.variant, QUOTED_VARIANT), ne(providers.kind, "reference")];
  if (modelIds) conditions.push(inArray(offerings.modelId, modelIds.length > 0 ? [...modelIds] : [""]));
  const rows = await db
    .select({
      offeringId: pricePeriods.offeringId,
      provider: offerings.providerId,
      providerKind: providers.kind,
      model: offerings.modelId,
      variant: offerings.variant,
      region: offerings.region,
      source: pricePeriods.sourceId,
      authority: sources.authority,
      currency: pricePeriods.currency,
      input: pricePeriods.input,
      output: pricePeriods.output,
      validFrom: pricePeriods.validFrom,
      validTo: pricePeriods.validTo,
      lastSeenAt: periodLastSeen(pricePeriods),
      firstSeenAt: scrapeRuns.observedAt,
    })
    .from(pricePeriods)
    .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
    .innerJoin(providers, eq(providers.id, offerings.providerId))
    .innerJoin(sources, eq(sources.id, pricePeriods.sourceId))
    .leftJoin(scrapeRuns, eq(scrapeRuns.id, pricePeriods.scrapeRunId))
    .where(and(...conditions))
    .orderBy(pricePeriods.id);
  const periods: PricePeriodRow[] = [];
  for (const row of rows) {
    const observed = observedPeriod(row);
    if (!observed) continue;
    const { firstSeenAt: _firstSeenAt, ...period } = observed;
    periods.push(period);
  }
  return periods;
}

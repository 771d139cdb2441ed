/**
 * Read side of price history: current prices (consolidated across sources), prices at a
 * date, and an offering's periods (change events: price-changes.ts). Every query takes `db` first.
 */
import { and, eq, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { models, offerings, pricePeriods, providers, sources } from "../schema/index.ts";
import { periodLastSeen } from "./period-seen.ts";
import { consolidate, type SourcedPrice } from "../../domain/prices/consolidate.ts";
import { misattribution } from "../../domain/prices/attribution.ts";
import { sellerEntry } from "../../domain/sellers/catalogue.ts";
import { marketReasons, suspicionOf } from "../../domain/prices/suspect.ts";
import { offeringLifecycles } from "./lifecycle.ts";

export interface OfferingFilter {
  /** Canonical model ids (already resolved from whatever the caller wrote). */
  modelIds?: string[];
  provider?: string;
  variant?: string;
  source?: string;
  currency?: "USD" | "CNY" | "EUR";
}

export const priceColumns = {
  periodId: pricePeriods.id,
  offeringId: offerings.id,
  provider: offerings.providerId,
  providerKind: providers.kind,
  model: offerings.modelId,
  /** The model's maker: a seller that is the maker is first-party. */
  creator: models.creator,
  variant: offerings.variant,
  region: offerings.region,
  /** The id the seller's API expects for this model, where a source stated it. */
  nativeId: offerings.nativeId,
  source: pricePeriods.sourceId,
  authority: sources.authority,
  currency: pricePeriods.currency,
  input: pricePeriods.input,
  output: pricePeriods.output,
  cacheRead: pricePeriods.cacheRead,
  cacheWrite: pricePeriods.cacheWrite,
  cacheWrite1h: pricePeriods.cacheWrite1h,
  tiers: pricePeriods.tiers,
  validFrom: pricePeriods.validFrom,
  validTo: pricePeriods.validTo,
  lastSeenAt: periodLastSeen(pricePeriods),
};

export type PriceRow = Awaited<ReturnType<typeof selectPeriods>>[number];

/** The filter's conditions on the offering (model, seller, variant). */
export function offeringConditions(filter: OfferingFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.modelIds) conditions.push(inArray(offerings.modelId, filter.modelIds.length > 0 ? filter.modelIds : [""]));
  if (filter.provider) conditions.push(eq(offerings.providerId, filter.provider));
  if (filter.variant) conditions.push(eq(offerings.variant, filter.variant));
  return conditions;
}

/** The filter's conditions on the price period (source, currency). */
export function periodConditions(filter: OfferingFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.source) conditions.push(eq(pricePeriods.sourceId, filter.source));
  if (filter.currency) conditions.push(eq(pricePeriods.currency, filter.currency));
  return conditions;
}

function selectPeriods(db: Executor, where: SQL | undefined) {
  return db
    .select(priceColumns)
    .from(pricePeriods)
    .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
    .innerJoin(providers, eq(providers.id, offerings.providerId))
    .innerJoin(models, eq(models.id, offerings.modelId))
    .innerJoin(sources, eq(sources.id, pricePeriods.sourceId))
    .where(where)
    .orderBy(offerings.modelId, offerings.providerId, offerings.variant, offerings.region, pricePeriods.sourceId, pricePeriods.validFrom);
}

/** Every source's price of each offering valid at `at` (now when omitted). */
export function sourcedPricesAt(db: Executor, filter: OfferingFilter, at?: Date) {
  const valid = at
    ? and(lte(pricePeriods.validFrom, at), or(isNull(pricePeriods.validTo), sql`${pricePeriods.validTo} > ${at.toISOString()}::timestamptz`))
    : isNull(pricePeriods.validTo);
  return selectPeriods(db, and(valid, ...offeringConditions(filter), ...periodConditions(filter)));
}

/**
 * One price per offering: the freshest price by the source with the most authority over
 * that seller (see domain/prices/consolidate.ts), with its observation date, the sources
 * that agree, a confidence, whether it is suspect (domain/prices/suspect.ts) and the
 * offering's lifecycle at the date (queries/lifecycle.ts); the other sources' figures alongside.
 */
export async function consolidatedPricesAt(db: Executor, filter: OfferingFilter, at?: Date) {
  const consolidated = await consolidatedWithConsensus(db, filter, at);
  const lifecycleOf = await offeringLifecycles(db, consolidated.map((price) => price.model), at ?? new Date());
  // First-seen offerings (no consensus of their own) against every other seller of the model, whatever the filter kept.
  const narrowed = filter.provider !== undefined || filter.variant !== undefined || filter.source !== undefined;
  const market = narrowed ? await consolidatedWithConsensus(db, { modelIds: [...new Set(consolidated.map((price) => price.model))], currency: filter.currency }, at) : consolidated;
  const offMarket = marketReasons(market);
  return consolidated.map(({ suspicion, ...price }) => {
    const reasons = [...suspicion.reasons, ...(offMarket.get(price.offeringId) ?? [])];
    return { ...price, sellerKind: sellerEntry(price.provider)?.kind ?? "unknown", suspect: reasons.length > 0, suspectReasons: reasons, consensus: suspicion.consensus, lifecycle: lifecycleOf(price.model, price.provider) };
  });
}

/** One price per offering with its own sources' verdict (domain/prices/suspect.ts). */
async function consolidatedWithConsensus(db: Executor, filter: OfferingFilter, at?: Date) {
  const rows = await sourcedPricesAt(db, filter, at);
  // As of a past date, a source's freshness is what was known then: sightings after it do not count.
  const dated = at ? rows.map((row) => (row.lastSeenAt > at ? { ...row, lastSeenAt: at } : row)) : rows;
  // Rows filed under a seller that does not sell the model at that price (domain/prices/attribution.ts).
  const known = dated.filter((row) => misattribution(row, row.creator) === null);
  return consolidate(known as Array<PriceRow & SourcedPrice>).map((price) => {
    const suspicion = suspicionOf(price, price.alternatives);
    return { ...price, suspicion, consensus: suspicion.consensus };
  });
}

export type ConsolidatedPrice = Awaited<ReturnType<typeof consolidatedPricesAt>>[number];
export type { ModelLifecycle } from "./lifecycle.ts";

export function offeringHistory(db: Executor, filter: OfferingFilter) {
  return selectPeriods(db, and(...offeringConditions(filter), ...periodConditions(filter)));
}

export function modelExists(db: Executor, id: string) {
  return db.select({ id: models.id }).from(models).where(eq(models.id, id)).then((rows) => rows.length > 0);
}

/** Current offerings whose consolidated price is suspect (domain/prices/suspect.ts), with the reasons and the other sources' consensus. */
export async function suspectOfferings(db: Executor, filter: OfferingFilter) {
  const prices = await consolidatedPricesAt(db, filter);
  return prices
    .filter((price) => price.suspect)
    .map((price) => ({
      offeringId: price.offeringId,
      provider: price.provider,
      model: price.model,
      variant: price.variant,
      region: price.region,
      currency: price.currency,
      source: price.source,
      observedAt: price.observedAt,
      input: price.input,
      output: price.output,
      cacheRead: price.cacheRead,
      reasons: price.suspectReasons,
      consensus: price.consensus,
    }));
}

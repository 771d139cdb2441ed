/**
 * Lifecycle reads (issue 13): each offering's lifecycle at a date, merged from the reviewed
 * file, the sources' own fields (lifecycle_signals) and delisting by every source
 * (domain/lifecycle/merge.ts states the rule), with a floating name's dated pointer.
 */
import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { aliases, lifecycleSignals, modelPointers, models, offerings, pricePeriods, scrapeRuns } from "../schema/index.ts";
import { slices } from "./catalogue.ts";
import { periodLastSeen } from "./period-seen.ts";
import { delistingOf, type Delisting, type SourceListing } from "../../domain/lifecycle/delisting.ts";
import type { Lifecycle } from "../../domain/lifecycle/lifecycle.ts";
import { offeringLifecycle, type StoredSignal } from "../../domain/lifecycle/merge.ts";
import { sourceInterval } from "../../domain/prices/freshness.ts";
import { loadSeries, seriesOf } from "../../domain/resolve/series.ts";
import { aliasLastSeen } from "./alias-seen.ts";

export interface ModelLifecycle extends Lifecycle {
  /** For a floating name (deepseek-chat), the dated snapshot it served at the date, from model_pointers. */
  pointsTo: { model: string; since: string; origin: string } | null;
}

export type LifecycleOf = (model: string, provider: string) => ModelLifecycle;

const at_ = (at: Date) => sql`${at.toISOString()}::timestamptz`;

/**
 * The sources' signals for these models in force at `at`: first said by then, and not
 * dropped since (a later payload of the same source carrying the name without the stage).
 */
export async function lifecycleSignalsOf(db: Executor, modelIds: readonly string[], at: Date): Promise<Map<string, StoredSignal[]>> {
  const byModel = new Map<string, StoredSignal[]>();
  for (const slice of slices([...modelIds])) {
    const rows = await db
      .select({
        model: aliases.modelId,
        source: lifecycleSignals.sourceId,
        provider: lifecycleSignals.providerId,
        stage: lifecycleSignals.stage,
        effectiveAt: lifecycleSignals.effectiveAt,
        firstSeenAt: lifecycleSignals.firstSeenAt,
        note: lifecycleSignals.note,
      })
      .from(lifecycleSignals)
      .innerJoin(aliases, and(eq(aliases.source, lifecycleSignals.sourceId), eq(aliases.rawName, lifecycleSignals.rawName)))
      .where(
        and(
          inArray(aliases.modelId, slice),
          lte(lifecycleSignals.firstSeenAt, at),
          sql`not (${aliasLastSeen} > ${lifecycleSignals.lastSeenAt} and ${aliasLastSeen} <= ${at_(at)})`,
        ),
      );
    for (const { model, ...signal } of rows) byModel.set(model!, [...(byModel.get(model!) ?? []), signal]);
  }
  return byModel;
}

/** Models no source lists at `at` any more (domain/lifecycle/delisting.ts), with the date the last one dropped them. */
export async function modelDelistings(db: Executor, modelIds: readonly string[], at: Date): Promise<Map<string, Delisting>> {
  const latestRuns = new Map(
    (
      await db
        .select({ source: scrapeRuns.sourceId, latest: sql<Date>`max(${scrapeRuns.observedAt})`.mapWith(scrapeRuns.observedAt) })
        .from(scrapeRuns)
        .where(and(eq(scrapeRuns.status, "succeeded"), lte(scrapeRuns.observedAt, at)))
        .groupBy(scrapeRuns.sourceId)
    ).map((row) => [row.source, row.latest]),
  );
  const lastSeen = periodLastSeen(pricePeriods);
  const validAt = sql`(${pricePeriods.validTo} is null or ${pricePeriods.validTo} > ${at_(at)})`;
  const listings = new Map<string, SourceListing[]>();
  for (const slice of slices([...modelIds])) {
    const rows = await db
      .select({
        model: offerings.modelId,
        source: pricePeriods.sourceId,
        openSeenAt: sql<Date | null>`max(least(${lastSeen}, ${at_(at)})) filter (where ${validAt})`.mapWith(pricePeriods.lastSeenAt),
        closedAt: sql<Date | null>`max(${pricePeriods.validTo}) filter (where not ${validAt})`.mapWith(pricePeriods.validTo),
      })
      .from(pricePeriods)
      .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
      .where(and(inArray(offerings.modelId, slice), lte(pricePeriods.validFrom, at)))
      .groupBy(offerings.modelId, pricePeriods.sourceId);
    for (const { model, ...listing } of rows) {
      listings.set(model, [...(listings.get(model) ?? []), { ...listing, latestRunAt: latestRuns.get(listing.source) ?? null }]);
    }
  }
  const delisted = new Map<string, Delisting>();
  for (const [model, sources] of listings) {
    const delisting = delistingOf(sources, sourceInterval);
    if (delisting) delisted.set(model, delisting);
  }
  return delisted;
}

/**
 * Each offering's lifecycle at `at` (one lookup per model and seller), and for floating
 * names the snapshot they pointed to.
 */
export async function offeringLifecycles(db: Executor, modelIds: readonly string[], at: Date): Promise<LifecycleOf> {
  const ids = [...new Set(modelIds)];
  const [signals, delistings, pointers, creators] = await Promise.all([
    lifecycleSignalsOf(db, ids, at),
    modelDelistings(db, ids, at),
    floatingPointers(db, ids, at),
    modelCreators(db, ids),
  ]);
  const cache = new Map<string, ModelLifecycle>();
  return (model, provider) => {
    const key = `${model}|${provider}`;
    let lifecycle = cache.get(key);
    if (!lifecycle) {
      const merged = offeringLifecycle({ model, provider, creator: creators.get(model) ?? null, at, signals: signals.get(model) ?? [], delisting: delistings.get(model) ?? null });
      lifecycle = { ...merged, pointsTo: pointers.get(model) ?? reviewedPointerAt(model, at) };
      cache.set(key, lifecycle);
    }
    return lifecycle;
  };
}

/** A model's own lifecycle at `at` (its maker's view: no seller-only stage), for model answers. */
export async function modelLifecycle(db: Executor, modelId: string, at: Date = new Date()): Promise<ModelLifecycle> {
  const creator = (await modelCreators(db, [modelId])).get(modelId) ?? "";
  return (await offeringLifecycles(db, [modelId], at))(modelId, creator);
}

async function modelCreators(db: Executor, modelIds: readonly string[]): Promise<Map<string, string>> {
  const creators = new Map<string, string>();
  for (const slice of slices([...modelIds])) {
    for (const row of await db.select({ id: models.id, creator: models.creator }).from(models).where(inArray(models.id, slice))) creators.set(row.id, row.creator);
  }
  return creators;
}

async function floatingPointers(db: Executor, modelIds: readonly string[], at: Date): Promise<Map<string, ModelLifecycle["pointsTo"]>> {
  const pointers = new Map<string, ModelLifecycle["pointsTo"]>();
  for (const slice of slices([...modelIds])) {
    const rows = await db
      .select({ floating: modelPointers.floatingModelId, snapshot: modelPointers.snapshotModelId, validFrom: modelPointers.validFrom, origin: modelPointers.origin })
      .from(modelPointers)
      .where(and(inArray(modelPointers.floatingModelId, slice), lte(modelPointers.validFrom, at), or(isNull(modelPointers.validTo), sql`${modelPointers.validTo} > ${at_(at)}`)));
    for (const row of rows) pointers.set(row.floating, { model: row.snapshot, since: row.validFrom.toISOString(), origin: row.origin });
  }
  return pointers;
}

/**
 * Where model_pointers has no row (the reviewed pointers are written when models are
 * re-resolved, and only for snapshots already in the catalogue), the reviewed series
 * table itself says what a floating name served.
 */
function reviewedPointerAt(modelId: string, at: Date): ModelLifecycle["pointsTo"] {
  const day = at.toISOString().slice(0, 10);
  const current = seriesOf(loadSeries(), modelId)?.pointers.filter((pointer) => pointer.from <= day).at(-1);
  if (!current?.to) return null;
  return { model: current.to, since: new Date(`${current.from}T00:00:00Z`).toISOString(), origin: "series.yaml" };
}

/**
 * The history writer for prices: receives the run's resolved observations that passed
 * the integrity gate, finds offerings, plans each offering's periods against what is
 * recorded (domain/history/period-plan) and applies the plan. Call it inside the run's
 * transaction: it either writes all of a run or nothing.
 */
import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { changeEvents, offerings, pricePeriods } from "../schema/index.ts";
import { ensureOfferings, offeringKeyString, slices, type OfferingKey } from "./catalogue.ts";
import type { PriceObservation, SkippedEntry } from "../../domain/observation.ts";
import type { Matched } from "../../domain/ingest/resolve-stage.ts";
import { UNDATED_START } from "../../domain/pricewar/first-observation.ts";
import { planSeries, type PeriodRef, type RecordedPeriod, type SeriesPlan } from "../../domain/history/period-plan.ts";
import { blendedChange, blendedPrice, changeDirection, priceValueOf, samePrice, type PriceValue } from "../../domain/prices/price-value.ts";
import { recordNativeIds } from "./native-ids.ts";
import { closePeriodsAndRecordSightings } from "./period-writes.ts";
import { insertJsonRows } from "./bulk-insert.ts";
import { periodLastSeen } from "./period-seen.ts";
import type { SeenPeriod } from "../../domain/history/sightings.ts";

export interface PriceWriteInput {
  sourceId: string;
  runId: number | null;
  /** The observation time: now, or --at for a backfill. */
  at: Date;
  /** A full snapshot delists the current offerings of the sellers it lists that it does not list. */
  fullSnapshot: boolean;
  observations: readonly Matched<PriceObservation>[];
  /** Offering keys never delisted by this run: entries the gate rejected or held, or the parser skipped. */
  keepListed?: ReadonlySet<string>;
  /**
   * Set when the run is older than the source's newest one: the source's next observation
   * after it. The run is history: bounded by it, never current, never delisting.
   */
  historyUntil?: Date | null;
}

export interface WriteCounts {
  /** Series with a period opened or closed by this run. */
  changed: number;
  rejected: SkippedEntry[];
  events: number;
}

interface Observed {
  key: OfferingKey;
  rawName: string;
  validFrom: Date;
  validTo: Date | null;
  value: PriceValue;
}

export async function writePriceHistory(db: Executor, input: PriceWriteInput): Promise<WriteCounts> {
  const counts: WriteCounts = { changed: 0, rejected: [], events: 0 };
  const historyUntil = input.historyUntil ?? null;

  const bySeries = new Map<string, Observed[]>();
  for (const observation of input.observations) {
    const key = priceOfferingKey(observation);
    const observed: Observed = {
      key,
      rawName: observation.model,
      validFrom: periodStart(observation, input.at),
      validTo: observation.validTo ? new Date(observation.validTo) : null,
      value: priceValueOf(observation),
    };
    const series = bySeries.get(offeringKeyString(key)) ?? [];
    series.push(observed);
    bySeries.set(offeringKeyString(key), series);
  }
  for (const [seriesKey, series] of bySeries) bySeries.set(seriesKey, dropDuplicateNames(series, counts.rejected));

  const offeringIds = await ensureOfferings(db, [...bySeries.values()].map((series) => series[0]!.key));
  await recordNativeIds(db, input.sourceId, input.observations, { history: historyUntil !== null });
  const recorded = await recordedPeriods(db, input.sourceId, [...offeringIds.values()]);

  // A full snapshot speaks for the sellers it lists: an OpenRouter run without its
  // endpoint documents delists no host, only OpenRouter's own offerings. History never delists.
  const delists = input.fullSnapshot && historyUntil === null;
  const keepListed = input.keepListed ?? new Set<string>();
  const coveredProviders = new Set(input.observations.map((observation) => observation.provider));
  const seriesIds = new Set<number>();
  const keptIds = new Set<number>();
  for (const [offeringId, periods] of recorded) {
    if (keepListed.has(periods.offeringKey)) keptIds.add(offeringId);
    if (coveredProviders.has(periods.providerId)) seriesIds.add(offeringId);
  }
  for (const seriesKey of bySeries.keys()) seriesIds.add(offeringIds.get(seriesKey)!);
  const observedById = new Map<number, Observed[]>();
  for (const [seriesKey, series] of bySeries) observedById.set(offeringIds.get(seriesKey)!, series);

  const plans: Array<{ offeringId: number; plan: SeriesPlan<PriceValue> }> = [];
  for (const offeringId of seriesIds) {
    const observed = observedById.get(offeringId) ?? [];
    const plan = planSeries(recorded.get(offeringId) ?? [], observed, input.at, delists && !keptIds.has(offeringId), samePrice, { historyUntil });
    for (const reason of plan.rejected) counts.rejected.push({ name: observed[0]?.rawName ?? String(offeringId), reason });
    if (plan.open.length > 0 || plan.close.length > 0) counts.changed++;
    plans.push({ offeringId, plan });
  }
  counts.events = await applyPlans(db, input, plans, recorded.seen);
  return counts;
}

/** The offering a price observation is about. */
export function priceOfferingKey(observation: Matched<PriceObservation>): OfferingKey {
  return { providerId: observation.provider, modelId: observation.modelId, variant: observation.variant, region: observation.region };
}

/**
 * When a period starts. Snapshot sources describe the observation time. Dated sources
 * give their own start; their oldest entry may have only an end ("until 2025-02-08"):
 * it starts at the model's release date when known, else at UNDATED_START (a placeholder
 * the price-war figures never read as an observation: domain/pricewar/first-observation.ts),
 * so history keeps the price that held before the first dated change.
 */

function periodStart(observation: PriceObservation, at: Date): Date {
  if (observation.validFrom) return new Date(observation.validFrom);
  if (!observation.validTo) return at;
  return observation.hints.releaseDate ? new Date(observation.hints.releaseDate) : UNDATED_START;
}

/**
 * Several raw names of one source can land on one offering (LiteLLM's "gpt-4o" and
 * "openai/gpt-4o"). Equal prices are one observation; different prices keep the name
 * that needed the fewest rewrites (the shortest) and reject the others with a reason.
 */
function dropDuplicateNames(series: Observed[], rejected: SkippedEntry[]): Observed[] {
  const kept: Observed[] = [];
  const sorted = [...series].sort((a, b) => a.rawName.length - b.rawName.length || a.rawName.localeCompare(b.rawName));
  for (const candidate of sorted) {
    const clash = kept.find((k) => k.validFrom.getTime() === candidate.validFrom.getTime());
    if (!clash) kept.push(candidate);
    else if (!samePrice(clash.value, candidate.value)) {
      rejected.push({ name: candidate.rawName, reason: `same offering as "${clash.rawName}" with a different price; kept "${clash.rawName}"` });
    }
  }
  return kept;
}

/** Every period of the observed offerings, plus the open ones of the source (for delisting); `seen` by period id. */
type RecordedSeries = RecordedPeriod<PriceValue>[] & { providerId: string; offeringKey: string };

async function recordedPeriods(
  db: Executor,
  sourceId: string,
  offeringIds: number[],
): Promise<Map<number, RecordedSeries> & { seen: Map<number, SeenPeriod> }> {
  const select = (where: SQL | undefined) =>
    db
      .select({ period: pricePeriods, offering: offerings, lastSeenAt: periodLastSeen(pricePeriods) })
      .from(pricePeriods)
      .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
      .where(where);
  const rows = await select(and(eq(pricePeriods.sourceId, sourceId), isNull(pricePeriods.validTo)));
  for (const slice of slices(offeringIds)) {
    rows.push(...(await select(and(eq(pricePeriods.sourceId, sourceId), inArray(pricePeriods.offeringId, slice), isNotNull(pricePeriods.validTo)))));
  }
  const byOffering = Object.assign(new Map<number, RecordedSeries>(), { seen: new Map<number, SeenPeriod>() });
  for (const { period: row, offering, lastSeenAt } of rows) {
    byOffering.seen.set(row.id, { id: row.id, validTo: row.validTo, lastSeenAt, seenInLatestRun: row.seenInLatestRun });
    const list =
      byOffering.get(row.offeringId) ??
      Object.assign([] as RecordedPeriod<PriceValue>[], { providerId: offering.providerId, offeringKey: offeringKeyString(offering) });
    list.push({
      id: row.id,
      validFrom: row.validFrom,
      validTo: row.validTo,
      lastSeenAt,
      value: priceValueOfRow(row),
    });
    byOffering.set(row.offeringId, list);
  }
  return byOffering;
}

export function priceValueOfRow(row: typeof pricePeriods.$inferSelect): PriceValue {
  return {
    currency: row.currency,
    input: row.input,
    output: row.output,
    cacheRead: row.cacheRead,
    cacheWrite: row.cacheWrite,
    cacheWrite1h: row.cacheWrite1h,
    tiers: row.tiers,
  };
}

/** Applies every offering's plan with a few bulk statements; returns the number of new events. */
async function applyPlans(
  db: Executor,
  input: PriceWriteInput,
  plans: ReadonlyArray<{ offeringId: number; plan: SeriesPlan<PriceValue> }>,
  recorded: ReadonlyMap<number, SeenPeriod>,
): Promise<number> {
  const history = (input.historyUntil ?? null) !== null;
  await closePeriodsAndRecordSightings(db, pricePeriods, { ...input, history, plans: plans.map(({ plan }) => plan), recorded });

  const openRows = plans.flatMap(({ offeringId, plan }) =>
    plan.open.map((period) => ({
      offeringId,
      sourceId: input.sourceId,
      ...period.value,
      validFrom: period.validFrom,
      validTo: period.validTo,
      lastSeenAt: input.at,
      seenInLatestRun: !history && period.validTo === null,
      scrapeRunId: input.runId,
    })),
  );
  const openedIds = new Map<string, number>();
  const inserted = await insertJsonRows<{ id: number; offeringId: number; validFromMs: number }>(db, pricePeriods, openRows, {
    returning: sql`id::float8 as "id", offering_id as "offeringId", (extract(epoch from valid_from) * 1000)::float8 as "validFromMs"`,
  });
  for (const row of inserted) openedIds.set(`${row.offeringId}@${Number(row.validFromMs)}`, Number(row.id));

  const events = plans.flatMap(({ offeringId, plan }) => {
    const periodId = (ref: PeriodRef) =>
      ref.kind === "recorded" ? ref.id : openedIds.get(`${offeringId}@${plan.open[ref.index]!.validFrom.getTime()}`)!;
    return plan.events.map((event) => {
      const base = { offeringId, sourceId: input.sourceId, effectiveAt: event.effectiveAt, scrapeRunId: input.runId };
      if (event.kind === "changed") {
        return {
          ...base,
          kind: "price" as const,
          oldPeriodId: periodId(event.from),
          newPeriodId: periodId(event.to),
          ...blendedChange(event.oldValue, event.newValue),
          direction: changeDirection(event.oldValue, event.newValue),
        };
      }
      const blended = blendedPrice(event.value);
      return event.kind === "listed"
        ? { ...base, kind: "listed" as const, newPeriodId: periodId(event.period), newBlended: blended }
        : { ...base, kind: "delisted" as const, oldPeriodId: periodId(event.period), oldBlended: blended };
    });
  });
  return (await insertJsonRows(db, changeEvents, events, { onConflictDoNothing: true, returning: sql`id` })).length;
}

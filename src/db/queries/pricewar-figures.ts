/**
 * Price-war figures read from the recorded history: spreads between a model's sellers,
 * undercuts, price indices by tier or kind of seller, price moves per month, and the
 * cost of a fixed capability. The reads are plain (price periods, change events, score
 * periods); the figures are computed by the pure functions of domain/pricewar. Every
 * figure is as-of: a point at date D reads only what was valid at D, so `until` in the
 * past gives the figures as they stood then.
 */
import { and, eq, gte, inArray, lte, ne, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { benchmarks, changeEvents, models, offerings, providers, scorePeriods, scrapeRuns, sources } from "../schema/index.ts";
import { quotablePeriods } from "./figure-periods.ts";
import type { DecimalString } from "../../domain/money.ts";
import {
  bestScoresAt,
  cheapestMeeting,
  firstMet,
  fitDecline,
  MIN_FIT_POINTS,
  type CapabilityPoint,
  type DeclineFit,
  type ScorePeriodRow,
} from "../../domain/pricewar/cost-of-capability.ts";
import { movesPerMonth, type MonthMoves } from "../../domain/pricewar/cuts-per-month.ts";
import { medianGap, priceIndex, type GapPoint, type IndexPoint } from "../../domain/pricewar/price-index.ts";
import {
  changeInstants,
  firstListing,
  MAX_PLAUSIBLE_PRICE,
  OUTLIER_FACTOR,
  QUOTED_CURRENCY,
  quotesAt,
  type ModelQuotes,
  type PricePeriodRow,
} from "../../domain/pricewar/seller-quotes.ts";
import { dayLabel, endOfDay, MAX_SERIES_POINTS, monthEnds, monthsBetween, seriesDates, type SeriesStep } from "../../domain/pricewar/series-dates.ts";
import { spreadPoint, undercutEvents, type SpreadPoint, type UndercutEvent } from "../../domain/pricewar/spread.ts";
import { launchPrice, modelTier, TIER_BANDS, TIERS, type ModelTier, type Tier } from "../../domain/pricewar/tier.ts";

/** A series would have more than MAX_SERIES_POINTS points: the caller should narrow it. */
export class SeriesTooLongError extends Error {
  override name = "SeriesTooLongError";
  constructor(points: number) {
    super(`the series would have ${points} points (at most ${MAX_SERIES_POINTS}): choose a coarser step or a shorter range`);
  }
}

export interface FigureRange {
  since?: Date;
  until?: Date;
}

const PRICING = {
  price: "blended 3:1 input:output, USD per 1M tokens",
  offerings: `standard variant, ${QUOTED_CURRENCY}, no reference providers, one consolidated price per offering, each seller's cheapest region`,
  excluded: `free (0) and incomplete prices; unit errors: quotes above ${MAX_PLAUSIBLE_PRICE} or more than ${OUTLIER_FACTOR}x away from the median of a model's other sellers`,
} as const;

function groupByModel(rows: readonly PricePeriodRow[]): Map<string, PricePeriodRow[]> {
  const byModel = new Map<string, PricePeriodRow[]>();
  for (const row of rows) {
    const list = byModel.get(row.model) ?? [];
    list.push(row);
    byModel.set(row.model, list);
  }
  return byModel;
}

function checkedDates(dates: Date[]): Date[] {
  if (dates.length > MAX_SERIES_POINTS) throw new SeriesTooLongError(dates.length);
  return dates;
}

/**
 * A model's tier (catalogue, else its launch price), from its own periods: the quotes at
 * the end of its first listing day, or at `asOf` if that comes first; none if it was not
 * listed by `asOf`.
 */
function tierOf(catalogueTier: Tier | null, rows: readonly PricePeriodRow[], model: string, asOf: Date): ModelTier | null {
  const listed = firstListing(rows);
  const launchedBy = listed && listed.getTime() <= asOf.getTime() ? new Date(Math.min(endOfDay(listed).getTime(), asOf.getTime())) : null;
  const launch = launchedBy ? launchPrice(quotesAt(rows, launchedBy).get(model)?.quotes ?? []) : null;
  return modelTier(catalogueTier, launch);
}

async function catalogueTiers(db: Executor, modelIds?: readonly string[]): Promise<Map<string, Tier | null>> {
  const rows = await db
    .select({ id: models.id, tier: models.tier })
    .from(models)
    .where(modelIds ? inArray(models.id, modelIds.length > 0 ? [...modelIds] : [""]) : undefined);
  return new Map(rows.map((row) => [row.id, row.tier]));
}

export interface SpreadFigure {
  model: string;
  tier: ModelTier | null;
  step: SeriesStep;
  pricing: typeof PRICING;
  points: SpreadPoint[];
}

/** A model's spread between sellers at each date of the series (since: its first listing; until: now). */
export async function modelSpread(db: Executor, input: { modelId: string; step: SeriesStep } & FigureRange): Promise<SpreadFigure> {
  const rows = await quotablePeriods(db, [input.modelId]);
  const tiers = await catalogueTiers(db, [input.modelId]);
  const until = input.until ?? new Date();
  const since = input.since ?? firstListing(rows) ?? until;
  const dates = since.getTime() > until.getTime() ? [] : checkedDates(seriesDates(input.step, since, until, changeInstants(rows)));
  return {
    model: input.modelId,
    tier: tierOf(tiers.get(input.modelId) ?? null, rows, input.modelId, until),
    step: input.step,
    pricing: PRICING,
    points: dates.map((at) => spreadPoint(dayLabel(at), quotesAt(rows, at).get(input.modelId))),
  };
}

/**
 * Undercuts, newest first: of one model or of every model, after `since` (the state at
 * `since` is the baseline; by default the moment before the first listing, so a first
 * listing is never an undercut) up to `until`. Each model's quotes are compared day by
 * day, at the end of every day on which one of its price periods starts or ends.
 */
export async function undercuts(db: Executor, input: { modelId?: string; limit: number } & FigureRange): Promise<UndercutEvent[]> {
  const rows = await quotablePeriods(db, input.modelId ? [input.modelId] : undefined);
  const until = input.until ?? new Date();
  const listed = firstListing(rows);
  const since = input.since ?? (listed ? new Date(listed.getTime() - 1) : until);
  if (since.getTime() > until.getTime()) return [];
  const events: UndercutEvent[] = [];
  for (const [model, modelRows] of groupByModel(rows)) {
    const days = seriesDates("change", since, until, changeInstants(modelRows));
    const timeline = days.map((at) => ({ date: dayLabel(at), quotes: quotesAt(modelRows, at).get(model)?.quotes ?? [] }));
    events.push(...undercutEvents(model, timeline));
  }
  events.sort((a, b) => b.date.localeCompare(a.date) || a.model.localeCompare(b.model) || a.seller.localeCompare(b.seller));
  return events.slice(0, input.limit);
}

export type IndexGrouping = "tier" | "providerKind";

export interface IndexFigure {
  groupBy: IndexGrouping;
  pricing: typeof PRICING;
  method: string;
  tierBands: typeof TIER_BANDS | null;
  groups: Array<{ group: string; models: number; points: IndexPoint[] }>;
  /** Frontier median / small median at each date (tier grouping only). */
  frontierSmallGap: GapPoint[] | null;
}

const INDEX_METHOD =
  "At each month-end: median (level, composition-dependent) and geometric mean of the members' prices, and a matched-model " +
  "chained Jevons index (100 at the first priced month-end; each link the geometric mean of price ratios of models priced at both ends). " +
  "A member is a model; by tier its price is its cheapest seller's, by provider kind the cheapest seller of that kind.";

/** Price indices at month-ends from `since` (the first listing) to `until` (now), by tier or by kind of seller. */
export async function priceIndices(db: Executor, input: { groupBy: IndexGrouping } & FigureRange): Promise<IndexFigure> {
  const rows = await quotablePeriods(db);
  const until = input.until ?? new Date();
  const since = input.since ?? firstListing(rows) ?? until;
  const dates = since.getTime() > until.getTime() ? [] : checkedDates(monthEnds(since, until));
  const snapshots = dates.map((at) => ({ date: dayLabel(at), quotes: quotesAt(rows, at) }));

  const groupOf = await memberGroups(db, input.groupBy, rows, until);
  const groupNames = input.groupBy === "tier" ? [...TIERS] : [...new Set(rows.map((row) => row.providerKind))].sort();
  const groups = groupNames.map((group) => {
    const members = new Set<string>();
    const series = snapshots.map(({ date, quotes }) => {
      const prices = new Map<string, DecimalString>();
      for (const [model, quoted] of quotes) {
        const price = groupOf(model, quoted, group);
        if (price === null) continue;
        prices.set(model, price);
        members.add(model);
      }
      return { date, prices };
    });
    return { group, models: members.size, points: priceIndex(series) };
  });
  const frontier = groups.find((group) => group.group === "frontier");
  const small = groups.find((group) => group.group === "small");
  return {
    groupBy: input.groupBy,
    pricing: PRICING,
    method: INDEX_METHOD,
    tierBands: input.groupBy === "tier" ? TIER_BANDS : null,
    groups,
    frontierSmallGap: frontier && small ? medianGap(frontier.points, small.points) : null,
  };
}

type MemberPrice = (model: string, quoted: ModelQuotes, group: string) => DecimalString | null;

async function memberGroups(db: Executor, groupBy: IndexGrouping, rows: readonly PricePeriodRow[], asOf: Date): Promise<MemberPrice> {
  if (groupBy === "providerKind") {
    return (_model, quoted, group) => quoted.quotes.find((quote) => quote.providerKind === group)?.blended ?? null;
  }
  const catalogue = await catalogueTiers(db);
  const tiers = new Map<string, Tier>();
  for (const [model, modelRows] of groupByModel(rows)) {
    const tier = tierOf(catalogue.get(model) ?? null, modelRows, model, asOf);
    if (tier) tiers.set(model, tier.tier);
  }
  return (model, quoted, group) => (tiers.get(model) === group ? (quoted.quotes[0]?.blended ?? null) : null);
}

/** Price moves (change events of kind "price") per month from `since` (the first move) to `until` (now). */
export async function pricesMovesPerMonth(db: Executor, range: FigureRange): Promise<MonthMoves[]> {
  const conditions: SQL[] = [eq(changeEvents.kind, "price"), ne(providers.kind, "reference")];
  if (range.since) conditions.push(gte(changeEvents.effectiveAt, range.since));
  if (range.until) conditions.push(lte(changeEvents.effectiveAt, range.until));
  const moves = await db
    .select({ offeringId: changeEvents.offeringId, effectiveAt: changeEvents.effectiveAt, direction: changeEvents.direction })
    .from(changeEvents)
    .innerJoin(offerings, eq(offerings.id, changeEvents.offeringId))
    .innerJoin(providers, eq(providers.id, offerings.providerId))
    .where(and(...conditions));
  const until = range.until ?? new Date();
  const earliest = moves.reduce<Date | null>((first, move) => (first === null || move.effectiveAt < first ? move.effectiveAt : first), null);
  const since = range.since ?? earliest ?? until;
  if (since.getTime() > until.getTime()) return [];

  const month = sql<string>`to_char(${scrapeRuns.observedAt} at time zone 'UTC', 'YYYY-MM')`;
  const runs = await db
    .select({ month, runs: sql<number>`count(*)::int` })
    .from(scrapeRuns)
    .innerJoin(sources, eq(sources.id, scrapeRuns.sourceId))
    .where(and(eq(sources.kind, "price"), eq(scrapeRuns.status, "succeeded"), gte(scrapeRuns.observedAt, since), lte(scrapeRuns.observedAt, until)))
    .groupBy(month);
  return movesPerMonth(moves, monthsBetween(since, until), new Map(runs.map((row) => [row.month, row.runs])));
}

export interface CapabilityFigure {
  benchmark: { id: string; name: string; scale: string; higherIsBetter: boolean };
  threshold: number;
  /** When a model first met the threshold (any price), or null. */
  firstMet: string | null;
  pricing: typeof PRICING;
  method: string;
  /** Month-ends with a priced qualifying model. */
  points: CapabilityPoint[];
  fit: DeclineFit | null;
}

const CAPABILITY_METHOD =
  "Epoch AI (2025), 'LLM inference prices have fallen rapidly but unequally across tasks': at each month-end from the first date " +
  "a model met the threshold, the cheapest model whose best score valid then meets it, priced by its cheapest seller; " +
  `an ordinary least-squares fit of ln(price) on time (at least ${MIN_FIT_POINTS} month-ends). factorPerYear = exp(-slope): ` +
  "prices fall that many times per year; declinePerYear = 1 - exp(slope).";

/** The cost of meeting `threshold` on a benchmark over time; null when the benchmark is unknown. */
export async function costOfCapability(db: Executor, input: { benchmarkId: string; threshold: number } & FigureRange): Promise<CapabilityFigure | null> {
  const [benchmark] = await db
    .select({ id: benchmarks.id, name: benchmarks.name, scale: benchmarks.scale, higherIsBetter: benchmarks.higherIsBetter })
    .from(benchmarks)
    .where(eq(benchmarks.id, input.benchmarkId));
  if (!benchmark) return null;
  const scores: ScorePeriodRow[] = await db
    .select({
      model: scorePeriods.modelId,
      setting: scorePeriods.setting,
      source: scorePeriods.sourceId,
      score: scorePeriods.score,
      validFrom: scorePeriods.validFrom,
      validTo: scorePeriods.validTo,
    })
    .from(scorePeriods)
    .where(eq(scorePeriods.benchmarkId, benchmark.id));
  const until = input.until ?? new Date();
  const met = firstMet(scores, input.threshold, benchmark.higherIsBetter);
  const figure: CapabilityFigure = {
    benchmark,
    threshold: input.threshold,
    firstMet: met && met.getTime() <= until.getTime() ? dayLabel(met) : null,
    pricing: PRICING,
    method: CAPABILITY_METHOD,
    points: [],
    fit: null,
  };
  if (!met) return figure;
  const since = input.since && input.since > met ? input.since : met;
  if (since.getTime() > until.getTime()) return figure;

  const candidates = [...new Set(scores.map((row) => row.model))];
  const rows = await quotablePeriods(db, candidates);
  const dated: Array<CapabilityPoint & { at: Date }> = [];
  for (const at of checkedDates(monthEnds(since, until))) {
    const point = cheapestMeeting(dayLabel(at), bestScoresAt(scores, at, benchmark.higherIsBetter), quotesAt(rows, at), input.threshold, benchmark.higherIsBetter);
    if (point) dated.push({ ...point, at });
  }
  figure.points = dated.map(({ at: _at, ...point }) => point);
  figure.fit = fitDecline(dated);
  return figure;
}

/**
 * The history writer for benchmark scores, the twin of price-history.ts: upserts the
 * source's benchmark definitions, takes the run's resolved observations, plans each series
 * (model x benchmark x setting, for one source) against what is recorded
 * (domain/history/period-plan) and applies the plans. Scores are dated by the source
 * (asOf), not by the run. Call it inside the run's transaction: it either writes all of a
 * run or nothing.
 *
 * The resolve stage (domain/ingest/resolve-stage.ts) split the setting written into the
 * name ("o3 (high)", "…-thinking-16k") off before resolution: the score belongs to the
 * priced base model and the setting rides on the series. The raw name stays on each period.
 */
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { benchmarks, scorePeriods } from "../schema/index.ts";
import { slices } from "./catalogue.ts";
import type { WriteCounts } from "./price-history.ts";
import { decimalEquals, InvalidAmountError, normaliseDecimal, type DecimalString } from "../../domain/money.ts";
import type { ScoreObservation, SkippedEntry } from "../../domain/observation.ts";
import type { Matched, ResolvedScoreFields } from "../../domain/ingest/resolve-stage.ts";
import { planSeries, type RecordedPeriod, type SeriesPlan } from "../../domain/history/period-plan.ts";
import type { BenchmarkDefinition } from "../../../scrapers/source.ts";
import { closePeriodsAndRecordSightings } from "./period-writes.ts";
import { insertJsonRows } from "./bulk-insert.ts";
import { latestSighting, periodLastSeen } from "./period-seen.ts";
import type { SeenPeriod } from "../../domain/history/sightings.ts";

export interface ScoreWriteInput {
  sourceId: string;
  runId: number | null;
  /** The observation time (now, or --at for a backfill): the last-seen mark, not the score's date. */
  at: Date;
  /** Every benchmark the source reports (the score gate rejected observations of any other id). */
  benchmarks: readonly BenchmarkDefinition[];
  observations: readonly ResolvedScore[];
}

/** A score observation after the resolve stage: its model, and its setting split from the name. */
export type ResolvedScore = Matched<ScoreObservation & ResolvedScoreFields>;

/** The value of one score period; decimals canonical, compared exactly. */
export interface ScoreValue {
  score: DecimalString;
  ciLower: DecimalString | null;
  ciUpper: DecimalString | null;
  votes: number | null;
  costUsd: DecimalString | null;
}

interface SeriesKey {
  modelId: string;
  benchmarkId: string;
  setting: string;
}

interface Observed {
  key: SeriesKey;
  rawName: string;
  /** Position in the payload: the last tie-break of the deterministic order. */
  index: number;
  validFrom: Date;
  validTo: null;
  value: ScoreValue;
}

const seriesKeyString = (key: SeriesKey) => `${key.modelId}|${key.benchmarkId}|${key.setting}`;

export function sameScore(a: ScoreValue, b: ScoreValue): boolean {
  return (
    decimalEquals(a.score, b.score) &&
    decimalEquals(a.ciLower, b.ciLower) &&
    decimalEquals(a.ciUpper, b.ciUpper) &&
    a.votes === b.votes &&
    decimalEquals(a.costUsd, b.costUsd)
  );
}

const optionalDecimal = (raw: number | string | null): DecimalString | null => (raw === null ? null : normaliseDecimal(raw));

function scoreValueOf(observation: ScoreObservation): ScoreValue {
  return {
    score: normaliseDecimal(observation.score),
    ciLower: optionalDecimal(observation.ciLower),
    ciUpper: optionalDecimal(observation.ciUpper),
    votes: observation.votes,
    costUsd: optionalDecimal(observation.costUsd),
  };
}

/**
 * Writes a benchmark source's scores that passed the score gate (domain/integrity/score-gate.ts). Benchmark sources are never full snapshots: a
 * model that drops off a leaderboard keeps its last score. Returns the run's counts
 * (`events` is always 0: score changes are not change events).
 */
export async function writeScoreHistory(db: Executor, input: ScoreWriteInput): Promise<WriteCounts> {
  const counts: WriteCounts = { changed: 0, rejected: [], events: 0 };
  await upsertBenchmarks(db, input.sourceId, input.benchmarks);
  const definitions = new Map(input.benchmarks.map((benchmark) => [benchmark.id, benchmark]));

  const bySeries = new Map<string, Observed[]>();
  for (const [index, observation] of input.observations.entries()) {
    let value: ScoreValue;
    try {
      value = scoreValueOf(observation);
    } catch (error) {
      if (!(error instanceof InvalidAmountError)) throw error;
      counts.rejected.push({ name: observation.model, reason: error.message });
      continue;
    }
    const key: SeriesKey = { modelId: observation.modelId, benchmarkId: observation.benchmark, setting: observation.setting };
    const observed: Observed = { key, rawName: observation.model, index, validFrom: new Date(`${observation.asOf}T00:00:00Z`), validTo: null, value };
    const series = bySeries.get(seriesKeyString(key)) ?? [];
    series.push(observed);
    bySeries.set(seriesKeyString(key), series);
  }
  for (const [seriesKey, series] of bySeries) bySeries.set(seriesKey, dropDuplicates(series, counts.rejected));

  const modelIds = [...new Set([...bySeries.values()].map((series) => series[0]!.key.modelId))];
  const recorded = await recordedPeriods(db, input.sourceId, modelIds, [...definitions.keys()]);

  const plans: Array<{ key: SeriesKey; observed: Observed[]; plan: SeriesPlan<ScoreValue> }> = [];
  for (const [seriesKey, observed] of bySeries) {
    const plan = planSeries(recorded.get(seriesKey) ?? [], observed, input.at, false, sameScore);
    for (const reason of plan.rejected) counts.rejected.push({ name: observed[0]!.rawName, reason });
    if (plan.open.length > 0 || plan.close.length > 0) counts.changed++;
    plans.push({ key: observed[0]!.key, observed, plan });
  }
  await applyPlans(db, input, plans, recorded.seen);
  return counts;
}

/**
 * Definitions are the source's own: re-ingesting refreshes their text. An id already
 * defined by another source is a catalogue error, not something to overwrite.
 */
export async function upsertBenchmarks(db: Executor, sourceId: string, definitions: readonly BenchmarkDefinition[]): Promise<void> {
  if (definitions.length === 0) return;
  const rows = definitions.map((definition) => ({ ...definition, sourceId }));
  await db
    .insert(benchmarks)
    .values(rows)
    .onConflictDoUpdate({
      target: benchmarks.id,
      set: {
        name: sql`excluded.name`,
        scale: sql`excluded.scale`,
        higherIsBetter: sql`excluded.higher_is_better`,
        description: sql`excluded.description`,
        url: sql`excluded.url`,
      },
      setWhere: sql`${benchmarks.sourceId} = excluded.source_id`,
    });
  const foreign = await db
    .select({ id: benchmarks.id, sourceId: benchmarks.sourceId })
    .from(benchmarks)
    .where(and(inArray(benchmarks.id, rows.map((row) => row.id)), ne(benchmarks.sourceId, sourceId)));
  if (foreign.length > 0) {
    const owners = foreign.map((row) => `${row.id} (defined by ${row.sourceId})`).join(", ");
    throw new Error(`${sourceId}: benchmark ids already defined by another source: ${owners}`);
  }
}

/**
 * Every recorded period of the observed models on the source's benchmarks, by series.
 * Without delisting, series the run did not observe need not be read.
 */
async function recordedPeriods(
  db: Executor,
  sourceId: string,
  modelIds: readonly string[],
  benchmarkIds: readonly string[],
): Promise<Map<string, RecordedPeriod<ScoreValue>[]> & { seen: Map<number, SeenPeriod> }> {
  const bySeries = Object.assign(new Map<string, RecordedPeriod<ScoreValue>[]>(), { seen: new Map<number, SeenPeriod>() });
  if (benchmarkIds.length === 0) return bySeries;
  for (const slice of slices(modelIds)) {
    const rows = await db
      .select({ row: scorePeriods, lastSeenAt: periodLastSeen(scorePeriods) })
      .from(scorePeriods)
      .where(and(eq(scorePeriods.sourceId, sourceId), inArray(scorePeriods.modelId, slice), inArray(scorePeriods.benchmarkId, [...benchmarkIds])));
    for (const { row, lastSeenAt } of rows) {
      bySeries.seen.set(row.id, { id: row.id, validTo: row.validTo, lastSeenAt, seenInLatestRun: row.seenInLatestRun });
      const key = seriesKeyString(row);
      const list = bySeries.get(key) ?? [];
      list.push({
        id: row.id,
        validFrom: row.validFrom,
        validTo: row.validTo,
        lastSeenAt,
        value: { score: row.score, ciLower: row.ciLower, ciUpper: row.ciUpper, votes: row.votes, costUsd: row.costUsd },
      });
      bySeries.set(key, list);
    }
  }
  return bySeries;
}

/**
 * One series observed several times at one date (two raw names for one model, a row
 * repeated): equal values are one observation; different values keep the first by
 * shortest raw name, then name, then payload order, and reject the others with a reason.
 */
function dropDuplicates(series: Observed[], rejected: SkippedEntry[]): Observed[] {
  const kept: Observed[] = [];
  const sorted = [...series].sort(
    (a, b) => a.rawName.length - b.rawName.length || a.rawName.localeCompare(b.rawName) || a.index - b.index,
  );
  for (const candidate of sorted) {
    const clash = kept.find((k) => k.validFrom.getTime() === candidate.validFrom.getTime());
    if (!clash) kept.push(candidate);
    else if (!sameScore(clash.value, candidate.value)) {
      const kind = clash.rawName === candidate.rawName ? "a repeated row" : `same series as "${clash.rawName}"`;
      rejected.push({
        name: candidate.rawName,
        reason: `${kind} at ${candidate.validFrom.toISOString().slice(0, 10)} with a different score (${candidate.value.score} vs ${clash.value.score}); kept the first`,
      });
    }
  }
  return kept;
}

/** Applies every series' plan with a few bulk statements. */
async function applyPlans(
  db: Executor,
  input: ScoreWriteInput,
  plans: ReadonlyArray<{ key: SeriesKey; observed: Observed[]; plan: SeriesPlan<ScoreValue> }>,
  recorded: ReadonlyMap<number, SeenPeriod>,
): Promise<void> {
  // Scores carry their own dates; a run older than the source's latest sighting is history.
  const latest = await latestSighting(db, input.sourceId);
  const history = latest !== null && latest > input.at;
  await closePeriodsAndRecordSightings(db, scorePeriods, { ...input, history, plans: plans.map(({ plan }) => plan), recorded });

  const openRows = plans.flatMap(({ key, observed, plan }) =>
    plan.open.map((period) => ({
      ...key,
      sourceId: input.sourceId,
      ...period.value,
      // The name of the observation that opened the period (one per date after dropDuplicates).
      rawName: observed.find((o) => o.validFrom.getTime() === period.validFrom.getTime())!.rawName,
      validFrom: period.validFrom,
      validTo: period.validTo,
      lastSeenAt: input.at,
      seenInLatestRun: !history && period.validTo === null,
      scrapeRunId: input.runId,
    })),
  );
  await insertJsonRows(db, scorePeriods, openRows);
}

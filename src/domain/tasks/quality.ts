/**
 * Quality of a model for a task class, from the benchmark scores valid at one date. Pure:
 * the caller loads the scores (db/queries/quality.ts).
 *
 * Method
 * 1. Cohort. For each benchmark, the scores valid at the as-of date, one per model: its best
 *    setting (highest score, lowest where lower is better). The component names that setting.
 * 2. Normalisation. Each model's score becomes its percentile rank in the cohort: the share
 *    of the other models it beats, a tie counting half, (below + (equal - 1) / 2) / (n - 1).
 *    The best model is 1, the worst 0, whatever the scale: an Elo rating, a percentage, a
 *    0-1 fraction and a 0-100 index all mean "beats this share of the models measured".
 *    Why not the alternatives:
 *    - raw values: percentages are not comparable across benchmarks (HLE tops out near 40%,
 *      MATH-500 is saturated above 90%), and an Elo or an index has no fixed range at all;
 *    - min-max within the cohort: hangs every score on two outliers (a 0.5B model at the
 *      bottom of BFCL squeezes everyone else together);
 *    - Elo as expected win rate against a reference model: needs one reference rated in every
 *      snapshot and has no counterpart for a percentage.
 *    The price of ranks: the size of a gap is lost, and a rank depends on who was measured
 *    (a board of frontier models only ranks a good model low). A cohort smaller than
 *    MIN_COHORT is too small to rank and counts as no data. A model that dropped off a
 *    board keeps its last score (sources are never full snapshots), so a cohort can mix
 *    snapshot dates; each component carries its own as-of date to show it.
 * 3. Versions. A re-based index (Artificial Analysis' indices: one benchmark id per version)
 *    is one component listing its versions newest first. Quality uses the newest version
 *    that has a rankable cohort at the date, for every model alike, and never mixes versions.
 * 4. Combination. quality = Σ weight × normalised / Σ weight over the components the model
 *    has; coverage = that weight / the class's total weight. Both come with every figure,
 *    with each component visible.
 */
import type { TaskClass, TaskComponent } from "./catalogue.ts";

export type ScoreScale = "percent" | "fraction" | "elo" | "index";

/** A cohort this small says nothing about rank. */
export const MIN_COHORT = 5;

export interface BenchmarkInfo {
  id: string;
  scale: ScoreScale;
  higherIsBetter: boolean;
}

/** One score period valid at the as-of date. */
export interface ScoreAtDate {
  modelId: string;
  benchmarkId: string;
  sourceId: string;
  setting: string;
  /** Canonical decimal string, as stored. */
  score: string;
  rawName: string;
  /** The source's date for the score: the start of its period. */
  validFrom: Date;
}

export interface RankedScore {
  score: ScoreAtDate;
  normalised: number;
}

export interface BenchmarkCohort {
  benchmark: BenchmarkInfo;
  /** Models ranked (one score each). */
  size: number;
  byModel: ReadonlyMap<string, RankedScore>;
}

export interface QualityComponent {
  /** The catalogue entry: a benchmark id, or the index name of a version group. */
  component: string;
  /** The benchmark whose score counted (for a version group, the version used). */
  benchmark: string;
  source: string;
  scale: ScoreScale;
  weight: number;
  rawScore: string;
  normalised: number;
  setting: string;
  rawName: string;
  /** YYYY-MM-DD: the date the source gives the score. */
  asOf: string;
  cohort: number;
}

export interface ModelQuality {
  model: string;
  /** 0..1, the weighted mean of the normalised scores the model has. */
  quality: number;
  /** 0..1, the share of the class's weight those scores carry. */
  coverage: number;
  components: QualityComponent[];
  /** Catalogue entries with no score for this model at the date. */
  missing: string[];
}

/** Percentile rank of each value among all of them (higher is better), ties sharing the mean rank. */
export function percentileRanks(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 1) return [0.5];
  const sorted = [...values].sort((a, b) => a - b);
  /** The first index whose value is above `value` (strict) or at or above it. */
  const boundary = (value: number, strict: boolean) => {
    let low = 0;
    let high = n;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (strict ? sorted[middle]! <= value : sorted[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return values.map((value) => {
    const below = boundary(value, false);
    const equal = boundary(value, true) - below;
    return (below + (equal - 1) / 2) / (n - 1);
  });
}

function better(a: ScoreAtDate, b: ScoreAtDate, higherIsBetter: boolean): boolean {
  const difference = Number(a.score) - Number(b.score);
  if (difference !== 0) return higherIsBetter ? difference > 0 : difference < 0;
  // Equal scores: a deterministic choice, the plainest setting first.
  return a.setting.length - b.setting.length < 0 || (a.setting.length === b.setting.length && a.setting < b.setting);
}

/** Ranks one benchmark's scores at a date: each model's best setting, as a percentile in the cohort. */
export function rankBenchmark(benchmark: BenchmarkInfo, scores: readonly ScoreAtDate[]): BenchmarkCohort {
  const best = new Map<string, ScoreAtDate>();
  for (const score of scores) {
    if (score.benchmarkId !== benchmark.id) continue;
    const current = best.get(score.modelId);
    if (!current || better(score, current, benchmark.higherIsBetter)) best.set(score.modelId, score);
  }
  const entries = [...best.values()];
  const signed = entries.map((score) => (benchmark.higherIsBetter ? 1 : -1) * Number(score.score));
  const ranks = percentileRanks(signed);
  const byModel = new Map<string, RankedScore>();
  if (entries.length >= MIN_COHORT) entries.forEach((score, index) => byModel.set(score.modelId, { score, normalised: ranks[index]! }));
  return { benchmark, size: entries.length, byModel };
}

/** The benchmark a component reads at this date: itself, or the newest version with a rankable cohort. */
export function benchmarkForComponent(component: TaskComponent, cohorts: ReadonlyMap<string, BenchmarkCohort>): string | null {
  return component.benchmarks.find((id) => (cohorts.get(id)?.byModel.size ?? 0) > 0) ?? null;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Quality and coverage of every model with at least one score in the class, best first
 * (ties: higher coverage, then model id). `cohorts` holds the ranked benchmarks at the date.
 */
export function qualityForTask(task: TaskClass, cohorts: ReadonlyMap<string, BenchmarkCohort>): ModelQuality[] {
  const totalWeight = task.components.reduce((sum, component) => sum + component.weight, 0);
  const chosen = task.components.map((component) => ({ component, benchmark: benchmarkForComponent(component, cohorts) }));
  const models = new Set(chosen.flatMap(({ benchmark }) => (benchmark ? [...cohorts.get(benchmark)!.byModel.keys()] : [])));

  const results = [...models].map((model) => {
    const components: QualityComponent[] = [];
    const missing: string[] = [];
    let weighted = 0;
    let weight = 0;
    for (const { component, benchmark } of chosen) {
      const cohort = benchmark ? cohorts.get(benchmark) : undefined;
      const ranked = cohort?.byModel.get(model);
      if (!cohort || !ranked) {
        missing.push(component.key);
        continue;
      }
      weighted += component.weight * ranked.normalised;
      weight += component.weight;
      components.push({
        component: component.key,
        benchmark: cohort.benchmark.id,
        source: ranked.score.sourceId,
        scale: cohort.benchmark.scale,
        weight: component.weight,
        rawScore: ranked.score.score,
        normalised: round(ranked.normalised),
        setting: ranked.score.setting,
        rawName: ranked.score.rawName,
        asOf: ranked.score.validFrom.toISOString().slice(0, 10),
        cohort: cohort.size,
      });
    }
    return { model, exact: weighted / weight, coverage: weight / totalWeight, components, missing };
  });
  results.sort((a, b) => b.exact - a.exact || b.coverage - a.coverage || a.model.localeCompare(b.model));
  return results.map(({ model, exact, coverage, components, missing }) => ({
    model,
    quality: round(exact),
    coverage: round(coverage),
    components,
    missing,
  }));
}

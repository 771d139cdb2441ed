/**
 * Cost per task from measured runs. A class's token profile assumes every model writes the
 * same answer length; reasoning settings write many times more, and the benchmark sources
 * that measure a run's cost (Aider total_cost, LiveBench, vals.ai cost per test, ARC Prize
 * cost per task, HAL run cost, ...) show by how much. Pure.
 *
 * The rule (MEASURED_OUTPUT_RULE):
 * 1. Only the run of the setting whose score counts is read: a measured cost on a benchmark
 *    counts when the model's quality uses a score of that benchmark with the same setting
 *    (the priced call is the scored call).
 * 2. A run's cost is turned into output-equivalent tokens at the offering's output price in
 *    force at the run's date (price-at-run.ts; the current price when the offering had none
 *    then, stated in the basis): tokens = cost / output price per token (input is a similar
 *    share of every model's bill, since input and output prices keep a similar ratio, so it
 *    cancels in step 3). A run priced before a price cut is not mis-scaled by the cut.
 * 3. The model's tokens are divided by the median tokens of the models measured on the same
 *    benchmark in the same answer (units per run, per task or per test cancel within a
 *    benchmark); the geometric mean of these ratios over its benchmarks, bounded to
 *    [MIN_FACTOR, MAX_FACTOR], is its output factor. A benchmark needs MIN_COHORT measured
 *    models to be a reference.
 * 4. The call's output tokens are the class profile's times the factor; the input is the
 *    profile's. The extra (or saved) output is priced at the offering's output price and
 *    added to the profile's call cost. A model without such a run keeps the profile.
 */
import { Decimal } from "decimal.js";
import { canonical, toDecimal, type DecimalString } from "../money.ts";
import type { TokenProfile } from "./call-cost.ts";

export const MIN_COHORT = 3;
export const MIN_FACTOR = 0.25;
export const MAX_FACTOR = 8;

export const MEASURED_OUTPUT_RULE =
  `output tokens = the class profile's x the model's output factor: the geometric mean, over benchmarks where its scored setting ` +
  `has a measured run cost, of (cost / output price in force at the run's date, else the current one) over the median of the models measured there; bounded to [${MIN_FACTOR}, ${MAX_FACTOR}]`;

export interface MeasuredRun {
  benchmark: string;
  setting: string;
  source: string;
  costUsd: string;
  asOf: string;
}

export interface MeasuredCandidate {
  model: string;
  callCost: DecimalString;
  blendedPerMillion: DecimalString;
  /** The chosen offering: its current output $/1M and, to read its price history, its identity. */
  offering: { output: string | null; provider?: string; variant?: string; region?: string; source?: string };
  /** The scores its quality uses: benchmark and setting. */
  components: ReadonlyArray<{ benchmark: string; setting: string }>;
  measuredCosts: readonly MeasuredRun[];
}

export interface CostBasis {
  kind: "profile" | "measured";
  outputTokens: number;
  /** Output relative to the median measured model (1 for the profile). */
  factor: number;
  /** The runs read, each with its ratio to its benchmark's median and the output price its tokens were read at. */
  runs: Array<MeasuredRun & { ratio: number; outputPrice: string; priceAt: PriceAt }>;
  rule: string;
}

/** Which output price a run's tokens were read at: the one in force at the run's date, or the current one when there was none then. */
export type PriceAt = "run date" | "current (no price in force at the run date)";

/** The offering's output $/1M in force at a run's date, or null when it had none then (price-at-run.ts). */
export type RunPrice = (candidate: MeasuredCandidate, run: MeasuredRun) => string | null;

const noHistory: RunPrice = () => null;

interface Usable {
  run: MeasuredRun;
  tokens: number;
  outputPrice: string;
  priceAt: PriceAt;
}

/** The run's output price (rule 2): dated when known, else the current one. */
function runOutputPrice(candidate: MeasuredCandidate, run: MeasuredRun, priceAtRun: RunPrice): { outputPrice: string; priceAt: PriceAt } | null {
  const dated = priceAtRun(candidate, run);
  if (dated !== null && Number(dated) > 0) return { outputPrice: dated, priceAt: "run date" };
  const current = candidate.offering.output;
  return current !== null && Number(current) > 0 ? { outputPrice: current, priceAt: "current (no price in force at the run date)" } : null;
}

/** The runs of a candidate that rule 1 admits, as output-equivalent tokens (rule 2), one per benchmark. */
function usableRuns(candidate: MeasuredCandidate, priceAtRun: RunPrice): Usable[] {
  const current = candidate.offering.output === null ? 0 : Number(candidate.offering.output);
  if (!(current > 0)) return [];
  const scored = new Set(candidate.components.map((component) => `${component.benchmark}\u0000${component.setting}`));
  const byBenchmark = new Map<string, Usable>();
  for (const run of candidate.measuredCosts) {
    const cost = Number(run.costUsd);
    if (!(cost > 0) || !scored.has(`${run.benchmark}\u0000${run.setting}`)) continue;
    const newest = byBenchmark.get(run.benchmark);
    // The newest run of the scored setting.
    if (newest && run.asOf <= newest.run.asOf) continue;
    const price = runOutputPrice(candidate, run, priceAtRun);
    if (price) byBenchmark.set(run.benchmark, { run, tokens: (cost / Number(price.outputPrice)) * 1_000_000, ...price });
  }
  return [...byBenchmark.values()];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Each candidate's cost basis under the rule. */
export function costBases(candidates: readonly MeasuredCandidate[], profile: TokenProfile, priceAtRun: RunPrice = noHistory): Map<string, CostBasis> {
  const usable = new Map(candidates.map((candidate) => [candidate.model, usableRuns(candidate, priceAtRun)]));
  const cohorts = new Map<string, number[]>();
  for (const runs of usable.values()) for (const { run, tokens } of runs) cohorts.set(run.benchmark, [...(cohorts.get(run.benchmark) ?? []), tokens]);
  const medians = new Map([...cohorts].filter(([, tokens]) => tokens.length >= MIN_COHORT).map(([benchmark, tokens]) => [benchmark, median(tokens)]));

  const bases = new Map<string, CostBasis>();
  for (const candidate of candidates) {
    const runs = (usable.get(candidate.model) ?? [])
      .filter(({ run }) => medians.has(run.benchmark))
      .map(({ run, tokens, outputPrice, priceAt }) => ({ ...run, ratio: tokens / medians.get(run.benchmark)!, outputPrice, priceAt }))
      .sort((a, b) => (a.benchmark < b.benchmark ? -1 : 1));
    if (runs.length === 0) {
      bases.set(candidate.model, { kind: "profile", outputTokens: profile.outputTokens, factor: 1, runs: [], rule: "the class's token profile (no measured run of the scored setting)" });
      continue;
    }
    const logMean = runs.reduce((sum, run) => sum + Math.log(run.ratio), 0) / runs.length;
    const factor = Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, Math.exp(logMean)));
    bases.set(candidate.model, { kind: "measured", outputTokens: Math.round(profile.outputTokens * factor), factor, runs, rule: MEASURED_OUTPUT_RULE });
  }
  return bases;
}

/**
 * The candidates with call cost and blended price per the measured output size, and the
 * basis each used. Blended $/1M divides the call's cost by its (adjusted) tokens.
 */
export function withMeasuredCallCosts<C extends MeasuredCandidate>(candidates: readonly C[], profile: TokenProfile, priceAtRun: RunPrice = noHistory): Array<C & { costBasis: CostBasis }> {
  const bases = costBases(candidates, profile, priceAtRun);
  return candidates.map((candidate) => {
    const basis = bases.get(candidate.model)!;
    if (basis.kind === "profile") return { ...candidate, costBasis: basis };
    const extraTokens = basis.outputTokens - profile.outputTokens;
    const cost = Decimal.max(0, toDecimal(candidate.callCost).plus(new Decimal(extraTokens).times(toDecimal(candidate.offering.output!)).dividedBy(1_000_000)));
    const tokens = profile.inputTokens + basis.outputTokens;
    return {
      ...candidate,
      callCost: canonical(cost),
      blendedPerMillion: canonical(cost.times(1_000_000).dividedBy(tokens).toDecimalPlaces(6)),
      costBasis: basis,
    };
  });
}

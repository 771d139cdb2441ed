/**
 * The router's question: which model should this task class go to, under my constraints?
 * Candidates arrive one per model, each priced at its cheapest eligible offering, with a
 * quality in the class's units (expected score 0..100 on its benchmarks) and a 95% interval.
 *
 * The bar, one of:
 * - minQuality: an absolute score, e.g. 70;
 * - withinOfBest: points below the best candidate's quality, e.g. 3;
 * - indistinguishable: statistically indistinguishable from the best (two-sided z-test at
 *   5% on the difference, each standard error read off its interval);
 * - none given, objective cost: the default answer (DEFAULT_MARGIN below).
 * maxWidth drops candidates whose interval is wider than that many points.
 * Objective "cost" (default): the cheapest models that meet the bar; "quality": the best
 * models under the price cap.
 */
import { compareDecimal, toDecimal, type DecimalString } from "../money.ts";
import type { CostBasis } from "./measured-output.ts";

export interface RankedOffering {
  provider: string;
  variant: string;
  region: string;
  source: string;
}

export interface Candidate {
  model: string;
  /** Expected score on the class's benchmarks, 0..100, and its 95% interval. */
  quality: number;
  low: number;
  high: number;
  coverage: number;
  /** USD per typical call of the class, and the same per 1M tokens of traffic. */
  callCost: DecimalString;
  blendedPerMillion: DecimalString;
  offering: RankedOffering;
  /** How the call was sized: the class profile, or the scored setting's measured output (measured-output.ts). */
  costBasis?: CostBasis;
}

export interface BestOptions {
  minQuality?: number;
  withinOfBest?: number;
  indistinguishable?: boolean;
  /**
   * Not significantly worse than this reference (a baseline model's quality in the class):
   * one-sided z-test at 5%, as simulate judges "within the baseline" (notWorseThan below).
   * Routing a class to the cheapest such model keeps the mix within the baseline's quality.
   * Like the default answer it reads only intervals at most DEFAULT_MAX_WIDTH wide (unless
   * maxWidth is set): a model known too vaguely to be called worse must not pass on hope.
   */
  notWorseThan?: { model: string; quality: number; low: number; high: number };
  /** Leave out candidates whose 95% interval is wider than this (points). */
  maxWidth?: number;
  /** Cap on the blended USD per 1M tokens. */
  maxPrice?: number;
  objective: "cost" | "quality";
  limit: number;
  /** The task class, to name it in the reasons. */
  task?: string;
}

/**
 * The default answer's rule: a model qualifies when its quality is at most DEFAULT_MARGIN
 * points below the best candidate's and the low end of its 95% interval at most
 * DEFAULT_FLOOR points below it: within 5 points on the estimate, and with 97.5% confidence
 * no more than 10 points worse. A wide interval (few scores) does not pass on hope; the best
 * candidate always qualifies. 5 points is about the spread of one frontier generation on
 * these scales (e.g. a point release); 10 is a clearly worse model.
 */
export const DEFAULT_MARGIN = 5;
export const DEFAULT_FLOOR = 10;
/**
 * The default answer reads only candidates whose interval is at most this wide (unless the
 * caller sets maxWidth, or no candidate is that narrow): a model known only through its
 * general ability (no score in the class) must not become the best the others are read
 * against, nor the pick.
 */
export const DEFAULT_MAX_WIDTH = 20;
const Z95 = 1.96;

export type BarKind = "minQuality" | "withinOfBest" | "indistinguishable" | "notWorseThan" | "default" | "none";

export type Ranked<C extends Candidate> = C & { rank: number; reason: string; meetsBar: true };

export interface BestResult<C extends Candidate> {
  barKind: BarKind;
  /** The quality a candidate had to reach (null when the bar is not one number). */
  bar: number | null;
  /** How the bar reads, for the answer. */
  rule: string;
  best: { model: string; quality: number; low: number; high: number } | null;
  bestQuality: number | null;
  candidates: Array<Ranked<C>>;
}

const byCost = (a: Candidate, b: Candidate) => compareDecimal(a.callCost, b.callCost) || b.quality - a.quality || a.model.localeCompare(b.model);
const byQuality = (a: Candidate, b: Candidate) => b.quality - a.quality || compareDecimal(a.callCost, b.callCost) || a.model.localeCompare(b.model);

/** Standard error read off a 95% interval (the mean of its two halves: the interval is asymmetric on 0..100). */
export const standardError = (c: Pick<Candidate, "low" | "high">) => (c.high - c.low) / (2 * Z95);

const Z_ONE_SIDED = 1.645;

/** True when the candidate is not significantly worse than the reference (one-sided, 5%), or is the reference. */
export function notWorseThan(reference: Pick<Candidate, "model" | "quality" | "low" | "high">, candidate: Pick<Candidate, "model" | "quality" | "low" | "high">): boolean {
  if (reference.model === candidate.model) return true;
  return candidate.quality - reference.quality >= -Z_ONE_SIDED * Math.hypot(standardError(reference), standardError(candidate)) - 1e-9;
}

/** True when the difference to `best` is within what chance explains at 5% (two-sided). */
export function indistinguishableFrom(best: Candidate, candidate: Candidate): boolean {
  if (best.model === candidate.model) return true;
  return best.quality - candidate.quality <= Z95 * Math.hypot(standardError(best), standardError(candidate));
}

function barKindOf(options: BestOptions): BarKind {
  if (options.minQuality !== undefined) return "minQuality";
  if (options.withinOfBest !== undefined) return "withinOfBest";
  if (options.indistinguishable) return "indistinguishable";
  if (options.notWorseThan) return "notWorseThan";
  return options.objective === "cost" ? "default" : "none";
}

export function rankBest<C extends Candidate>(candidates: readonly C[], options: BestOptions): BestResult<C> {
  const kind = barKindOf(options);
  const narrow = (width: number) => candidates.filter((c) => c.high - c.low <= width);
  const pool =
    options.maxWidth !== undefined
      ? narrow(options.maxWidth)
      : (kind === "default" || kind === "notWorseThan") && narrow(DEFAULT_MAX_WIDTH).length > 0
        ? narrow(DEFAULT_MAX_WIDTH)
        : candidates;
  const underCap = pool.filter((c) => options.maxPrice === undefined || toDecimal(c.blendedPerMillion).lessThanOrEqualTo(options.maxPrice));
  // The best is the best of the pool under the price cap: the reference a bar is read against.
  const best = [...underCap].sort(byQuality)[0] ?? null;
  const { meets, bar, rule } = barOf(kind, best, options);

  const chosen = underCap.filter(meets).sort(options.objective === "cost" ? byCost : byQuality);
  const ranked = chosen.slice(0, options.limit).map((candidate, index) => ({
    ...candidate,
    rank: index + 1,
    meetsBar: true as const,
    reason: reasonFor(candidate, index, chosen, best, rule, options),
  }));
  return {
    barKind: kind,
    bar,
    rule,
    best: best && { model: best.model, quality: best.quality, low: best.low, high: best.high },
    bestQuality: best?.quality ?? null,
    candidates: ranked,
  };
}

function barOf(kind: BarKind, best: Candidate | null, options: BestOptions): { meets: (c: Candidate) => boolean; bar: number | null; rule: string } {
  const fixed = (bar: number, rule: string) => ({ meets: (c: Candidate) => c.quality >= bar - 1e-9, bar, rule });
  switch (kind) {
    case "minQuality":
      return fixed(options.minQuality!, `quality at least ${options.minQuality}`);
    case "withinOfBest":
      return best ? fixed(best.quality - options.withinOfBest!, `within ${options.withinOfBest} points of the best (${best.model}, ${best.quality.toFixed(1)})`) : fixed(Infinity, "no best model");
    case "indistinguishable":
      return {
        meets: (c) => best !== null && indistinguishableFrom(best, c),
        bar: null,
        rule: best ? `statistically indistinguishable from the best (${best.model}, ${best.quality.toFixed(1)}), z-test at 5%` : "no best model",
      };
    case "default": {
      if (!best) return { meets: () => false, bar: null, rule: "no scored model" };
      const bar = best.quality - DEFAULT_MARGIN;
      const floor = best.quality - DEFAULT_FLOOR;
      return {
        meets: (c) => c.model === best.model || (c.quality >= bar - 1e-9 && c.low >= floor - 1e-9),
        bar,
        rule:
          `default answer: within ${DEFAULT_MARGIN} points of the best (${best.model}, ${best.quality.toFixed(1)} ` +
          `[${best.low.toFixed(1)}, ${best.high.toFixed(1)}]) and its 95% interval's low end within ${DEFAULT_FLOOR}: quality >= ${bar.toFixed(1)}, low end >= ${floor.toFixed(1)}` +
          `${options.maxWidth === undefined ? `, among models with intervals at most ${DEFAULT_MAX_WIDTH} points wide` : ""}`,
      };
    }
    case "notWorseThan": {
      const reference = options.notWorseThan!;
      return {
        meets: (c) => notWorseThan(reference, c),
        bar: null,
        rule:
          `not significantly worse than ${reference.model} (${reference.quality.toFixed(1)} [${reference.low.toFixed(1)}, ${reference.high.toFixed(1)}]), one-sided z-test at 5%` +
          `${options.maxWidth === undefined ? `, among models with intervals at most ${DEFAULT_MAX_WIDTH} points wide` : ""}`,
      };
    }
    case "none":
      return { meets: () => true, bar: null, rule: "no quality bar" };
  }
}

function reasonFor(candidate: Candidate, index: number, chosen: readonly Candidate[], best: Candidate | null, rule: string, options: BestOptions): string {
  const gap = best && best.model !== candidate.model ? `, ${(best.quality - candidate.quality).toFixed(1)} points below the best` : best ? ", the best" : "";
  const quality = `quality ${candidate.quality.toFixed(1)} [${candidate.low.toFixed(1)}, ${candidate.high.toFixed(1)}]${gap}`;
  const basis = candidate.costBasis?.kind === "measured" ? `, ${candidate.costBasis.outputTokens} output tokens a call measured (x${candidate.costBasis.factor.toFixed(2)} the median model on ${candidate.costBasis.runs.map((run) => run.benchmark).join(", ")})` : "";
  const extrapolated = candidate.coverage === 0 ? `; ${noClassScores(candidate, options.task)}` : "";
  const price = `$${Number(candidate.blendedPerMillion).toPrecision(4)}/1M via ${candidate.offering.provider}${candidate.offering.variant === "standard" ? "" : ` ${candidate.offering.variant}`}${basis}`;
  if (options.objective === "cost") {
    if (index === 0) return `cheapest model meeting the bar (${rule}): ${quality}, ${price}${extrapolated}`;
    const cheapest = chosen[0]!;
    const factor = toDecimal(candidate.callCost).dividedBy(toDecimal(cheapest.callCost).isZero() ? 1 : toDecimal(cheapest.callCost)).toNumber();
    return `meets the bar; ${toDecimal(cheapest.callCost).isZero() ? "costs more than a free model" : `${factor.toFixed(2)}x the cheapest`}: ${quality}, ${price}${extrapolated}`;
  }
  if (index === 0) return `best quality under ${options.maxPrice === undefined ? "no price cap" : `$${options.maxPrice}/1M`} (${rule}): ${quality}, ${price}${extrapolated}`;
  return `${quality}, ${price}${extrapolated}`;
}

/** Said of a model with no score on any of the class's benchmarks: its quality is its ability on the linked benchmarks, carried over. */
export function noClassScores(candidate: Pick<Candidate, "low" | "high">, task?: string): string {
  return `no ${task ?? "class"} scores for this model; quality extrapolated from linked benchmarks (its ability on the other classes' benchmarks), interval ${(candidate.high - candidate.low).toFixed(1)} points wide`;
}

/**
 * The router's question: which model should this task class go to, under my constraints?
 * Candidates arrive one per model, each priced at its cheapest eligible offering. The bar
 * is absolute (minQuality) or relative to the best candidate (withinOfBest: 0.05 = within
 * 5% of the best quality). Objective "cost" (default): the cheapest models that meet the
 * bar; objective "quality": the best models under the price cap.
 */
import { compareDecimal, toDecimal, type DecimalString } from "../money.ts";

export interface RankedOffering {
  provider: string;
  variant: string;
  region: string;
  source: string;
}

export interface Candidate {
  model: string;
  quality: number;
  coverage: number;
  /** USD per typical call of the class, and the same per 1M tokens of traffic. */
  callCost: DecimalString;
  blendedPerMillion: DecimalString;
  offering: RankedOffering;
}

export interface BestOptions {
  minQuality?: number;
  withinOfBest?: number;
  /** Cap on the blended USD per 1M tokens. */
  maxPrice?: number;
  objective: "cost" | "quality";
  limit: number;
}

export type Ranked<C extends Candidate> = C & { rank: number; reason: string; meetsBar: boolean };

export interface BestResult<C extends Candidate> {
  /** The quality a candidate had to reach (null when no bar was set). */
  bar: number | null;
  bestQuality: number | null;
  candidates: Array<Ranked<C>>;
}

const byCost = (a: Candidate, b: Candidate) => compareDecimal(a.callCost, b.callCost) || b.quality - a.quality || a.model.localeCompare(b.model);
const byQuality = (a: Candidate, b: Candidate) => b.quality - a.quality || compareDecimal(a.callCost, b.callCost) || a.model.localeCompare(b.model);

export function rankBest<C extends Candidate>(candidates: readonly C[], options: BestOptions): BestResult<C> {
  const bestQuality = candidates.length > 0 ? Math.max(...candidates.map((c) => c.quality)) : null;
  const bar =
    options.minQuality !== undefined
      ? options.minQuality
      : options.withinOfBest !== undefined && bestQuality !== null
        ? bestQuality * (1 - options.withinOfBest)
        : null;
  const underCap = candidates.filter((c) => options.maxPrice === undefined || toDecimal(c.blendedPerMillion).lessThanOrEqualTo(options.maxPrice));
  const meets = (c: Candidate) => bar === null || c.quality >= bar - 1e-12;

  const chosen = underCap.filter(meets).sort(options.objective === "cost" ? byCost : byQuality);
  const ranked = chosen.slice(0, options.limit).map((candidate, index) => ({
    ...candidate,
    rank: index + 1,
    meetsBar: true,
    reason: reasonFor(candidate, index, chosen, bar, bestQuality, options),
  }));
  return { bar, bestQuality, candidates: ranked };
}

function reasonFor(candidate: Candidate, index: number, chosen: readonly Candidate[], bar: number | null, best: number | null, options: BestOptions): string {
  const quality = `quality ${candidate.quality.toFixed(3)}${best ? ` (${((candidate.quality / best) * 100).toFixed(1)}% of best)` : ""}`;
  const price = `$${Number(candidate.blendedPerMillion).toPrecision(4)}/1M via ${candidate.offering.provider}${candidate.offering.variant === "standard" ? "" : ` ${candidate.offering.variant}`}`;
  const barText = bar === null ? "no quality bar" : `meets the bar ${bar.toFixed(3)}`;
  if (options.objective === "cost") {
    if (index === 0) return `cheapest model that ${bar === null ? "has a quality figure" : barText}: ${quality}, ${price}`;
    const cheapest = chosen[0]!;
    const factor = toDecimal(candidate.callCost).dividedBy(toDecimal(cheapest.callCost).isZero() ? 1 : toDecimal(cheapest.callCost)).toNumber();
    return `${barText}; ${toDecimal(cheapest.callCost).isZero() ? "costs more than a free model" : `${factor.toFixed(2)}x the cheapest`}: ${quality}, ${price}`;
  }
  if (index === 0) return `best quality under ${options.maxPrice === undefined ? "no price cap" : `$${options.maxPrice}/1M`}: ${quality}, ${price}`;
  return `${quality}, ${price}`;
}

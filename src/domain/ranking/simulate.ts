/**
 * A workload mix priced two ways: each task class routed to its own choice (the cheapest
 * model meeting that class's bar) versus one model for everything (the baseline), with
 * the quality of both per class in the class's units (0..100, 95% interval). Pure: the
 * caller supplies each class's routed pick and the baseline's cost and quality.
 *
 * "Within the baseline's quality": the routed model is not worse than the baseline beyond
 * what chance explains (one-sided, 5%: routed − baseline ≥ −1.645 × the difference's
 * standard error, each read off its interval), or it is the baseline itself.
 */
import { Decimal } from "decimal.js";
import { canonical, toDecimal, type DecimalString } from "../money.ts";
import { notWorseThan } from "./best.ts";

export interface LineQuality {
  quality: number;
  low: number;
  high: number;
}

export interface WorkloadLine {
  task: string;
  /** Calls per month of this class. */
  calls: number;
  routed: ({ model: string; callCost: DecimalString } & LineQuality) | null;
  baseline: { model: string; callCost: DecimalString | null; quality: LineQuality | null };
}

/** True when the routed quality is not significantly below the baseline's; null when either is unknown (the same test as best's notWorseThan bar). */
export function withinBaseline(line: Pick<WorkloadLine, "routed" | "baseline">): boolean | null {
  if (!line.routed || !line.baseline.quality) return null;
  return notWorseThan({ model: line.baseline.model, ...line.baseline.quality }, line.routed);
}

export type SimulationLine<L extends WorkloadLine = WorkloadLine> = L & {
  /** Routed quality minus baseline quality, in points. */
  qualityDifference: number | null;
  withinBaseline: boolean | null;
  routedMonthly: DecimalString | null;
  baselineMonthly: DecimalString | null;
};

export interface Simulation<L extends WorkloadLine = WorkloadLine> {
  lines: Array<SimulationLine<L>>;
  routedMonthly: DecimalString | null;
  baselineMonthly: DecimalString | null;
  /** baseline / routed: 3 means routing costs a third. Null when either total is unknown or routed is free. */
  savingsFactor: number | null;
  /** True when every class's routed model stays within the baseline's quality; null when one is unknown. */
  allWithinBaseline: boolean | null;
}

const monthly = (calls: number, cost: DecimalString | null | undefined) => (cost == null ? null : canonical(toDecimal(cost).times(calls)));

export function simulateWorkload<L extends WorkloadLine>(lines: readonly L[]): Simulation<L> {
  const priced: Array<SimulationLine<L>> = lines.map((line) => ({
    ...line,
    qualityDifference: line.routed && line.baseline.quality ? Math.round((line.routed.quality - line.baseline.quality.quality) * 100) / 100 : null,
    withinBaseline: withinBaseline(line),
    routedMonthly: monthly(line.calls, line.routed?.callCost), baselineMonthly: monthly(line.calls, line.baseline.callCost) }));
  const total = (pick: (line: SimulationLine<L>) => DecimalString | null) =>
    priced.every((line) => pick(line) !== null) ? canonical(priced.reduce((sum, line) => sum.plus(toDecimal(pick(line)!)), new Decimal(0))) : null;
  const routedMonthly = total((line) => line.routedMonthly);
  const baselineMonthly = total((line) => line.baselineMonthly);
  const savingsFactor =
    routedMonthly !== null && baselineMonthly !== null && !toDecimal(routedMonthly).isZero()
      ? Math.round(toDecimal(baselineMonthly).dividedBy(toDecimal(routedMonthly)).toNumber() * 100) / 100
      : null;
  const judged = priced.filter((line) => line.withinBaseline !== null);
  // Every class judged and within: the routed mix keeps the baseline's quality.
  const allWithinBaseline = judged.length === priced.length ? judged.every((line) => line.withinBaseline) : null;
  return { lines: priced, routedMonthly, baselineMonthly, savingsFactor, allWithinBaseline };
}

/** Calls per class from shares of a monthly call volume (shares are normalised to sum to 1). */
export function callsFromShares(items: ReadonlyArray<{ share: number }>, monthlyCalls: number): number[] {
  const sum = items.reduce((total, item) => total + item.share, 0);
  return items.map((item) => (sum > 0 ? (item.share / sum) * monthlyCalls : 0));
}

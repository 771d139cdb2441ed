/**
 * A workload mix priced two ways: each task class routed to its own choice (the cheapest
 * model meeting that class's bar) versus one model for everything (the baseline). Pure:
 * the caller supplies each class's routed pick and the baseline's cost per call.
 */
import { Decimal } from "decimal.js";
import { canonical, toDecimal, type DecimalString } from "../money.ts";

export interface WorkloadLine {
  task: string;
  /** Calls per month of this class. */
  calls: number;
  routed: { model: string; callCost: DecimalString; quality: number } | null;
  baseline: { model: string; callCost: DecimalString | null; quality: number | null };
}

export interface SimulationLine extends WorkloadLine {
  routedMonthly: DecimalString | null;
  baselineMonthly: DecimalString | null;
}

export interface Simulation {
  lines: SimulationLine[];
  routedMonthly: DecimalString | null;
  baselineMonthly: DecimalString | null;
  /** baseline / routed: 3 means routing costs a third. Null when either total is unknown or routed is free. */
  savingsFactor: number | null;
}

const monthly = (calls: number, cost: DecimalString | null | undefined) => (cost == null ? null : canonical(toDecimal(cost).times(calls)));

export function simulateWorkload(lines: readonly WorkloadLine[]): Simulation {
  const priced = lines.map((line) => ({ ...line, routedMonthly: monthly(line.calls, line.routed?.callCost), baselineMonthly: monthly(line.calls, line.baseline.callCost) }));
  const total = (pick: (line: SimulationLine) => DecimalString | null) =>
    priced.every((line) => pick(line) !== null) ? canonical(priced.reduce((sum, line) => sum.plus(toDecimal(pick(line)!)), new Decimal(0))) : null;
  const routedMonthly = total((line) => line.routedMonthly);
  const baselineMonthly = total((line) => line.baselineMonthly);
  const savingsFactor =
    routedMonthly !== null && baselineMonthly !== null && !toDecimal(routedMonthly).isZero()
      ? Math.round(toDecimal(baselineMonthly).dividedBy(toDecimal(routedMonthly)).toNumber() * 100) / 100
      : null;
  return { lines: priced, routedMonthly, baselineMonthly, savingsFactor };
}

/** Calls per class from shares of a monthly call volume (shares are normalised to sum to 1). */
export function callsFromShares(items: ReadonlyArray<{ share: number }>, monthlyCalls: number): number[] {
  const sum = items.reduce((total, item) => total + item.share, 0);
  return items.map((item) => (sum > 0 ? (item.share / sum) * monthlyCalls : 0));
}

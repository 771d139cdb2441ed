/**
 * The leave-one-benchmark-out validation's summary (bench/eval-quality.ts): per task class
 * and overall, how often the new method beats the percentile method and the medians of
 * both methods' Spearman correlation and pairwise-order accuracy. A win is a higher
 * Spearman on the held-out benchmark. Pure.
 */
import { median } from "./rank-agreement.ts";

export interface HeldOutResult {
  task: string;
  newSpearman: number;
  oldSpearman: number;
  newPairs: number;
  oldPairs: number;
}

export interface AgreementSummary {
  /** The class, or "overall". */
  scope: string;
  benchmarks: number;
  newWins: number;
  percentileWins: number;
  ties: number;
  medianSpearman: { new: number; percentile: number };
  medianPairs: { new: number; percentile: number };
}

const finite = (values: number[]) => values.filter(Number.isFinite);

function summarise(scope: string, results: readonly HeldOutResult[]): AgreementSummary {
  const newWins = results.filter((r) => r.newSpearman > r.oldSpearman).length;
  const percentileWins = results.filter((r) => r.newSpearman < r.oldSpearman).length;
  return {
    scope,
    benchmarks: results.length,
    newWins,
    percentileWins,
    ties: results.length - newWins - percentileWins,
    medianSpearman: { new: median(finite(results.map((r) => r.newSpearman))), percentile: median(finite(results.map((r) => r.oldSpearman))) },
    medianPairs: { new: median(finite(results.map((r) => r.newPairs))), percentile: median(finite(results.map((r) => r.oldPairs))) },
  };
}

/** One summary per class in first-seen order, then the overall one. */
export function summariseByClass(results: readonly HeldOutResult[]): AgreementSummary[] {
  const classes = [...new Set(results.map((r) => r.task))];
  return [...classes.map((task) => summarise(task, results.filter((r) => r.task === task))), summarise("overall", results)];
}

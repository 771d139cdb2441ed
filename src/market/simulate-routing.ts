/**
 * simulate: a monthly workload priced routed (each class to its cheapest model meeting
 * the class's bar) and unrouted (one baseline model for everything). Pure over a market
 * view: gathers candidates per class and hands the arithmetic to domain/ranking/simulate.ts.
 *
 * An item's bar is its minQuality, withinOfBest or indistinguishable; an item with none is
 * routed to the cheapest model not significantly worse than the baseline in that class
 * (best's notWorseThan: the same one-sided test that judges withinBaseline), so the routed
 * mix stays within the baseline's quality. Where the baseline has no quality in the class,
 * such an item falls back to best's default answer, and its rule says so.
 */
import type { CandidateConstraints, TaskCandidate } from "../db/queries/ranking.ts";
import { InvalidRequestError } from "../domain/errors.ts";
import { rankBest, type BarKind, type BestOptions } from "../domain/ranking/best.ts";
import { callsFromShares, simulateWorkload, type WorkloadLine } from "../domain/ranking/simulate.ts";
import { taskClassById, type TaskClass } from "../domain/tasks/catalogue.ts";
import type { MarketView } from "./market-view.ts";
import { pricedModelsIn, taskCandidatesIn } from "./priced-offers.ts";

export interface WorkloadItem {
  task: string;
  share?: number;
  tokens?: number;
  minQuality?: number;
  withinOfBest?: number;
  indistinguishable?: boolean;
  maxWidth?: number;
}

export interface SimulationRequest {
  workload: WorkloadItem[];
  /** A canonical model id; default: the best-quality current model over the workload. */
  baseline?: string;
  monthlyCalls: number;
  constraints: CandidateConstraints;
}

export function simulateRouting(view: MarketView, request: SimulationRequest) {
  const tasks = request.workload.map((item) => taskClassById(item.task)!);
  const sets = tasks.map((task) => taskCandidatesIn(view, task, request.constraints));
  const calls = request.workload.every((item) => item.share !== undefined)
    ? callsFromShares(request.workload.map((item) => ({ share: item.share! })), request.monthlyCalls)
    : request.workload.map((item, index) => item.tokens! / (tasks[index]!.profile.inputTokens + tasks[index]!.profile.outputTokens));

  const baseline = request.baseline ?? bestOverWorkload(sets.map((set) => set.candidates), calls);
  const lines: Array<WorkloadLine & { routedOffering: TaskCandidate["offering"] | null; barKind: BarKind; bar: number | null; rule: string }> = [];
  for (const [index, item] of request.workload.entries()) {
    const candidates = sets[index]!.candidates;
    const onBaseline = baselineOnTask(view, tasks[index]!, candidates, baseline, request.constraints);
    const ranked = rankBest(candidates, { ...barOfItem(item, onBaseline), maxWidth: item.maxWidth, maxPrice: request.constraints.maxPrice, objective: "cost", limit: 1 });
    const routed = ranked.candidates[0] ?? null;
    const fallback = ranked.barKind === "default" ? `no quality of ${baseline} in ${item.task} to stay within, so the ${ranked.rule}` : ranked.rule;
    lines.push({
      task: item.task,
      calls: Math.round(calls[index]! * 100) / 100,
      barKind: ranked.barKind,
      bar: ranked.bar,
      rule: fallback,
      routed: routed && { model: routed.model, callCost: routed.callCost, quality: routed.quality, low: routed.low, high: routed.high },
      routedOffering: routed?.offering ?? null,
      baseline: onBaseline,
    });
  }
  const simulation = simulateWorkload(lines);
  return {
    monthlyCalls: Math.round(calls.reduce((sum, value) => sum + value, 0)),
    baseline: { model: baseline, chosen: request.baseline ? "named" : "best call-weighted quality over the workload among current models" },
    ...simulation,
  };
}

/** The item's own bar, else not significantly worse than the baseline in the class (else, with no baseline quality, the default answer). */
export function barOfItem(item: WorkloadItem, onBaseline: WorkloadLine["baseline"]): Pick<BestOptions, "minQuality" | "withinOfBest" | "indistinguishable" | "notWorseThan"> {
  if (item.minQuality !== undefined || item.withinOfBest !== undefined || item.indistinguishable) {
    return { minQuality: item.minQuality, withinOfBest: item.withinOfBest, indistinguishable: item.indistinguishable };
  }
  return onBaseline.quality ? { notWorseThan: { model: onBaseline.model, ...onBaseline.quality } } : {};
}

/** The model with the highest call-weighted quality among those priced and scored in every class. */
function bestOverWorkload(candidateSets: TaskCandidate[][], calls: number[]): string {
  const total = calls.reduce((sum, value) => sum + value, 0);
  const scores = new Map<string, { sum: number; classes: number }>();
  candidateSets.forEach((candidates, index) => {
    for (const candidate of candidates) {
      const entry = scores.get(candidate.model) ?? { sum: 0, classes: 0 };
      entry.sum += (calls[index]! / total) * candidate.quality;
      entry.classes += 1;
      scores.set(candidate.model, entry);
    }
  });
  const everywhere = [...scores].filter(([, entry]) => entry.classes === candidateSets.length);
  if (everywhere.length === 0) throw new InvalidRequestError("no model is priced and scored in every class of the workload: name a baseline");
  everywhere.sort(([a, x], [b, y]) => y.sum - x.sum || a.localeCompare(b));
  return everywhere[0]![0];
}

function baselineOnTask(view: MarketView, task: TaskClass, candidates: TaskCandidate[], baseline: string, constraints: CandidateConstraints): WorkloadLine["baseline"] {
  const scored = candidates.find((candidate) => candidate.model === baseline);
  if (scored) return { model: baseline, callCost: scored.callCost, quality: { quality: scored.quality, low: scored.low, high: scored.high } };
  const priced = pricedModelsIn(view, task, constraints).get(baseline);
  if (!priced) throw new InvalidRequestError(`baseline ${baseline} has no USD price under these constraints`);
  return { model: baseline, callCost: priced.callCost, quality: null };
}

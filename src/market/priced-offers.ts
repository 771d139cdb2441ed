/**
 * Pure reads of a market view: each model's cheapest eligible offering for a task class
 * (the price side of ranking), and the candidates of a class (price joined with quality).
 * The same rules as the reference SQL path (db/queries/priced-models.ts, ranking.ts):
 * eligibility is domain/prices/eligibility.ts, ties go to the model's maker, then to the
 * most trusted seller kind.
 */
import { compareDecimal } from "../domain/money.ts";
import { InvalidRequestError } from "../domain/errors.ts";
import { exclusionOf } from "../domain/prices/eligibility.ts";
import { withMeasuredCallCosts } from "../domain/ranking/measured-output.ts";
import { runPriceFrom } from "../domain/ranking/price-at-run.ts";
import type { TaskClass } from "../domain/tasks/catalogue.ts";
import { scoringId } from "../domain/tasks/snapshot-identity.ts";
import { passesQualityFilters } from "../db/queries/quality.ts";
import { pricedModelOf, type OfferingConstraints, type PricedModel } from "../db/queries/priced-models.ts";
import { candidateOf, type CandidateConstraints, type CandidateSet, type TaskCandidate } from "../db/queries/ranking.ts";
import type { MarketView, OfferCost } from "./market-view.ts";

export function pricedModelsIn(view: MarketView, task: TaskClass, constraints: OfferingConstraints): Map<string, PricedModel> {
  const best = new Map<string, { priced: PricedModel; trust: number; cost: number }>();
  for (const { price, trust, costs } of view.offers) {
    if (exclusionOf(price, constraints) !== null) continue;
    const model = view.models.get(price.model);
    if (!model) continue;
    if (constraints.openWeightsOnly && model.openWeights !== true) continue;
    if (constraints.minContext !== undefined && (model.contextWindow === null || model.contextWindow < constraints.minContext)) continue;
    const cost = costs.get(task.id);
    if (!cost) continue;
    const current = best.get(price.model);
    const count = (current?.priced.offerings ?? 0) + 1;
    if (current) {
      const order = costOrder(current.cost, current.priced.callCost, cost) || current.trust - trust;
      if (order <= 0) {
        current.priced.offerings = count;
        continue;
      }
    }
    best.set(price.model, { trust, cost: cost.callCostValue, priced: pricedModelOf(price, model, cost, count) });
  }
  return new Map([...best].map(([id, entry]) => [id, entry.priced]));
}

function costOrder(value: number, decimal: string, other: OfferCost): number {
  if (value !== other.callCostValue) return value < other.callCostValue ? -1 : 1;
  return compareDecimal(decimal, other.callCost);
}

/** Sellers named in constraints must exist: a typo would silently empty the answer. */
export function checkProvidersIn(view: MarketView, constraints: Pick<OfferingConstraints, "providers" | "excludeProviders">): void {
  const named = [...(constraints.providers ?? []), ...(constraints.excludeProviders ?? [])];
  const unknown = named.filter((id) => !view.providerIds.has(id));
  if (unknown.length > 0) {
    const all = [...view.providerIds].sort();
    throw new InvalidRequestError(`unknown provider${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; known providers: ${all.join(", ")}`);
  }
}

export function taskCandidatesIn(view: MarketView, task: TaskClass, constraints: CandidateConstraints): CandidateSet {
  const priced = pricedModelsIn(view, task, constraints);
  const fitted = view.quality.classes.get(task.id)!;
  const qualifying = fitted.models.filter((entry) => passesQualityFilters(entry, { minCoverage: constraints.minCoverage }));
  const qualityByModel = new Map(qualifying.map((entry) => [entry.model, entry]));
  const benchmarks = new Set(task.components.flatMap((component) => component.benchmarks));
  const candidates: TaskCandidate[] = [];
  for (const price of priced.values()) {
    const scoredAs = scoringId(view.identity, price.model);
    const entry = qualityByModel.get(scoredAs);
    if (!entry) continue;
    candidates.push(candidateOf(price, entry, scoredAs, (view.measuredCosts.get(scoredAs) ?? []).filter((cost) => benchmarks.has(cost.benchmark))));
  }
  return {
    task: task.id,
    profile: task.profile,
    asOf: view.asOf?.toISOString() ?? null,
    priced: priced.size,
    scored: qualifying.length,
    // Cost per task: the scored setting's measured output size where a run cost is known.
    candidates: withMeasuredCallCosts(candidates, task.profile, runPriceFrom(view.outputPriceHistory)),
  };
}

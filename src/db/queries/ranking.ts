/**
 * Candidates for a task class at a date: each priced model (cheapest eligible offering
 * under the class's token profile) joined with its quality for the class. The maths of
 * choosing lives in domain/ranking; this module only gathers.
 *
 * The API answers from the market view (src/market/priced-offers.ts), which must agree with
 * this per-call SQL path: test/market/market-view.test.ts compares them. One-off readers
 * (reprice's best comparison, the quality report) still gather here.
 */
import { and, inArray, isNotNull } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { models, providers, scorePeriods } from "../schema/index.ts";
import { validAt } from "./benchmarks.ts";
import { pricedModels, type OfferingConstraints, type PricedModel } from "./priced-models.ts";
import { slices } from "./catalogue.ts";
import { taskQuality } from "./quality.ts";
import { InvalidRequestError } from "../../domain/errors.ts";
import type { Candidate } from "../../domain/ranking/best.ts";
import type { TaskClass } from "../../domain/tasks/catalogue.ts";
import type { ClassQuality, QualityComponentScore as QualityComponent } from "../../domain/quality/class-quality.ts";
import { scoringId, snapshotIdentity } from "../../domain/tasks/snapshot-identity.ts";
import { withMeasuredCallCosts } from "../../domain/ranking/measured-output.ts";
import { runPriceFrom } from "../../domain/ranking/price-at-run.ts";
import { outputPriceHistory } from "./output-price-history.ts";

export interface CandidateConstraints extends OfferingConstraints {
  minCoverage: number;
  /** Cap on the blended USD per 1M tokens; applied when choosing, not when gathering. */
  maxPrice?: number;
}

export interface MeasuredCost {
  benchmark: string;
  setting: string;
  source: string;
  costUsd: string;
  asOf: string;
}

export interface TaskCandidate extends Candidate {
  displayName: string | null;
  openWeights: boolean | null;
  contextWindow: number | null;
  /** The model whose scores count, where an undated name pools with its dated snapshot. */
  scoredAs: string;
  components: QualityComponent[];
  missing: string[];
  offering: PricedModel["offering"];
  offerings: number;
  /** preview / ga / deprecated / retired at the date, with its origin; previews are ranked but flagged. */
  lifecycle: PricedModel["lifecycle"];
  /** Measured cost of benchmark runs (Aider, LiveBench, ...): reasoning models spend more output than a profile assumes. */
  measuredCosts: MeasuredCost[];
}

export interface CandidateSet {
  task: string;
  profile: TaskClass["profile"];
  asOf: string | null;
  /** Models with a USD price under the constraints, and models with a quality figure at the coverage bar. */
  priced: number;
  scored: number;
  candidates: TaskCandidate[];
}

/** Sellers named in constraints must exist: a typo would silently empty the answer. */
export async function checkProviders(db: Executor, constraints: Pick<OfferingConstraints, "providers" | "excludeProviders">): Promise<void> {
  const named = [...(constraints.providers ?? []), ...(constraints.excludeProviders ?? [])];
  if (named.length === 0) return;
  const known = new Set((await db.select({ id: providers.id }).from(providers).where(inArray(providers.id, named))).map((row) => row.id));
  const unknown = named.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const all = (await db.select({ id: providers.id }).from(providers)).map((row) => row.id).sort();
    throw new InvalidRequestError(`unknown provider${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; known providers: ${all.join(", ")}`);
  }
}

export async function taskCandidates(db: Executor, task: TaskClass, constraints: CandidateConstraints): Promise<CandidateSet> {
  const [priced, quality, modelIds] = await Promise.all([
    pricedModels(db, task.profile, constraints),
    taskQuality(db, task, { asOf: constraints.asOf, minCoverage: constraints.minCoverage, limit: Number.MAX_SAFE_INTEGER }),
    db.select({ id: models.id }).from(models),
  ]);
  const identity = snapshotIdentity(modelIds.map((row) => row.id));
  const qualityByModel = new Map(quality.models.map((entry) => [entry.model, entry]));
  const candidates: TaskCandidate[] = [];
  for (const price of priced.values()) {
    const scoredAs = scoringId(identity, price.model);
    const entry = qualityByModel.get(scoredAs);
    if (!entry) continue;
    candidates.push(candidateOf(price, entry, scoredAs, []));
  }
  await attachMeasuredCosts(db, task, candidates, constraints.asOf);
  const history = await outputPriceHistory(db, candidates.filter((candidate) => candidate.measuredCosts.length > 0).map((candidate) => candidate.model), constraints.asOf);
  return {
    task: task.id,
    profile: task.profile,
    asOf: constraints.asOf?.toISOString() ?? null,
    priced: priced.size,
    scored: quality.qualifying,
    // Cost per task: the scored setting's measured output size where a run cost is known.
    candidates: withMeasuredCallCosts(candidates, task.profile, runPriceFrom(history)),
  };
}

/** A priced model with its quality for the class (the view's path builds the same: src/market/priced-offers.ts). */
export function candidateOf(price: PricedModel, entry: ClassQuality, scoredAs: string, measuredCosts: MeasuredCost[]): TaskCandidate {
  return {
    model: price.model,
    displayName: price.displayName,
    openWeights: price.openWeights,
    contextWindow: price.contextWindow,
    scoredAs,
    quality: entry.quality,
    low: entry.low,
    high: entry.high,
    coverage: entry.coverage,
    components: entry.components,
    missing: entry.missing,
    callCost: price.callCost,
    blendedPerMillion: price.blendedPerMillion,
    offering: price.offering,
    offerings: price.offerings,
    lifecycle: price.lifecycle,
    measuredCosts,
  };
}

/** The columns of a benchmark run's measured cost (Aider, LiveBench, ...): read by ranking and by the market view. */
export const measuredCostColumns = {
  modelId: scorePeriods.modelId,
  benchmark: scorePeriods.benchmarkId,
  setting: scorePeriods.setting,
  source: scorePeriods.sourceId,
  costUsd: scorePeriods.costUsd,
  validFrom: scorePeriods.validFrom,
};

async function attachMeasuredCosts(db: Executor, task: TaskClass, candidates: TaskCandidate[], asOf?: Date): Promise<void> {
  const benchmarkIds = [...new Set(task.components.flatMap((component) => component.benchmarks))];
  const byModel = new Map<string, TaskCandidate[]>();
  for (const candidate of candidates) byModel.set(candidate.scoredAs, [...(byModel.get(candidate.scoredAs) ?? []), candidate]);
  for (const slice of slices([...byModel.keys()])) {
    const rows = await db
      .select(measuredCostColumns)
      .from(scorePeriods)
      .where(and(inArray(scorePeriods.modelId, slice), inArray(scorePeriods.benchmarkId, benchmarkIds), isNotNull(scorePeriods.costUsd), validAt(asOf)));
    for (const row of rows) {
      for (const candidate of byModel.get(row.modelId) ?? []) {
        candidate.measuredCosts.push({
          benchmark: row.benchmark,
          setting: row.setting,
          source: row.source,
          costUsd: row.costUsd!,
          asOf: row.validFrom.toISOString().slice(0, 10),
        });
      }
    }
  }
}

/**
 * The router's questions: best (which model for this task class, under my constraints),
 * pareto (the cost-quality frontier), simulate (a workload routed per class vs one model).
 * Answered from the market view (src/market) in memory; each answer carries the view's
 * data version, which is also its ETag.
 */
import { z } from "zod";
import type { CandidateConstraints } from "../../db/queries/ranking.ts";
import { rankBest } from "../../domain/ranking/best.ts";
import { paretoFrontier } from "../../domain/ranking/pareto.ts";
import { TASK_IDS, taskClassById } from "../../domain/tasks/catalogue.ts";
import type { MarketView } from "../../market/market-view.ts";
import { checkProvidersIn, taskCandidatesIn } from "../../market/priced-offers.ts";
import { requestView } from "../../market/request-view.ts";
import { simulateRouting } from "../../market/simulate-routing.ts";
import { InvalidRequestError } from "../errors.ts";
import { isoDateInput, modelInput, nameListInput } from "../inputs.ts";
import { requireModelId } from "../model-reference.ts";
import { publicProcedure } from "../trpc.ts";

const taskInput = z.enum(TASK_IDS).describe("task class id (see tasks.list)");
const share = z.number().min(0).max(1);

/** Constraints on which offerings and models may be chosen. */
export const constraintsInput = z.object({
  maxPrice: z.number().positive().optional().describe("cap on the blended price per 1M tokens under the class's token profile, in the ranking currency"),
  currency: z
    .enum(["USD", "CNY", "EUR"])
    .default("USD")
    .describe("rank the offerings priced in this currency, in it (no conversion); offerings in other currencies are left out"),
  openWeightsOnly: z.boolean().default(false),
  providers: nameListInput().optional().describe("only these sellers"),
  excludeProviders: nameListInput().optional().describe("never these sellers"),
  variants: nameListInput().optional().describe("offering variants a caller may use (default standard)"),
  minContext: z.number().int().positive().optional().describe("minimum context window in tokens"),
  sellers: z
    .enum(["default", "all"])
    .default("default")
    .describe("default: labs, clouds and established hosts; all: routers, resellers, gateways and free allowances too (named providers always count)"),
  regions: nameListInput().optional().describe('regions beyond global offerings, e.g. ["cn"] for China-only offerings'),
  includeSuspect: z.boolean().default(false).describe("rank offerings whose price is suspect (see sources.disagreements)"),
  includeWithdrawn: z.boolean().default(false).describe("rank deprecated and retired models too"),
  minCoverage: share.default(0).describe("minimum share of the class's benchmark weight with scores (default 0: few scores widen the interval instead)"),
  asOf: isoDateInput.optional().describe("use only prices and scores known at this date"),
});
type ConstraintsInput = z.infer<typeof constraintsInput>;

const points = z.number().min(0).max(100);
const barInput = {
  minQuality: points.optional().describe("absolute quality bar: expected score 0..100 on the class's benchmarks"),
  withinOfBest: points.optional().describe("at most this many points below the best model's quality, e.g. 3"),
  indistinguishable: z.boolean().optional().describe("statistically indistinguishable from the best (z-test at 5%)"),
  maxWidth: points.optional().describe("leave out models whose 95% quality interval is wider than this many points"),
};

function rejectContradictions(input: { minQuality?: number; withinOfBest?: number; indistinguishable?: boolean } & Partial<ConstraintsInput>): void {
  const bars = [input.minQuality !== undefined && "minQuality", input.withinOfBest !== undefined && "withinOfBest", input.indistinguishable && "indistinguishable"].filter(Boolean);
  if (bars.length > 1) throw new InvalidRequestError(`give one of minQuality, withinOfBest or indistinguishable, not ${bars.join(" and ")}`);
  const both = (input.providers ?? []).filter((provider) => input.excludeProviders?.includes(provider));
  if (both.length > 0) throw new InvalidRequestError(`providers and excludeProviders both name ${both.join(", ")}`);
}

function candidateConstraints(view: MarketView, input: ConstraintsInput): CandidateConstraints {
  checkProvidersIn(view, input);
  return { ...input };
}

export const bestProcedure = publicProcedure
  .input(
    constraintsInput.extend({
      task: taskInput,
      ...barInput,
      objective: z.enum(["cost", "quality"]).default("cost").describe("cost: cheapest meeting the bar; quality: best under the price cap"),
      limit: z.number().int().min(1).max(100).default(10),
    }),
  )
  .query(async ({ ctx, input }) => {
    rejectContradictions(input);
    const task = taskClassById(input.task)!;
    const view = await requestView(ctx, input.asOf);
    const set = taskCandidatesIn(view, task, candidateConstraints(view, input));
    const ranked = rankBest(set.candidates, input);
    return {
      version: view.version,
      ...set,
      objective: input.objective,
      barKind: ranked.barKind,
      bar: ranked.bar,
      rule: ranked.rule,
      best: ranked.best,
      bestQuality: ranked.bestQuality,
      eligible: set.candidates.length,
      candidates: ranked.candidates,
    };
  });

export const paretoProcedure = publicProcedure
  .input(constraintsInput.extend({ task: taskInput }))
  .query(async ({ ctx, input }) => {
    rejectContradictions(input);
    const task = taskClassById(input.task)!;
    const view = await requestView(ctx, input.asOf);
    const set = taskCandidatesIn(view, task, candidateConstraints(view, input));
    return { version: view.version, ...set, eligible: set.candidates.length, candidates: undefined, frontier: paretoFrontier(set.candidates) };
  });

const workloadItem = z
  .object({
    task: taskInput,
    share: z.number().positive().optional().describe("share of the monthly calls (normalised over the workload)"),
    tokens: z.number().positive().optional().describe("monthly tokens (input + output) of this class"),
    ...barInput,
  })
  .superRefine((item, context) => {
    if ((item.share === undefined) === (item.tokens === undefined)) {
      context.addIssue({ code: "custom", message: `${item.task}: give share or tokens (one of them)` });
    }
    if ([item.minQuality !== undefined, item.withinOfBest !== undefined, item.indistinguishable === true].filter(Boolean).length > 1) {
      context.addIssue({ code: "custom", message: `${item.task}: give at most one of minQuality, withinOfBest or indistinguishable (none: the default answer)` });
    }
  });

export const simulateProcedure = publicProcedure
  .input(
    constraintsInput.extend({
      workload: z.array(workloadItem).min(1).max(20),
      baseline: modelInput.optional().describe("the one model for everything (default: the best-quality current model over the workload)"),
      monthlyCalls: z.number().int().positive().default(1_000_000).describe("calls per month, split by the items' shares"),
    }),
  )
  .query(async ({ ctx, input }) => {
    rejectContradictions(input);
    const usesShares = input.workload.map((item) => item.share !== undefined);
    if (new Set(usesShares).size > 1) throw new InvalidRequestError("use share for every workload item or tokens for every item, not a mix");
    const view = await requestView(ctx, input.asOf);
    const constraints = candidateConstraints(view, input);
    const baseline = input.baseline ? await requireModelId(ctx, input.baseline) : undefined;
    return { version: view.version, ...simulateRouting(view, { workload: input.workload, baseline, monthlyCalls: input.monthlyCalls, constraints }) };
  });

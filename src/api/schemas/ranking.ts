/** Output schemas of `best`, `pareto` and `simulate`. */
import { z } from "zod";
import { confidence, currency, decimal, lifecycle, perMillion, qualityComponent, tokenProfile } from "./common.ts";

/** The offering a candidate would be bought through: the cheapest eligible seller of the model. */
const chosenOffering = z.object({
  provider: z.string(),
  variant: z.string(),
  region: z.string(),
  source: z.string(),
  currency: currency.describe("the currency of its prices and of the call cost (the request's currency, USD by default)"),
  input: perMillion.nullable(),
  output: perMillion.nullable(),
  cacheRead: perMillion.nullable(),
  observedAt: z.string().describe("ISO 8601 date-time of the price"),
  agreeingSources: z.array(z.string()),
  confidence,
  sellersOwn: z.boolean(),
  sellerKind: z.string(),
  firstParty: z.boolean(),
  suspectReasons: z.array(z.string()),
});

/** A model priced under the class's token profile, with its quality estimate. */
export const rankedCandidate = z.object({
  model: z.string(),
  displayName: z.string().nullable(),
  openWeights: z.boolean().nullable(),
  contextWindow: z.number().nullable(),
  scoredAs: z.string().describe("the setting whose scores were used"),
  quality: z.number().describe("expected score 0..100 on the class's benchmarks"),
  low: z.number().describe("lower end of the 95% interval"),
  high: z.number().describe("upper end of the 95% interval"),
  coverage: z.number(),
  components: z.array(qualityComponent),
  missing: z.array(z.string()),
  offering: chosenOffering,
  offerings: z.number().describe("eligible offerings of the model"),
  lifecycle,
  measuredCosts: z.array(z.object({ benchmark: z.string(), setting: z.string(), source: z.string(), costUsd: decimal, asOf: z.string() })),
  costBasis: z
    .object({
      kind: z.enum(["profile", "measured"]),
      outputTokens: z.number(),
      factor: z.number(),
      runs: z.array(
        z.object({
          benchmark: z.string(),
          setting: z.string(),
          source: z.string(),
          costUsd: decimal,
          asOf: z.string(),
          ratio: z.number(),
          outputPrice: decimal.describe("USD per 1M output tokens the run's cost was read at"),
          priceAt: z.enum(["run date", "current (no price in force at the run date)"]).describe("the offering's price in force at the run's date, or its current price when it had none then"),
        }),
      ),
      rule: z.string(),
    })
    .optional()
    .describe("how many output tokens a call is priced with: the class profile's, or scaled by the model's measured benchmark run costs"),
  callCost: decimal.describe("USD per call under the token profile"),
  blendedPerMillion: perMillion.describe("USD per 1M tokens under the token profile"),
});

/** The market view an answer was computed from (its ETag); absent where the view is not used yet. */
const viewVersion = z.string().optional().describe("version of the market data the answer was computed from");

const candidateSet = {
  version: viewVersion,
  task: z.string(),
  asOf: z.string().nullable(),
  profile: tokenProfile,
  priced: z.number().describe("models with an eligible price"),
  scored: z.number().describe("of those, models with a quality estimate"),
  eligible: z.number(),
};

export const bestOutput = z.object({
  ...candidateSet,
  objective: z.enum(["cost", "quality"]),
  barKind: z.enum(["default", "minQuality", "withinOfBest", "indistinguishable", "notWorseThan", "none"]),
  bar: z.number().nullable().describe("the quality a candidate must reach"),
  rule: z.string().describe("the bar in words"),
  best: z.object({ model: z.string(), quality: z.number(), low: z.number(), high: z.number() }).nullable(),
  bestQuality: z.number().nullable(),
  candidates: z.array(rankedCandidate.extend({ rank: z.number(), reason: z.string(), meetsBar: z.literal(true) })),
});

export const paretoOutput = z.object({
  ...candidateSet,
  frontier: z.array(rankedCandidate).describe("models no other is both cheaper and better than, cheapest first"),
});

const qualityEstimate = z.object({ quality: z.number(), low: z.number(), high: z.number() });

export const simulateOutput = z.object({
  version: viewVersion,
  monthlyCalls: z.number(),
  baseline: z.object({ model: z.string(), chosen: z.string().describe("given, or how it was chosen") }),
  lines: z.array(
    z.object({
      task: z.string(),
      calls: z.number(),
      // Always sent; optional because the line's declared type (domain/ranking/simulate.ts) does not carry them yet.
      barKind: z
        .enum(["default", "minQuality", "withinOfBest", "indistinguishable", "notWorseThan", "none"])
        .optional()
        .describe("the item's own bar, else notWorseThan: not significantly worse than the baseline in this class (default: the baseline has no quality here)"),
      bar: z.number().nullable().optional().describe("the quality bar of this class"),
      rule: z.string().optional().describe("the bar in words"),
      routedOffering: chosenOffering.nullable().optional().describe("the offering the class is routed to"),
      routed: qualityEstimate.extend({ model: z.string(), callCost: decimal }).nullable(),
      baseline: z.object({ model: z.string(), callCost: decimal.nullable(), quality: qualityEstimate.nullable() }),
      qualityDifference: z.number().nullable(),
      withinBaseline: z.boolean().nullable(),
      routedMonthly: decimal.nullable().describe("USD per month"),
      baselineMonthly: decimal.nullable().describe("USD per month"),
    }),
  ),
  routedMonthly: decimal.nullable(),
  baselineMonthly: decimal.nullable(),
  savingsFactor: z.number().nullable(),
  allWithinBaseline: z.boolean().nullable(),
});

/**
 * Summary, description and example input of every query procedure, and the description
 * and example of parameters shared by many (an operation's own entry wins). Every example
 * URL answers 200 on a filled database (test/api/openapi-contract.test.ts).
 */
import type { OperationDoc, ParameterDocs } from "../rest/operation-docs.ts";

export const SHARED_PARAMETERS: ParameterDocs = {
  model: { example: "openai/gpt-4o" },
  provider: { description: "seller id, e.g. openai, together, bedrock", example: "openai" },
  providers: { example: ["openai", "anthropic"] },
  excludeProviders: { example: ["openrouter"] },
  variants: { example: ["standard", "batch"] },
  regions: { example: ["cn"] },
  variant: { example: "standard" },
  currency: { description: "currency of the prices: USD, CNY or EUR", example: "USD" },
  source: { description: "source id (see sources.status), e.g. litellm, openrouter", example: "litellm" },
  benchmark: { example: "aider-polyglot" },
  creator: { description: "maker id, e.g. openai, meta, mistral", example: "openai" },
  search: { description: "part of the model id or display name", example: "gpt-4o" },
  openWeights: { description: "true: only open-weights models; false: only closed ones", example: true },
  openWeightsOnly: { description: "only models whose weights are published", example: false },
  limit: { description: "most rows to answer" },
  direction: { description: "cut, hike, mixed (some prices up, some down) or none (cache-only moves)", example: "cut" },
  kind: { description: "price change, new listing or delisting", example: "price" },
  groupBy: { description: "tier: frontier, mid and small models; providerKind: labs, hosts, clouds, aggregators", example: "tier" },
  status: { description: "held (default), released by review, confirmed by another source, or superseded", example: "held" },
  baseline: { example: "openai/gpt-4o" },
  task: { example: "coding" },
};

export const OPERATION_DOCS = {
  health: {
    summary: "Service health",
    description: "Database reachability and migrations, and each source's last run and staleness. Same report as /healthz, without the database location.",
  },
  best: {
    summary: "Best model for a task",
    description:
      "Models ranked for a task class: the cheapest meeting a quality bar (objective=cost) or the best under a price cap (objective=quality), each priced through its cheapest eligible offering under the class's token profile, with its quality estimate and 95% interval.",
    example: { task: "coding", maxPrice: 10 },
  },
  pareto: {
    summary: "Price-quality frontier of a task",
    description: "Models no other model beats on both price and quality for a task class, cheapest first.",
    example: { task: "coding" },
  },
  simulate: {
    summary: "Routing savings for a workload",
    description: "Monthly cost of routing each task class of a workload to its best model, against one baseline model for everything.",
    example: { workload: [{ task: "coding", share: 0.6 }, { task: "chat", share: 0.4 }], monthlyCalls: 100000 },
    parameters: { workload: "JSON array of {task, share or tokens, and at most one of minQuality, withinOfBest, indistinguishable}" },
  },
  "models.list": {
    summary: "List models",
    description: "Canonical models with their maker, release date, context window and number of priced offerings, filtered and paged.",
    example: { creator: "openai", limit: 20 },
  },
  "models.get": {
    summary: "One model",
    description: "A model with every name sources use for it, every seller's offering (with the seller-native id) and, for a floating name, its dated snapshots.",
    example: { model: "gpt-4o" },
  },
  "models.resolve": {
    summary: "Resolve a model name",
    description: "Maps a router's own model name to the canonical model (with the setting the name states), or answers null with the reason.",
    example: { name: "gpt-4o-2024-08-06" },
    parameters: { name: "a model name as a router or source writes it" },
  },
  "models.audit": {
    summary: "Catalogue audit",
    description: "Near-duplicate model ids, sellers taken as makers, settings stored as models, and the largest groups of unmatched names.",
    example: { limit: 5 },
  },
  "prices.current": {
    summary: "Current prices",
    description: "The consolidated current price of every matching offering (one per offering), with its sources, confidence and lifecycle, and the other sources' prices alongside.",
    example: { model: "gpt-4o", provider: "openai" },
  },
  "prices.history": {
    summary: "Price history of a model",
    description:
      "A model's (or one offering's) price periods from every source, newest first (valid_from descending, then period id), one page at a time: `limit` periods (default 100, at most 1000); the answer's `nextCursor`, passed back as `cursor`, gives the next older page, null on the last. A cursor the API did not give is refused with 400.",
    example: { model: "gpt-4o", provider: "openai", limit: 50 },
  },
  "prices.at": {
    summary: "Prices at a date",
    description: "Prices as they stood at a date: only the periods valid then.",
    example: { model: "gpt-4o", date: "2024-11-12" },
  },
  "pricewar.changes": {
    summary: "Price changes",
    description: "Price cuts and hikes, listings and delistings, newest first.",
    example: { direction: "cut", limit: 20 },
  },
  "pricewar.spread": {
    summary: "Seller spread of a model",
    description: "The spread of a model's price between sellers (min, median, max blended price, cheapest seller) at each date of a series.",
    example: { model: "meta/llama-3.1-70b-instruct" },
  },
  "pricewar.undercuts": {
    summary: "Undercuts",
    description: "Sellers going below the cheapest other seller of a model, newest first.",
    example: { limit: 20 },
  },
  "pricewar.index": {
    summary: "Price indices",
    description: "Chained price indices at month-ends by model tier (with the frontier/small gap) or by kind of seller.",
    example: { groupBy: "tier" },
  },
  "pricewar.cutsPerMonth": {
    summary: "Price moves per month",
    description: "Price cuts, hikes, mixed and cache-only moves per month, each offering counted once per month and direction.",
  },
  "pricewar.costOfCapability": {
    summary: "Cost of a capability over time",
    description: "The cheapest model meeting a benchmark threshold at each month-end, and the fitted yearly decline of that price.",
    example: { benchmark: "aider-polyglot", threshold: 50 },
  },
  "pricewar.capabilityThresholds": {
    summary: "Default capability thresholds",
    description: "The reviewed default thresholds of costOfCapability, each with the reason for its score.",
  },
  "sources.status": {
    summary: "Source status",
    description: "Every source with its schedule, last run, last success, and the share of its names resolved to a model.",
  },
  "sources.health": {
    summary: "Source status (alias)",
    description: "The same answer as sources.status.",
  },
  "sources.disagreements": {
    summary: "Price disagreements between sources",
    description: "Offerings whose current prices differ between sources by more than minDifference (default 1%), and offerings whose consolidated price is suspect.",
    example: { minDifference: 0.1, limit: 20 },
  },
  "sources.suspect": {
    summary: "Suspect prices",
    description: "Offerings whose current price is suspect (cache read above input, output below a twentieth of input, far from two other sources' consensus), with the consensus. Ranking leaves them out unless their seller is named.",
    example: { limit: 20 },
  },
  "sources.unmatched": {
    summary: "Unmatched names",
    description: "Names no model matched: the newest, and their count per source and reason.",
    example: { source: "openrouter", limit: 20 },
  },
  "sources.quarantine": {
    summary: "Quarantined prices",
    description: "Prices the integrity gate held back (e.g. a 10x jump), with the reason, newest first.",
    example: { status: "held" },
  },
  "benchmarks.list": {
    summary: "List benchmarks",
    description: "Every benchmark with its source, scale, and how many models have a current score on it.",
  },
  "benchmarks.scores": {
    summary: "Benchmark scores",
    description: "Score rows (setting, source, as-of date) of a model, a benchmark, or both; current, or valid at a date.",
    example: { benchmark: "aider-polyglot", limit: 20 },
  },
  "tasks.list": {
    summary: "Task classes",
    description: "The task catalogue: each class's benchmarks with their weights and reasons, and its token profile.",
  },
  "tasks.quality": {
    summary: "Model quality for a task",
    description: "Models ranked by expected score on a task class's benchmarks (0..100 with a 95% interval), with every component, now or at a date.",
    example: { task: "coding", limit: 10 },
  },
} satisfies Record<string, OperationDoc>;

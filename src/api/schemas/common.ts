/**
 * Building blocks of the procedures' output schemas. They document answers (OpenAPI,
 * generated clients); the types the procedures return are checked against them at
 * compile time (test/api/output-schemas.test.ts) and their JSON answers at run time.
 */
import { z } from "zod";

/** A Date in the procedure; an ISO 8601 string in JSON (the OpenAPI document says `format: date-time`). */
export const timestamp = z.date().describe("ISO 8601 date-time");

/** Exact decimals travel as strings so no price loses a digit. */
export const decimal = z.string().describe("exact decimal as a string");

/** A price per 1M tokens as an exact decimal string, in the row's currency (USD unless stated). */
export const perMillion = z.string().describe("price per 1M tokens, exact decimal string");

export const currency = z.enum(["USD", "CNY", "EUR"]);

export const lifecycleStage = z.enum(["preview", "ga", "deprecated", "retired"]);

/** Where a model stands in its life: preview, generally available, deprecated or retired, and what comes next. */
export const lifecycle = z.object({
  stage: lifecycleStage,
  basis: z.enum(["name", "source", "delisted", "reviewed", "assumed"]).describe("what the stage rests on"),
  seller: z.string().nullable().describe("the seller whose offering the stage concerns, when not the model's own"),
  since: z.string().nullable().describe("when the stage began (ISO 8601)"),
  origin: z.string().describe("who says so: a source id or a reviewed override"),
  note: z.string().nullable(),
  next: z.object({ stage: lifecycleStage, from: z.string() }).nullable().describe("an announced next stage and its date"),
  pointsTo: z.object({ model: z.string(), since: z.string(), origin: z.string() }).nullable().describe("for a floating name: the dated snapshot it points to"),
});

/** Per-token prices of one offering (USD per 1M tokens unless `currency` says otherwise). */
export const priceFields = {
  input: perMillion.nullable(),
  output: perMillion.nullable(),
  cacheRead: perMillion.nullable(),
  cacheWrite: perMillion.nullable(),
  cacheWrite1h: perMillion.nullable(),
};

/** A long-context tier: prices from `minInputTokens` up. */
export const priceTier = z.object({
  minInputTokens: z.number(),
  input: perMillion.nullable(),
  output: perMillion.nullable(),
  cacheRead: perMillion.nullable(),
  cacheWrite: perMillion.nullable(),
});

/** The token profile a task class prices calls with. */
export const tokenProfile = z.object({
  inputTokens: z.number(),
  outputTokens: z.number(),
  cachedShare: z.number().describe("share of input tokens read from cache, 0..1"),
  why: z.string(),
});

/** One benchmark score behind a model's quality estimate. */
export const qualityComponent = z.object({
  component: z.string(),
  item: z.string(),
  benchmark: z.string(),
  weight: z.number(),
  source: z.string(),
  rawName: z.string(),
  setting: z.string(),
  scale: z.string(),
  rawScore: decimal,
  normalised: z.number().describe("score on a 0..100 scale"),
  asOf: z.string(),
});

export const confidence = z.enum(["high", "medium", "low"]);
export const providerKind = z.enum(["unknown", "lab", "host", "cloud", "aggregator", "reference"]);
export const authority = z.enum(["aggregator", "first-party", "community"]);
export const scoreScale = z.enum(["index", "percent", "fraction", "elo"]);
export const modelTier = z.enum(["small", "frontier", "mid"]);

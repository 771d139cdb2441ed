/**
 * What a parser hands to the rest of the system. Every scraper's pure parse() returns
 * these; everything downstream (resolution, history, ranking) reads only these shapes.
 * Prices are per 1M tokens in `currency`, as canonical decimal strings (see money.ts):
 * null means unknown, "0" means free.
 */
import { z } from "zod";

const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, "canonical decimal string");
const nullableAmount = decimalString.nullable();
const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

export const currencySchema = z.enum(["USD", "CNY", "EUR"]);

/** A price that applies once the prompt exceeds `minInputTokens` (long-context tiers). */
export const contextTierSchema = z.object({
  minInputTokens: z.number().int().positive(),
  input: nullableAmount,
  output: nullableAmount,
  cacheRead: nullableAmount.default(null),
  cacheWrite: nullableAmount.default(null),
});

/** Facts about the model a source states alongside a price or score; used to fill the catalogue. */
export const modelHintsSchema = z.object({
  displayName: z.string().nullish(),
  creator: z.string().nullish(),
  family: z.string().nullish(),
  releaseDate: z.iso.date().nullish(),
  openWeights: z.boolean().nullish(),
  contextWindow: z.number().int().positive().nullish(),
  maxOutputTokens: z.number().int().positive().nullish(),
  parameters: z.string().nullish(),
});

/**
 * A lifecycle stage a price source states for its offering: OpenRouter's expiration_date
 * (retired from that date, deprecated until then), models.dev's status (deprecated, or
 * beta/alpha read as preview). `from` is the date the source gives, if any.
 */
export const lifecycleSignalSchema = z.object({
  stage: z.enum(["preview", "deprecated", "retired"]),
  from: z.iso.date().nullish(),
  note: z.string().min(1),
});
export type LifecycleSignal = z.infer<typeof lifecycleSignalSchema>;

export const priceObservationSchema = z.object({
  /** Seller id from the provider catalogue (providers.ts), e.g. "openai", "bedrock", "together". */
  provider: z.string().min(1),
  /** The model name exactly as the source writes it (the alias key). */
  model: z.string().min(1),
  /**
   * The exact id the seller's API expects for this model (claude-sonnet-4-5-20250929 at
   * Anthropic, anthropic.claude-sonnet-4-5-20250929-v1:0 at Bedrock), where the source knows it.
   */
  nativeId: z.string().min(1).nullish(),
  /** standard | batch | flex | priority | free | ... (see variants.ts). */
  variant: z.string().min(1).default("standard"),
  /** Cloud region where the price is regional (Bedrock, Vertex), else "". */
  region: z.string().default(""),
  currency: currencySchema.default("USD"),
  input: nullableAmount,
  output: nullableAmount,
  cacheRead: nullableAmount.default(null),
  /** 5-minute (default) cache write. */
  cacheWrite: nullableAmount.default(null),
  /** 1-hour cache write where the seller prices it apart (Anthropic). */
  cacheWrite1h: nullableAmount.default(null),
  tiers: z.array(contextTierSchema).default([]),
  /** For sources that carry their own dated history (genai-prices, llm-prices). */
  validFrom: isoDate.nullish(),
  validTo: isoDate.nullish(),
  hints: modelHintsSchema.default({}),
  /** The offering's lifecycle as the source states it (src/db/queries/lifecycle-signals.ts records it). */
  lifecycle: lifecycleSignalSchema.nullish(),
});

export const scoreObservationSchema = z.object({
  /** Benchmark id from the benchmark catalogue, e.g. "aider-polyglot", "lmarena-text". */
  benchmark: z.string().min(1),
  model: z.string().min(1),
  /** Reasoning effort, thinking budget, edit format... where the source states one. */
  setting: z.string().nullable().default(null),
  score: z.number(),
  /** percent (0-100), fraction (0-1), elo, index (source-specific scale). */
  scale: z.enum(["percent", "fraction", "elo", "index"]),
  ciLower: z.number().nullable().default(null),
  ciUpper: z.number().nullable().default(null),
  votes: z.number().int().nonnegative().nullable().default(null),
  asOf: z.iso.date(),
  /** Measured cost of the benchmark run in USD, where the source reports one (null = unknown). */
  costUsd: nullableAmount.default(null),
  hints: modelHintsSchema.default({}),
});

export type ContextTier = z.infer<typeof contextTierSchema>;
export type ModelHints = z.infer<typeof modelHintsSchema>;
export type PriceObservation = z.infer<typeof priceObservationSchema>;
export type PriceObservationInput = z.input<typeof priceObservationSchema>;
export type ScoreObservation = z.infer<typeof scoreObservationSchema>;
export type ScoreObservationInput = z.input<typeof scoreObservationSchema>;

/** An entry of the payload that the parser recognised and deliberately did not turn into an observation. */
export interface SkippedEntry {
  name: string;
  reason: string;
}

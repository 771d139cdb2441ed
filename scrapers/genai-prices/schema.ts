/**
 * The parts of pydantic/genai-prices `prices/data.json` this parser reads, checked with zod.
 * Every amount is USD per 1M tokens (`*_mtok`). Object schemas keep unknown keys so that a
 * model priced only in fields we do not read (audio, image, requests) is told apart from
 * a model with no price at all (`{}`).
 */
import { z } from "zod";

const amount = z.number().nonnegative();

/** "Cliff" pricing: once the prompt exceeds `start` input tokens, `price` applies to all tokens of that kind. */
const tieredAmountSchema = z.object({
  base: amount,
  tiers: z.array(z.object({ start: z.number().int().positive(), price: amount })),
});

const priceValueSchema = z.union([amount, tieredAmountSchema]);

/** Text-token fields only; audio/image/video tokens, web searches and per-request fees are not token prices of the model. */
export const modelPriceSchema = z.looseObject({
  input_mtok: priceValueSchema.optional(),
  output_mtok: priceValueSchema.optional(),
  cache_read_mtok: priceValueSchema.optional(),
  cache_write_mtok: priceValueSchema.optional(),
  cache_write_1h_mtok: priceValueSchema.optional(),
});

/** Upstream declares both constraint kinds with additionalProperties false: any other shape is a format change. */
const startDateConstraintSchema = z.strictObject({ start_date: z.iso.date() });
const timeOfDayConstraintSchema = z.strictObject({ start_time: z.string().min(1), end_time: z.string().min(1) });

const conditionalPriceSchema = z.object({
  constraint: z.union([startDateConstraintSchema, timeOfDayConstraintSchema]).optional(),
  prices: modelPriceSchema,
});

export const modelSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).optional(),
  context_window: z.number().int().positive().optional(),
  prices: z.union([modelPriceSchema, z.array(conditionalPriceSchema).min(1)]),
});

/** Models are checked one by one (see parse.ts) so an error names the model it is about. */
export const dataFileSchema = z
  .array(z.object({ id: z.string().min(1), models: z.array(z.unknown()) }))
  .min(1, "no providers");

export const modelIdSchema = z.object({ id: z.string() });

export type TieredAmount = z.infer<typeof tieredAmountSchema>;
export type PriceValue = z.infer<typeof priceValueSchema>;
export type ModelPrice = z.infer<typeof modelPriceSchema>;
export type ConditionalPrice = z.infer<typeof conditionalPriceSchema>;
export type GenaiModel = z.infer<typeof modelSchema>;


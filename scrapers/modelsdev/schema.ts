/**
 * The parts of models.dev's compiled api.json this scraper reads:
 * `{ <providerId>: { id, name, models: { <modelId>: { cost?, limit, modalities, ... } } } }`.
 * Amounts are USD per 1M tokens as JSON numbers. Extra keys are tolerated.
 */
import { z } from "zod";

const usdPerMillion = z.number();

const priceSetSchema = z.object({
  input: usdPerMillion,
  output: usdPerMillion,
  cache_read: usdPerMillion.optional(),
  cache_write: usdPerMillion.optional(),
});

const contextTierSchema = priceSetSchema.extend({
  tier: z.object({ type: z.literal("context"), size: z.number().int().positive() }),
});

const costSchema = priceSetSchema.extend({
  tiers: z.array(contextTierSchema).optional(),
  context_over_200k: priceSetSchema.optional(),
});

const modelSchema = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  family: z.string().nullish(),
  release_date: z.string().nullish(),
  open_weights: z.boolean().nullish(),
  limit: z.object({ context: z.number().nullish(), output: z.number().nullish() }).nullish(),
  modalities: z.object({ output: z.array(z.string()) }).nullish(),
  cost: costSchema.optional(),
  /** deprecated, beta, alpha, ... where the provider flags the model. */
  status: z.string().nullish(),
});

const providerSchema = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  models: z.record(z.string(), modelSchema),
});

export const apiJsonSchema = z.record(z.string(), providerSchema);

export type ModelsDevPriceSet = z.infer<typeof priceSetSchema>;
export type ModelsDevCost = z.infer<typeof costSchema>;
export type ModelsDevModel = z.infer<typeof modelSchema>;

/**
 * The parts of OpenRouter's API responses this scraper reads, validated with zod and
 * tolerant of extra keys. Prices are USD per token as decimal strings ("0.0000025").
 */
import { z } from "zod";

const perTokenString = z.string().min(1);

/** A long-context tier: these prices apply once the prompt has at least `min_prompt_tokens`. */
const pricingOverrideSchema = z.object({
  min_prompt_tokens: z.number().int().positive(),
  prompt: perTokenString,
  completion: perTokenString,
  input_cache_read: perTokenString.optional(),
  input_cache_write: perTokenString.optional(),
});

export const pricingSchema = z.object({
  prompt: perTokenString,
  completion: perTokenString,
  input_cache_read: perTokenString.optional(),
  input_cache_write: perTokenString.optional(),
  input_cache_write_1h: perTokenString.optional(),
  overrides: z.array(pricingOverrideSchema).optional(),
});

/** One entry of `GET /api/v1/models`. */
export const modelEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  created: z.number().nullish(),
  context_length: z.number().nullish(),
  hugging_face_id: z.string().nullish(),
  top_provider: z.object({ max_completion_tokens: z.number().nullish() }).nullish(),
  alias_target: z.object({ slug: z.string() }).nullish(),
  /** The date OpenRouter stops serving the model, when one is announced. */
  expiration_date: z.string().nullish(),
  pricing: pricingSchema,
});

/** The live response is `{"data": [...]}`; some recorders keep only the array, read as if wrapped. */
export const modelListSchema = z.preprocess(
  (raw) => (Array.isArray(raw) ? { data: raw } : raw),
  z.object({ data: z.array(modelEntrySchema) }),
);

/** One provider endpoint of `GET /api/v1/models/{author}/{slug}/endpoints` (PublicEndpoint in OpenRouter's OpenAPI). */
const endpointSchema = z.object({
  provider_name: z.string().min(1),
  tag: z.string().nullish(),
  context_length: z.number().nullish(),
  max_completion_tokens: z.number().nullish(),
  pricing: pricingSchema,
});

export const endpointListSchema = z.object({
  data: z.object({
    id: z.string().min(1),
    name: z.string(),
    created: z.number().nullish(),
    endpoints: z.array(endpointSchema),
  }),
});

export type OpenRouterPricing = z.infer<typeof pricingSchema>;
export type OpenRouterModelEntry = z.infer<typeof modelEntrySchema>;

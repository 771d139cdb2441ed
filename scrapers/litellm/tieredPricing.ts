/**
 * `tiered_pricing` (Dashscope, Volcengine): an array of `{range: [lo, hi], *_cost_per_token}`.
 * LiteLLM bills a whole request at the one tier whose range holds its input size,
 * `lo < input <= hi` (litellm_core_utils/llm_cost_calc/tiered_pricing.py), so the tier that
 * starts at 0 is the base price and every other tier applies once the prompt exceeds its
 * `lo`: exactly our minInputTokens. The upper bound of the last tier is the context limit.
 */
import { z } from "zod";
import { perTokenToPerMillion } from "../../src/domain/money.ts";
import { PayloadError } from "../source.ts";
import type { ComponentPrices, VariantPrices } from "./priceFields.ts";
import { LITELLM_SOURCE_ID } from "./sourceId.ts";

const rangeTierSchema = z.object({
  range: z.tuple([z.number().nonnegative(), z.number().positive()]),
  input_cost_per_token: z.number(),
  output_cost_per_token: z.number(),
  cache_read_input_token_cost: z.number().optional(),
  cache_creation_input_token_cost: z.number().optional(),
});

const tieredPricingSchema = z.array(rangeTierSchema).min(1);

/** The standard-variant prices an entry's `tiered_pricing` states (it replaces the flat fields, as in LiteLLM's own cost calculator). */
export function readTieredPricing(entryName: string, raw: unknown): VariantPrices {
  const parsed = tieredPricingSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PayloadError(LITELLM_SOURCE_ID, `"${entryName}".tiered_pricing is not a list of token-priced ranges: ${z.prettifyError(parsed.error)}`);
  }
  const [first, ...rest] = [...parsed.data].sort((a, b) => a.range[0] - b.range[0]);
  if (!first || first.range[0] !== 0) {
    throw new PayloadError(LITELLM_SOURCE_ID, `"${entryName}".tiered_pricing has no range starting at 0 tokens`);
  }
  return {
    base: componentsOf(first),
    tiers: new Map(rest.map((tier) => [tier.range[0], componentsOf(tier)])),
  };
}

function componentsOf(tier: z.infer<typeof rangeTierSchema>): ComponentPrices {
  const prices: ComponentPrices = {
    input: perTokenToPerMillion(tier.input_cost_per_token),
    output: perTokenToPerMillion(tier.output_cost_per_token),
  };
  if (tier.cache_read_input_token_cost !== undefined) prices.cacheRead = perTokenToPerMillion(tier.cache_read_input_token_cost);
  if (tier.cache_creation_input_token_cost !== undefined) prices.cacheWrite = perTokenToPerMillion(tier.cache_creation_input_token_cost);
  return prices;
}

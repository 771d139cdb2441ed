/**
 * LiteLLM encodes the service class and the long-context tier of a token price in the
 * field name: `<component>[_above_<N>k_tokens][_<batches|priority|flex>]`, e.g.
 * `cache_read_input_token_cost_above_200k_tokens_priority`. This module reads every such
 * field of one entry into prices per variant, each with its context tiers.
 */
import { perTokenToPerMillion, type DecimalString } from "../../src/domain/money.ts";
import { PayloadError } from "../source.ts";
import { LITELLM_SOURCE_ID } from "./sourceId.ts";
import { previewValue } from "../lib/preview-value.ts";

export type PriceComponent = "input" | "output" | "cacheRead" | "cacheWrite" | "cacheWrite1h";
export type ComponentPrices = Partial<Record<PriceComponent, DecimalString>>;

export interface VariantPrices {
  base: ComponentPrices;
  /** Keyed by minInputTokens. */
  tiers: Map<number, ComponentPrices>;
}

const PRICE_FIELD =
  /^(input_cost_per_token_cache_hit|cache_creation_input_token_cost_above_1hr|input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)(?:_above_(\d+)k_tokens)?(?:_(batches|priority|flex))?$/;

const COMPONENT_OF_FIELD: Record<string, PriceComponent> = {
  input_cost_per_token: "input",
  output_cost_per_token: "output",
  cache_read_input_token_cost: "cacheRead",
  input_cost_per_token_cache_hit: "cacheRead",
  cache_creation_input_token_cost: "cacheWrite",
  cache_creation_input_token_cost_above_1hr: "cacheWrite1h",
};

/** The older DeepSeek spelling of a cache hit: used only where cache_read_input_token_cost is absent. */
const FALLBACK_FIELDS = new Set(["input_cost_per_token_cache_hit"]);

const VARIANT_OF_SUFFIX: Record<string, string> = { batches: "batch", priority: "priority", flex: "flex" };

export function isTokenPriceField(field: string): boolean {
  return PRICE_FIELD.test(field);
}

/** Every token-price field of an entry, grouped by variant ("standard" for unsuffixed fields). */
export function readTokenPriceFields(entryName: string, entry: Readonly<Record<string, unknown>>): Map<string, VariantPrices> {
  const variants = new Map<string, VariantPrices>();
  for (const [field, value] of Object.entries(entry)) {
    const match = PRICE_FIELD.exec(field);
    if (!match) continue;
    const [, baseField = "", thousands, suffix] = match;
    if (typeof value !== "number") {
      throw new PayloadError(LITELLM_SOURCE_ID, `"${entryName}".${field} is ${previewValue(value)}, expected a number of USD per token`);
    }
    const component = COMPONENT_OF_FIELD[baseField];
    if (!component) continue;
    const variantName = suffix ? (VARIANT_OF_SUFFIX[suffix] ?? suffix) : "standard";
    const variant = variants.get(variantName) ?? { base: {}, tiers: new Map<number, ComponentPrices>() };
    variants.set(variantName, variant);
    const target = thousands === undefined ? variant.base : tierOf(variant, Number(thousands) * 1000);
    if (FALLBACK_FIELDS.has(baseField) && target[component] !== undefined) continue;
    target[component] = perTokenToPerMillion(value);
  }
  return variants;
}

function tierOf(variant: VariantPrices, minInputTokens: number): ComponentPrices {
  const existing = variant.tiers.get(minInputTokens);
  if (existing) return existing;
  const created: ComponentPrices = {};
  variant.tiers.set(minInputTokens, created);
  return created;
}

/**
 * Current prices in LiteLLM's cost-map format (model_prices_and_context_window.json), keyed
 * the way LiteLLM looks models up: every key LiteLLM's own newest map gives an offering we
 * price, then the seller-native id of every other offering in LiteLLM's spelling
 * (litellm-keys.ts). Pure: rows in, map out.
 *
 * Each entry carries LiteLLM's `litellm_provider`, and the mode, limits and `supports_*` flags
 * where a source states them (LiteLLM's entry for the offering, over models.dev's flags and
 * the model's limits).
 * Prices are ours: USD per token as JSON numbers, each the exact per-1M decimal divided by
 * 10^6 in the shortest spelling that reads back to the same value. Service tiers ride on the
 * standard entry as *_batches / *_priority / *_flex fields, context tiers as
 * *_above_<N>k_tokens. Only fields LiteLLM's schema test allows are written
 * (litellm-entry-schema.ts), so a tier threshold it has no field for is left out.
 */
import { Decimal } from "decimal.js";
import type { ContextTier } from "../../domain/observation.ts";
import { LITELLM_ENTRY_FIELDS } from "./litellm-entry-schema.ts";
import { litellmKeyFor, litellmProviderFor } from "./litellm-keys.ts";
import { offeringKey, type LitellmEntry, type LitellmName } from "./litellm-names.ts";
import type { CapabilityFlags } from "./models-dev-capabilities.ts";

export interface FeedPrice {
  provider: string;
  model: string;
  variant: string;
  region: string;
  currency: string;
  input: string | null;
  output: string | null;
  cacheRead: string | null;
  cacheWrite: string | null;
  cacheWrite1h: string | null;
  tiers: ContextTier[];
  contextWindow: number | null;
  maxOutputTokens: number | null;
  /** The id the seller's API expects, where a source stated it. */
  nativeId: string | null;
}

export type LitellmFeedEntry = Record<string, unknown>;
export type LitellmFeed = Record<string, LitellmFeedEntry>;

export interface LitellmFeedInput {
  prices: readonly FeedPrice[];
  /** LiteLLM's own keys for our offerings (litellm-names.ts); empty when no LiteLLM map is stored. */
  names: readonly LitellmName[];
  /** supports_* flags other sources state, by offering key (models-dev-capabilities.ts); LiteLLM's own win. */
  capabilities?: ReadonlyMap<string, CapabilityFlags>;
}

const SERVICE_TIER_SUFFIX: Readonly<Record<string, string>> = { batch: "_batches", priority: "_priority", flex: "_flex" };

function perToken(perMillion: string | null): number | undefined {
  return perMillion === null ? undefined : new Decimal(perMillion).dividedBy(1_000_000).toNumber();
}

function tierLabel(minInputTokens: number): string {
  return minInputTokens % 1000 === 0 ? `${minInputTokens / 1000}k` : String(minInputTokens);
}

function priceFields(price: FeedPrice, suffix: string): Record<string, number> {
  const fields: Record<string, number | undefined> = {
    [`input_cost_per_token${suffix}`]: perToken(price.input),
    [`output_cost_per_token${suffix}`]: perToken(price.output),
    [`cache_read_input_token_cost${suffix}`]: perToken(price.cacheRead),
    [`cache_creation_input_token_cost${suffix}`]: perToken(price.cacheWrite),
    [`cache_creation_input_token_cost_above_1hr${suffix}`]: perToken(price.cacheWrite1h),
  };
  for (const tier of price.tiers) {
    const above = `_above_${tierLabel(tier.minInputTokens)}_tokens`;
    fields[`input_cost_per_token${above}${suffix}`] = perToken(tier.input);
    fields[`output_cost_per_token${above}${suffix}`] = perToken(tier.output);
    fields[`cache_read_input_token_cost${above}${suffix}`] = perToken(tier.cacheRead);
    fields[`cache_creation_input_token_cost${above}${suffix}`] = perToken(tier.cacheWrite);
  }
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, number] => entry[1] !== undefined && LITELLM_ENTRY_FIELDS.has(entry[0])),
  );
}

/** A price field of LiteLLM's format: ours replace LiteLLM's, the rest of its entry stays. */
export function isPriceField(field: string): boolean {
  return field.includes("cost") || field.includes("multiplier") || field === "tiered_pricing" || field === "off_peak_pricing";
}

/** LiteLLM's facts about a model that are not prices: mode, limits, supports_* flags, deprecation, endpoints... */
function descriptionOf(entry: LitellmEntry | undefined): LitellmFeedEntry {
  if (!entry) return {};
  return Object.fromEntries(
    Object.entries(entry).filter(([field]) => LITELLM_ENTRY_FIELDS.has(field) && !isPriceField(field) && field !== "source" && field !== "metadata"),
  );
}

function limitsOf(price: FeedPrice): LitellmFeedEntry {
  return {
    ...(price.contextWindow ? { max_input_tokens: price.contextWindow } : {}),
    // LiteLLM's max_tokens is the legacy name of max_output_tokens.
    ...(price.maxOutputTokens ? { max_output_tokens: price.maxOutputTokens, max_tokens: price.maxOutputTokens } : {}),
  };
}

function usable(price: FeedPrice): boolean {
  return price.currency === "USD" && price.input !== null && price.output !== null;
}

export function buildLitellmFeed({ prices, names, capabilities = new Map() }: LitellmFeedInput): LitellmFeed {
  const priced = prices.filter(usable);
  const byOffering = new Map(priced.map((price) => [offeringKey(price), price]));
  const namesByOffering = new Map<string, LitellmName[]>();
  for (const name of names) {
    const key = offeringKey(name.offering);
    namesByOffering.set(key, [...(namesByOffering.get(key) ?? []), name]);
  }

  /** The service-tier prices of a standard offering, as suffixed fields. */
  const serviceTierFields = (price: FeedPrice): Record<string, number> => {
    if (price.variant !== "standard") return {};
    const fields: Record<string, number> = {};
    for (const [variant, suffix] of Object.entries(SERVICE_TIER_SUFFIX)) {
      const tier = byOffering.get(offeringKey({ ...price, variant }));
      if (tier) Object.assign(fields, priceFields(tier, suffix));
    }
    return fields;
  };

  const entryFor = (price: FeedPrice, litellmEntry: LitellmEntry | undefined, litellmProvider: string): LitellmFeedEntry => {
    const entry: LitellmFeedEntry = {
      ...limitsOf(price),
      ...capabilities.get(offeringKey(price)),
      ...descriptionOf(litellmEntry),
      litellm_provider: litellmProvider,
      ...priceFields(price, ""),
      ...serviceTierFields(price),
    };
    // LiteLLM's tests hold max_tokens (legacy) equal to max_output_tokens.
    if (entry.max_output_tokens !== undefined) entry.max_tokens = entry.max_output_tokens;
    return entry;
  };

  const feed: LitellmFeed = {};
  // LiteLLM's own keys first: they are exactly what LiteLLM looks up.
  for (const name of names) {
    const price = byOffering.get(offeringKey(name.offering));
    const provider = name.entry.litellm_provider;
    if (!price || typeof provider !== "string") continue;
    feed[name.key] = entryFor(price, name.entry, provider);
  }
  // Then every other offering under its seller-native id; service tiers ride on the standard entry.
  for (const price of priced) {
    if (price.variant !== "standard") continue;
    const key = litellmKeyFor(price);
    const provider = litellmProviderFor(price.provider, price.model);
    if (key === null || provider === null || key in feed) continue;
    const sibling = namesByOffering.get(offeringKey(price))?.[0]?.entry;
    feed[key] = entryFor(price, sibling, provider);
  }
  return Object.fromEntries(Object.entries(feed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

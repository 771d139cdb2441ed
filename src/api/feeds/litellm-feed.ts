/**
 * Current prices in LiteLLM's cost-map format (model_prices_and_context_window.json), so
 * LiteLLM can load pricewar's consolidated prices from a URL. Pure: rows in, map out.
 * LiteLLM reads USD per token as JSON numbers; each number is the exact per-1M decimal
 * divided by 10^6, written with the shortest spelling that reads back to the same value.
 * Service tiers ride on the standard entry as LiteLLM's *_batches / *_priority / *_flex
 * fields; context tiers as *_above_<N>k_tokens. Other variants (free, thinking, fast...)
 * have no place in LiteLLM's format and are left out, as are non-USD prices and regions
 * LiteLLM cannot spell (see litellmKey).
 */
import { Decimal } from "decimal.js";
import type { ContextTier } from "../../domain/observation.ts";

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
}

/** Our seller ids where LiteLLM spells them differently. */
const LITELLM_PROVIDER: Record<string, string> = {
  google: "gemini",
  vertex: "vertex_ai",
  together: "together_ai",
  fireworks: "fireworks_ai",
  azure: "azure",
  "github-models": "github",
  nvidia: "nvidia_nim",
  cloudflare: "cloudflare",
  vercel: "vercel_ai_gateway",
};

const SERVICE_TIER_SUFFIX: Record<string, string> = { batch: "_batches", priority: "_priority", flex: "_flex" };

export function litellmProviderOf(provider: string): string {
  return LITELLM_PROVIDER[provider] ?? provider.replace(/-/g, "_");
}

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
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, number] => entry[1] !== undefined));
}

const BEDROCK_GEOGRAPHY = /^(us|eu|apac|au|jp|ca|global|us-gov)$/;
const BEDROCK_REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d+$/;
const AZURE_ZONE = /^(us|eu|global|global-standard)$/;

/**
 * The key LiteLLM routes by, or null where LiteLLM has no spelling for the region:
 * "<provider>/<model>", Bedrock "<geography>.<model>" and "bedrock/<aws-region>/<model>",
 * Azure "azure/<zone>/<model>".
 */
export function litellmKey(price: Pick<FeedPrice, "provider" | "model" | "region">): string | null {
  const name = price.model.slice(price.model.indexOf("/") + 1);
  const provider = litellmProviderOf(price.provider);
  if (!price.region) return `${provider}/${name}`;
  if (price.provider === "bedrock" && BEDROCK_GEOGRAPHY.test(price.region)) return `${price.region}.${name}`;
  if (price.provider === "bedrock" && BEDROCK_REGION.test(price.region)) return `bedrock/${price.region}/${name}`;
  if (price.provider === "azure" && AZURE_ZONE.test(price.region)) return `azure/${price.region}/${name}`;
  return null;
}

export function buildLitellmFeed(prices: readonly FeedPrice[]): Record<string, Record<string, unknown>> {
  const feed: Record<string, Record<string, unknown>> = {};
  const usd = prices.filter(
    (price) =>
      price.currency === "USD" && price.input !== null && price.output !== null && (price.variant === "standard" || price.variant in SERVICE_TIER_SUFFIX),
  );
  const ordered = [...usd].sort((a, b) => Number(a.variant in SERVICE_TIER_SUFFIX) - Number(b.variant in SERVICE_TIER_SUFFIX));
  for (const price of ordered) {
    const key = litellmKey(price);
    if (key === null) continue;
    const suffix = SERVICE_TIER_SUFFIX[price.variant];
    if (suffix !== undefined) {
      // A service tier without a standard entry has nowhere to ride: LiteLLM has no such key.
      if (feed[key]) Object.assign(feed[key], priceFields(price, suffix));
      continue;
    }
    feed[key] = {
      litellm_provider: litellmProviderOf(price.provider),
      mode: "chat",
      ...(price.contextWindow ? { max_input_tokens: price.contextWindow, max_tokens: price.maxOutputTokens ?? price.contextWindow } : {}),
      ...(price.maxOutputTokens ? { max_output_tokens: price.maxOutputTokens } : {}),
      ...priceFields(price, ""),
    };
  }
  return Object.fromEntries(Object.entries(feed).sort(([a], [b]) => a.localeCompare(b)));
}

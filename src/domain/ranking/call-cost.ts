/**
 * What one typical call of a task class costs on an offering: the class's token profile
 * (input and output tokens, share of input served from cache) priced exactly. Above a
 * long-context threshold the whole call is billed at that tier, as sellers bill it.
 * A cached token costs the cache-read price, or the input price where none is known.
 */
import { Decimal } from "decimal.js";
import type { ContextTier } from "../observation.ts";
import { canonical, toDecimal, type DecimalString } from "../money.ts";

export interface TokenProfile {
  inputTokens: number;
  outputTokens: number;
  /** 0..1 */
  cachedShare: number;
}

export interface TokenPrices {
  input: DecimalString | null;
  output: DecimalString | null;
  cacheRead: DecimalString | null;
  tiers: ContextTier[];
}

/** The prices that apply to a prompt of `inputTokens`: the highest tier it exceeds, else the base. */
export function pricesForPrompt(prices: TokenPrices, inputTokens: number): Omit<TokenPrices, "tiers"> {
  const tier = [...prices.tiers].filter((t) => inputTokens > t.minInputTokens).sort((a, b) => b.minInputTokens - a.minInputTokens)[0];
  if (!tier) return { input: prices.input, output: prices.output, cacheRead: prices.cacheRead };
  return { input: tier.input, output: tier.output, cacheRead: tier.cacheRead ?? (tier.input === prices.input ? prices.cacheRead : null) };
}

/** USD for one call of the profile; null when a needed price is unknown. */
export function callCost(prices: TokenPrices, profile: TokenProfile): DecimalString | null {
  const applied = pricesForPrompt(prices, profile.inputTokens);
  if (applied.input === null || applied.output === null) return null;
  const cachedTokens = new Decimal(profile.inputTokens).times(profile.cachedShare);
  const freshTokens = new Decimal(profile.inputTokens).minus(cachedTokens);
  const cachedPrice = toDecimal(applied.cacheRead ?? applied.input);
  const perMillion = freshTokens
    .times(toDecimal(applied.input))
    .plus(cachedTokens.times(cachedPrice))
    .plus(new Decimal(profile.outputTokens).times(toDecimal(applied.output)));
  return canonical(perMillion.dividedBy(1_000_000));
}

/** The same call expressed per 1M tokens of traffic (input + output), for comparing with list prices. */
export function blendedPerMillion(prices: TokenPrices, profile: TokenProfile): DecimalString | null {
  const cost = callCost(prices, profile);
  if (cost === null) return null;
  const tokens = profile.inputTokens + profile.outputTokens;
  return canonical(toDecimal(cost).times(1_000_000).dividedBy(tokens).toDecimalPlaces(6));
}

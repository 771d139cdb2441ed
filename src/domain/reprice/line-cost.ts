/**
 * The exact cost of one logged request at one price. A request whose prompt exceeds a
 * long-context threshold is billed wholly at that tier, as sellers bill it. Cache reads
 * cost the cache-read price, or the input price where none is known (what a seller
 * without a cache discount charges); a cache write has no such fallback (it usually
 * costs more than input), so an unknown cache-write price is a reason, never a guess.
 */
import { pricesForPrompt } from "../ranking/call-cost.ts";
import type { ContextTier } from "../observation.ts";
import { canonical, toDecimal, type DecimalString } from "../money.ts";
import { promptTokens, type UsageLine } from "./usage-line.ts";

/** USD per 1M tokens, as stored in a price period. */
export interface PeriodPrice {
  input: DecimalString | null;
  output: DecimalString | null;
  cacheRead: DecimalString | null;
  cacheWrite: DecimalString | null;
  tiers: ContextTier[];
}

export interface LineCost {
  input: DecimalString;
  cachedInput: DecimalString;
  cacheWrite: DecimalString;
  output: DecimalString;
  total: DecimalString;
  /** The long-context threshold applied, null for the base price. */
  tier: number | null;
}

export type Usage = Pick<UsageLine, "input_tokens" | "output_tokens" | "cached_input_tokens" | "cache_write_tokens">;

export type LineCostResult = { cost: LineCost } | { reason: string };

function appliedCacheWrite(price: PeriodPrice, tier: ContextTier | undefined): DecimalString | null {
  if (!tier) return price.cacheWrite;
  // A tier that keeps the base input price keeps the base cache-write price too.
  return tier.cacheWrite ?? (tier.input === price.input ? price.cacheWrite : null);
}

export function lineCost(price: PeriodPrice, usage: Usage): LineCostResult {
  const prompt = promptTokens(usage);
  const applied = pricesForPrompt(price, prompt);
  const tier = [...price.tiers].filter((t) => prompt > t.minInputTokens).sort((a, b) => b.minInputTokens - a.minInputTokens)[0];
  const where = tier ? ` above ${tier.minInputTokens} prompt tokens` : "";
  if (usage.input_tokens > 0 && applied.input === null) return { reason: `no input price${where}` };
  if (usage.output_tokens > 0 && applied.output === null) return { reason: `no output price${where}` };
  const cacheRead = applied.cacheRead ?? applied.input;
  if (usage.cached_input_tokens > 0 && cacheRead === null) return { reason: `no cache-read or input price${where}` };
  const cacheWrite = appliedCacheWrite(price, tier);
  if (usage.cache_write_tokens > 0 && cacheWrite === null) return { reason: `no cache-write price${where}` };

  const part = (tokens: number, perMillion: DecimalString | null) => (tokens === 0 || perMillion === null ? toDecimal(0) : toDecimal(perMillion).times(tokens).dividedBy(1_000_000));
  const input = part(usage.input_tokens, applied.input);
  const cachedInput = part(usage.cached_input_tokens, cacheRead);
  const written = part(usage.cache_write_tokens, cacheWrite);
  const output = part(usage.output_tokens, applied.output);
  return {
    cost: {
      input: canonical(input),
      cachedInput: canonical(cachedInput),
      cacheWrite: canonical(written),
      output: canonical(output),
      total: canonical(input.plus(cachedInput).plus(written).plus(output)),
      tier: tier?.minInputTokens ?? null,
    },
  };
}

/** models.dev `cost` (USD per 1M tokens, JSON numbers) -> our price fields, exact via perMillion. */
import { perMillion, type DecimalString } from "../../src/domain/money.ts";
import type { ContextTier, PriceObservation } from "../../src/domain/observation.ts";
import type { ModelsDevCost, ModelsDevPriceSet } from "./schema.ts";

export type TokenPrices = Pick<PriceObservation, "input" | "output" | "cacheRead" | "cacheWrite" | "cacheWrite1h" | "tiers">;

function optionalPrice(amount: number | undefined): DecimalString | null {
  return amount === undefined ? null : perMillion(amount);
}

/**
 * `tiers` carries its real threshold and wins; the older `context_over_200k` key is kept
 * beside it with the same prices even where the threshold is not 200k (302ai/gpt-5.4:
 * 272000), so it is read only when `tiers` is absent.
 */
function contextTiers(cost: ModelsDevCost): ContextTier[] {
  const tiers = cost.tiers?.map((tier) => ({ minInputTokens: tier.tier.size, ...tierPrices(tier) }));
  if (tiers) return tiers;
  return cost.context_over_200k ? [{ minInputTokens: 200_000, ...tierPrices(cost.context_over_200k) }] : [];
}

function tierPrices(prices: ModelsDevPriceSet): Omit<ContextTier, "minInputTokens"> {
  return {
    input: optionalPrice(prices.input),
    output: optionalPrice(prices.output),
    cacheRead: optionalPrice(prices.cache_read),
    cacheWrite: optionalPrice(prices.cache_write),
  };
}

/**
 * Reasoning-token and audio-token costs have no field in an observation and are left out;
 * the text prices stand alone. A negative amount is passed on as written: the integrity
 * gate rejects that entry and keeps its offering's price (no other name of it moves it).
 */
export function modelsDevPrices(cost: ModelsDevCost): TokenPrices {
  return { ...tierPrices(cost), cacheWrite1h: null, tiers: contextTiers(cost) };
}

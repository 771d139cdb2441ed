/**
 * OpenRouter pricing (USD per token, decimal strings) -> our per-1M price fields.
 * The strings go straight to perTokenToPerMillion so float noise such as
 * "0.00000008333333333333334" keeps its digits. "-1" is OpenRouter's sentinel for a
 * router with no fixed price: not a price.
 */
import { InvalidAmountError, isNegative, perTokenToPerMillion, type DecimalString } from "../../src/domain/money.ts";
import type { PriceObservation } from "../../src/domain/observation.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { OPENROUTER_SOURCE_ID } from "./payload.ts";
import type { OpenRouterPricing } from "./schema.ts";

export type TokenPrices = Pick<PriceObservation, "input" | "output" | "cacheRead" | "cacheWrite" | "cacheWrite1h" | "tiers">;

function optionalPrice(raw: string | undefined): DecimalString | null {
  if (raw === undefined || isNegative(raw)) return null;
  return perTokenToPerMillion(raw);
}

/** Null when prompt or completion carries the -1 sentinel. */
export function tokenPrices(pricing: OpenRouterPricing): TokenPrices | null {
  if (isNegative(pricing.prompt) || isNegative(pricing.completion)) return null;
  return {
    input: perTokenToPerMillion(pricing.prompt),
    output: perTokenToPerMillion(pricing.completion),
    cacheRead: optionalPrice(pricing.input_cache_read),
    cacheWrite: optionalPrice(pricing.input_cache_write),
    cacheWrite1h: optionalPrice(pricing.input_cache_write_1h),
    // Tier prices the override leaves out are unknown (null), not inherited: OpenRouter
    // omits e.g. input_cache_write from some overrides whose base price has one.
    tiers: (pricing.overrides ?? []).map((override) => ({
      minInputTokens: override.min_prompt_tokens,
      input: optionalPrice(override.prompt),
      output: optionalPrice(override.completion),
      cacheRead: optionalPrice(override.input_cache_read),
      cacheWrite: optionalPrice(override.input_cache_write),
    })),
  };
}

/** tokenPrices(), with a malformed amount failing the run and naming the entry. */
export function entryTokenPrices(document: PayloadDocument, entryName: string, pricing: OpenRouterPricing): TokenPrices | null {
  try {
    return tokenPrices(pricing);
  } catch (error) {
    if (error instanceof InvalidAmountError) {
      throw new PayloadError(OPENROUTER_SOURCE_ID, `${entryName}: ${error.message}`, document.name);
    }
    throw error;
  }
}

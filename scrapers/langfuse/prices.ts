/**
 * Langfuse keys prices by usage-detail name, and several names are synonyms for one price
 * (`input` / `input_tokens`, `input_cache_read` / `input_cached_tokens` / `cache_read_input_tokens`,
 * ...) so that usage reported by any SDK matches. This reads them back into token prices.
 */
import { perTokenToPerMillion, type DecimalString } from "../../src/domain/money.ts";
import { PayloadError } from "../source.ts";
import { LANGFUSE_SOURCE_ID } from "./sourceId.ts";

export type PriceComponent = "input" | "output" | "cacheRead" | "cacheWrite" | "cacheWrite1h";
export type TokenPrices = Partial<Record<PriceComponent, DecimalString>>;

const SYNONYMS: Record<PriceComponent, readonly string[]> = {
  input: ["input", "input_tokens"],
  output: ["output", "output_tokens"],
  cacheRead: ["input_cache_read", "input_cached_tokens", "cache_read_input_tokens"],
  cacheWrite: ["input_cache_creation_5m", "input_cache_creation", "cache_creation_input_tokens", "cache_write_tokens"],
  cacheWrite1h: ["input_cache_creation_1h"],
};

const ALL_SYNONYMS = new Set(Object.values(SYNONYMS).flat());

export function readTokenPrices(label: string, prices: Readonly<Record<string, number>>): TokenPrices {
  const read: TokenPrices = {};
  for (const [component, names] of Object.entries(SYNONYMS) as Array<[PriceComponent, readonly string[]]>) {
    const stated = names.filter((name) => prices[name] !== undefined);
    const [first] = stated;
    if (first === undefined) continue;
    const value = prices[first] ?? 0;
    const disagreeing = stated.find((name) => prices[name] !== value);
    if (disagreeing) {
      throw new PayloadError(LANGFUSE_SOURCE_ID, `${label}: synonyms disagree, ${first} = ${value} but ${disagreeing} = ${prices[disagreeing]}`);
    }
    read[component] = perTokenToPerMillion(value);
  }
  return read;
}

/** Price keys that are not plain text-token prices (total, audio, modality, grounding...). */
export function otherPriceKeys(prices: Readonly<Record<string, number>>): string[] {
  return Object.keys(prices).filter((name) => !ALL_SYNONYMS.has(name));
}

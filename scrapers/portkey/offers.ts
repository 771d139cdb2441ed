/**
 * One Portkey entry to its offers: (variant, region) -> token rates with context tiers.
 *
 * `pricing_config.pay_as_you_go` is the standard price and `pricing_config.batch_config` the
 * batch price, both in the default region. `custom_pricing.regions.<regions>.execution_modes.<mode>`
 * adds the other modes (priority, flex, fast) and regions. Where custom_pricing restates the
 * default-region standard or batch price, `pricing_config` wins: it is the documented
 * schema, and where the two disagree it is the one that matches the seller (e.g. OpenAI
 * `gpt-4o-latest` $5/$15 in pricing_config, $2.5/$10 in custom_pricing); custom_pricing
 * then only contributes its context tiers.
 */
import { centsPerTokenToPerMillion, type DecimalString } from "../../src/domain/money.ts";
import { PayloadError } from "../source.ts";
import type { ExecutionMode, PortkeyEntry, TokenRates } from "./schema.ts";
import { PORTKEY_SOURCE_ID } from "./sourceId.ts";

export interface Rates {
  input?: DecimalString;
  output?: DecimalString;
  cacheRead?: DecimalString;
  cacheWrite?: DecimalString;
  cacheWrite1h?: DecimalString;
}

export interface Offer {
  variant: string;
  /** "" for Portkey's "default" region. */
  region: string;
  rates: Rates;
  tiers: Array<{ minInputTokens: number; rates: Rates }>;
}

const DEFAULT_REGION = "default";

export function offersOf(entryName: string, entry: PortkeyEntry): Offer[] {
  const offers: Offer[] = [];
  const ownPrices = entry.pricing_config;
  if (ownPrices?.pay_as_you_go) offers.push(flatOffer("standard", "", ownPrices.pay_as_you_go));
  if (ownPrices?.batch_config) offers.push(flatOffer("batch", "", ownPrices.batch_config));
  const ownCount = offers.length;
  for (const custom of customOffers(entryName, entry.custom_pricing)) {
    const restated = offers.slice(0, ownCount).find((own) => own.variant === custom.variant && own.region === custom.region);
    if (!restated) offers.push(custom);
    else if (restated.tiers.length === 0) restated.tiers = custom.tiers;
  }
  return offers;
}

/**
 * Portkey fills every rate it does not charge with 0 (its `default` entry is all zeros), so a
 * cache price of 0 means "not charged apart", not a free cache: it stays unknown.
 */
export function readRates(rates: TokenRates): Rates {
  const read: Rates = {};
  if (rates.request_token) read.input = centsPerTokenToPerMillion(rates.request_token.price);
  if (rates.response_token) read.output = centsPerTokenToPerMillion(rates.response_token.price);
  const cacheRead = nonZero(rates.cache_read_input_token?.price);
  if (cacheRead !== undefined) read.cacheRead = centsPerTokenToPerMillion(cacheRead);
  const cacheWrite = nonZero(rates.cache_write_input_token?.price);
  if (cacheWrite !== undefined) read.cacheWrite = centsPerTokenToPerMillion(cacheWrite);
  const cacheWrite1h = nonZero(rates.additional_units?.cache_write_1h?.price);
  if (cacheWrite1h !== undefined) read.cacheWrite1h = centsPerTokenToPerMillion(cacheWrite1h);
  return read;
}

function nonZero(price: number | undefined): number | undefined {
  return price === 0 ? undefined : price;
}

function flatOffer(variant: string, region: string, rates: TokenRates): Offer {
  return { variant, region, rates: readRates(rates), tiers: [] };
}

function customOffers(entryName: string, custom: PortkeyEntry["custom_pricing"]): Offer[] {
  if (!custom?.regions) return [];
  const thresholds = new Map(Object.entries(custom.context_tier_map ?? {}).map(([tokens, tierName]) => [tierName, Number(tokens)]));
  const offers: Offer[] = [];
  for (const [regionList, { execution_modes }] of Object.entries(custom.regions)) {
    for (const [mode, execution] of Object.entries(execution_modes)) {
      const { rates, tiers } = executionPrices(entryName, execution, thresholds);
      for (const region of regionList.split(",")) {
        const name = region.trim();
        offers.push({ variant: mode, region: name === DEFAULT_REGION ? "" : name, rates, tiers });
      }
    }
  }
  return offers;
}

function executionPrices(entryName: string, execution: ExecutionMode, thresholds: ReadonlyMap<string, number>): Pick<Offer, "rates" | "tiers"> {
  if (execution.pricing_config) return { rates: readRates(execution.pricing_config.pay_as_you_go ?? {}), tiers: [] };
  let rates: Rates = {};
  const tiers: Offer["tiers"] = [];
  for (const [tierName, tier] of Object.entries(execution.context_tiers ?? {})) {
    const minInputTokens = thresholds.get(tierName);
    if (minInputTokens === undefined) {
      throw new PayloadError(PORTKEY_SOURCE_ID, `"${entryName}" prices context tier "${tierName}" that its context_tier_map does not define`);
    }
    const tierRates = readRates(tier.pricing_config.pay_as_you_go ?? {});
    if (minInputTokens === 0) rates = tierRates;
    else tiers.push({ minInputTokens, rates: tierRates });
  }
  return { rates, tiers };
}

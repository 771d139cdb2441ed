/**
 * Whether a Portkey offer is a text-token price. Portkey's pricing files carry no model type,
 * so the rates themselves tell: an input price with no (or a 0) output price is an embedding,
 * rerank, speech or OCR model; 0 for both is Portkey's fill-in value (the `default` entry is
 * all zeros, and image or video models are priced 0/0 per token) unless the key marks a
 * free endpoint with `:free`.
 */
import { decimalEquals } from "../../src/domain/money.ts";
import type { PriceObservation } from "../../src/domain/observation.ts";
import { PayloadError } from "../source.ts";
import type { Offer } from "./offers.ts";
import { PORTKEY_SOURCE_ID } from "./sourceId.ts";

const FREE_ENDPOINT = /:free$/;

export const NO_TOKEN_PRICE = "no request_token/response_token price";

export type OfferVerdict = { observation: PriceObservation } | { reason: string };

export function offerVerdict(provider: string, model: string, offer: Offer): OfferVerdict {
  const { input, output } = offer.rates;
  if (input === undefined && output === undefined) return { reason: NO_TOKEN_PRICE };
  if (input === undefined) {
    throw new PayloadError(PORTKEY_SOURCE_ID, `"${model}" (${offer.variant}) has a response_token price but no request_token price`);
  }
  // A negative price is passed on as written: the integrity gate rejects that entry and keeps
  // its offering's price.
  if (output === undefined || (decimalEquals(output, "0") && !decimalEquals(input, "0"))) {
    return { reason: "input-only price: an embedding, rerank, speech or OCR model" };
  }
  const zeroPriced = decimalEquals(input, "0") && decimalEquals(output, "0");
  if (zeroPriced && !FREE_ENDPOINT.test(model)) {
    return { reason: "priced 0/0 without a :free marker: Portkey's fill-in value, not a known free price" };
  }
  const variant = zeroPriced && offer.variant === "standard" ? "free" : offer.variant;
  return { observation: toObservation(provider, model, variant, offer, input, output) };
}

function toObservation(provider: string, model: string, variant: string, offer: Offer, input: string, output: string): PriceObservation {
  return {
    provider,
    model,
    variant,
    region: offer.region,
    currency: "USD",
    input,
    output,
    cacheRead: offer.rates.cacheRead ?? null,
    cacheWrite: offer.rates.cacheWrite ?? null,
    cacheWrite1h: offer.rates.cacheWrite1h ?? null,
    tiers: [...offer.tiers]
      .sort((a, b) => a.minInputTokens - b.minInputTokens)
      .map(({ minInputTokens, rates }) => ({
        minInputTokens,
        input: rates.input ?? null,
        output: rates.output ?? null,
        cacheRead: rates.cacheRead ?? null,
        cacheWrite: rates.cacheWrite ?? null,
      })),
    hints: {},
  };
}

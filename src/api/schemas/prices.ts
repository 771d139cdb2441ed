/** Output schemas of the `prices` procedures. */
import { z } from "zod";
import { authority, confidence, currency, lifecycle, perMillion, priceFields, priceTier, providerKind, timestamp } from "./common.ts";

/** One source's price period of one offering (seller, model, variant, region). */
export const pricePeriod = z.object({
  periodId: z.number(),
  offeringId: z.number(),
  provider: z.string().describe("seller id, e.g. openai, together, bedrock"),
  providerKind,
  model: z.string().describe("canonical model id, e.g. openai/gpt-4o"),
  creator: z.string(),
  variant: z.string().describe("standard, batch, flex, priority, free, ..."),
  region: z.string(),
  nativeId: z.string().nullable().describe("the seller's own id for the model"),
  source: z.string(),
  authority: authority.nullable(),
  currency,
  ...priceFields,
  tiers: z.array(priceTier),
  validFrom: timestamp,
  validTo: timestamp.nullable(),
  lastSeenAt: timestamp,
});

/** The consolidated current price of one offering, with the other sources' periods alongside. */
export const consolidatedPrice = pricePeriod.extend({
  observedAt: timestamp,
  alternatives: z.array(pricePeriod).describe("the other sources' current periods of this offering"),
  agreeingSources: z.array(z.string()),
  disagreeingSources: z.array(z.string()),
  confidence,
  sellersOwn: z.boolean().describe("the price comes from the seller's own page or API"),
  sellerKind: z.string(),
  suspect: z.boolean(),
  suspectReasons: z.array(z.string()),
  consensus: z.object({ input: perMillion.nullable(), output: perMillion.nullable(), sources: z.array(z.string()) }).nullable(),
  lifecycle,
});

export const pricesCurrentOutput = z.array(consolidatedPrice);
export const pricesAtOutput = z.array(consolidatedPrice);
export const pricesHistoryOutput = z.object({
  model: z.string(),
  periods: z.array(pricePeriod).describe("newest first: valid_from descending, then period id descending"),
  nextCursor: z.string().nullable().describe("pass as `cursor` for the next (older) page; null on the last page"),
});

/** Output schemas of the `pricewar` procedures (changes and the price-war figures). */
import { z } from "zod";
import { decimal, modelTier, perMillion, timestamp } from "./common.ts";

const pricePoint = z.object({ input: perMillion.nullable(), output: perMillion.nullable(), cacheRead: perMillion.nullable(), cacheWrite: perMillion.nullable() });

export const changesOutput = z.array(
  z.object({
    id: z.number().describe("change id; increases with every change recorded"),
    kind: z.enum(["price", "listed", "delisted"]),
    direction: z.enum(["none", "cut", "hike", "mixed"]),
    effectiveAt: timestamp,
    model: z.string(),
    provider: z.string(),
    variant: z.string(),
    region: z.string(),
    source: z.string(),
    currency: z.string().nullable(),
    old: pricePoint.nullable(),
    new: pricePoint.nullable(),
    oldBlended: perMillion.nullable().describe("blended 3:1 input:output price before"),
    newBlended: perMillion.nullable().describe("blended 3:1 input:output price after"),
    changeRatio: decimal.nullable().describe("relative change of the blended price, -0.5 = halved"),
  }),
);

/** How the figures price offerings, stated in every answer. */
const pricingMethod = z.object({ price: z.string(), offerings: z.string(), excluded: z.string() });

const quote = z.object({
  provider: z.string(),
  providerKind: z.string(),
  region: z.string(),
  source: z.string(),
  input: perMillion,
  output: perMillion,
  blended: perMillion,
});

export const spreadOutput = z.object({
  model: z.string(),
  step: z.enum(["month", "week", "change"]),
  tier: z.object({ tier: modelTier, basis: z.string(), launchPrice: perMillion.nullable() }).nullable(),
  pricing: pricingMethod,
  points: z.array(
    z.object({
      date: z.string(),
      sellers: z.number(),
      min: perMillion.nullable(),
      median: perMillion.nullable(),
      max: perMillion.nullable(),
      maxOverMin: z.number().nullable(),
      cheapest: z.object({ provider: z.string(), price: perMillion }).nullable(),
      quotes: z.array(quote),
      outliers: z.array(quote).describe("quotes left out as unit errors"),
    }),
  ),
});

export const undercutsOutput = z.array(
  z.object({
    date: z.string(),
    model: z.string(),
    seller: z.string(),
    price: perMillion,
    sellerPreviousPrice: perMillion.nullable(),
    previousCheapest: z.object({ provider: z.string(), price: perMillion }),
    percentBelow: z.number(),
  }),
);

export const indexOutput = z.object({
  groupBy: z.enum(["tier", "providerKind"]),
  method: z.string(),
  pricing: pricingMethod,
  tierBands: z.object({ frontierFrom: z.string(), smallUpTo: z.string() }).nullable(),
  groups: z.array(
    z.object({
      group: z.string(),
      models: z.number(),
      points: z.array(
        z.object({
          date: z.string(),
          members: z.number(),
          matched: z.number(),
          median: perMillion.nullable(),
          geometricMean: z.number().nullable(),
          chained: z.number().nullable().describe("chained index, 100 at the first month"),
        }),
      ),
    }),
  ),
  frontierSmallGap: z.array(z.object({ date: z.string(), ratio: z.number().nullable() })).nullable(),
});

export const cutsPerMonthOutput = z.array(
  z.object({
    month: z.string().describe("YYYY-MM"),
    cut: z.number(),
    hike: z.number(),
    mixed: z.number(),
    none: z.number(),
    total: z.number(),
    priceRuns: z.number(),
  }),
);

export const costOfCapabilityOutput = z.object({
  benchmark: z.object({ id: z.string(), name: z.string(), scale: z.string(), higherIsBetter: z.boolean() }),
  threshold: z.number(),
  method: z.string(),
  pricing: pricingMethod,
  points: z.array(
    z.object({ date: z.string(), model: z.string(), setting: z.string(), provider: z.string(), price: perMillion, score: decimal, qualifying: z.number() }),
  ),
  firstMet: z.string().nullable(),
  fit: z
    .object({
      from: z.string(),
      to: z.string(),
      points: z.number(),
      slopePerYear: z.number(),
      factorPerYear: z.number(),
      declinePerYear: z.number(),
      halvingMonths: z.number().nullable(),
      r2: z.number(),
    })
    .nullable(),
});

export const capabilityThresholdsOutput = z.array(z.object({ benchmark: z.string(), threshold: z.number(), label: z.string(), reason: z.string() }));

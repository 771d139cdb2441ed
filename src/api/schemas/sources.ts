/** Output schemas of the `sources` procedures. */
import { z } from "zod";
import { currency, perMillion, priceFields, priceTier, timestamp } from "./common.ts";

export const sourceStatusOutput = z.array(
  z.object({
    id: z.string(),
    kind: z.enum(["benchmark", "price"]),
    authority: z.string().nullable().describe("first-party, aggregator or community (price sources)"),
    schedule: z.string().describe("cron expression and time zone"),
    lastRun: z
      .object({
        id: z.number(),
        status: z.enum(["running", "succeeded", "failed", "disabled"]),
        trigger: z.enum(["schedule", "manual", "replay", "backfill", "startup"]),
        observedAt: timestamp,
        startedAt: timestamp,
        finishedAt: timestamp.nullable(),
        error: z.string().nullable(),
      })
      .nullable(),
    lastSuccess: z
      .object({
        id: z.number(),
        observedAt: timestamp,
        finishedAt: timestamp.nullable(),
        parsed: z.number(),
        changed: z.number(),
        unmatched: z.number(),
        rejected: z.number(),
        skipped: z.number(),
      })
      .nullable(),
    resolvedShare: z.number().nullable().describe("share of the last successful run's rows resolved to a model"),
    names: z.object({ total: z.number(), unmatched: z.number() }),
  }),
);

const sourcedPrice = z.object({
  source: z.string(),
  input: perMillion.nullable(),
  output: perMillion.nullable(),
  authority: z.string().nullable(),
  validFrom: timestamp,
  lastSeenAt: timestamp,
});

/** Which offering a row is about: the model at a seller, in a variant and region. */
const offeringIdentity = {
  offeringId: z.number(),
  model: z.string(),
  provider: z.string(),
  variant: z.string(),
  region: z.string(),
};

const disagreementPairs = z.array(
  z.object({
    ...offeringIdentity,
    currency: z.string(),
    fields: z.array(z.enum(["input", "output"])),
    difference: z.number().describe("largest relative difference, 0.01 = 1%"),
    a: sourcedPrice,
    b: sourcedPrice,
  }),
);

const consensus = z
  .object({ input: perMillion.nullable(), output: perMillion.nullable(), sources: z.array(z.string()) })
  .nullable()
  .describe("the price two other sources agree on");

export const suspectOutput = z.array(
  z.object({
    ...offeringIdentity,
    source: z.string(),
    currency,
    input: perMillion.nullable(),
    output: perMillion.nullable(),
    cacheRead: perMillion.nullable(),
    observedAt: timestamp,
    reasons: z.array(z.string()),
    consensus,
  }),
);

export const disagreementsOutput = z.object({
  pairs: disagreementPairs.describe("offerings whose current prices differ between sources by more than minDifference"),
  suspect: suspectOutput.describe("offerings whose consolidated price is suspect (as sources.suspect)"),
});

export const unmatchedOutput = z.object({
  names: z.array(z.object({ source: z.string(), rawName: z.string(), reason: z.string().nullable(), firstSeenAt: timestamp, lastSeenAt: timestamp })),
  groups: z.array(z.object({ source: z.string(), reason: z.string().nullable(), names: z.number() })),
});

const priceValue = z.object({ ...priceFields, currency, tiers: z.array(priceTier) });

export const quarantineOutput = z.array(
  z.object({
    id: z.number(),
    status: z.enum(["held", "released", "confirmed", "superseded"]),
    source: z.string(),
    runId: z.number().nullable(),
    model: z.string(),
    provider: z.string(),
    variant: z.string(),
    region: z.string(),
    rawName: z.string(),
    observedAt: timestamp,
    value: priceValue.describe("the price held back"),
    previous: priceValue.nullable().describe("the price it jumped from"),
    reason: z.string(),
    resolvedAt: timestamp.nullable(),
    resolvedBy: z.string().nullable(),
  }),
);

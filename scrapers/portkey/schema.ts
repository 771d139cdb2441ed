/**
 * The parts of a Portkey pricing entry this parser reads. Amounts are US cents per unit.
 * `pricing_config` is the entry's own price; `custom_pricing` adds per-region and
 * per-execution-mode prices, optionally split in context tiers named by `context_tier_map`
 * (`{"0": "lte-272k", "272000": "gt-272k"}`).
 */
import { z } from "zod";

const unitPriceSchema = z.object({ price: z.number() });

export const tokenRatesSchema = z.looseObject({
  request_token: unitPriceSchema.optional(),
  response_token: unitPriceSchema.optional(),
  cache_read_input_token: unitPriceSchema.optional(),
  cache_write_input_token: unitPriceSchema.optional(),
  additional_units: z.looseObject({ cache_write_1h: unitPriceSchema.optional() }).optional(),
});

const payAsYouGoSchema = z.looseObject({ pay_as_you_go: tokenRatesSchema.optional() });

const executionModeSchema = z.looseObject({
  pricing_config: payAsYouGoSchema.optional(),
  context_tiers: z.record(z.string(), z.looseObject({ pricing_config: payAsYouGoSchema })).optional(),
});

export const entrySchema = z.looseObject({
  pricing_config: z
    .looseObject({
      pay_as_you_go: tokenRatesSchema.optional(),
      batch_config: tokenRatesSchema.optional(),
      currency: z.string().optional(),
    })
    .nullable()
    .optional(),
  custom_pricing: z
    .looseObject({
      context_tier_map: z.record(z.string().regex(/^\d+$/, "a token threshold"), z.string()).optional(),
      regions: z.record(z.string(), z.looseObject({ execution_modes: z.record(z.string(), executionModeSchema) })).optional(),
    })
    .optional(),
});

export type TokenRates = z.infer<typeof tokenRatesSchema>;
export type PortkeyEntry = z.infer<typeof entrySchema>;
export type ExecutionMode = z.infer<typeof executionModeSchema>;

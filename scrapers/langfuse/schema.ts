/**
 * Langfuse's default model prices, in either of its two layouts, read into one shape.
 * In the older snake_case layout (2025-05-27 snapshot) a model has one flat `prices` map; in
 * the camelCase one (2026-08-21) it has `pricingTiers`, each with `conditions` on model
 * parameters (service tier, speed) or on usage size. Amounts are USD per token (or per unit) keyed by usage-detail name.
 */
import { z } from "zod";

const pricesSchema = z.record(z.string(), z.number());

const modelParameterConditionSchema = z.object({
  source: z.literal("model_parameters"),
  key: z.string(),
  operator: z.string(),
  values: z.array(z.string()),
});

const usageConditionSchema = z.object({
  usageDetailPattern: z.string(),
  operator: z.string(),
  value: z.number(),
  caseSensitive: z.boolean().optional(),
});

const pricingTierSchema = z.looseObject({
  name: z.string(),
  isDefault: z.boolean(),
  conditions: z.array(z.union([modelParameterConditionSchema, usageConditionSchema])),
  prices: pricesSchema,
});

export type PricingTier = z.infer<typeof pricingTierSchema>;

export interface ModelPrices {
  modelName: string;
  tiers: PricingTier[];
}

const camelCaseModelSchema = z
  .looseObject({ modelName: z.string().min(1), pricingTiers: z.array(pricingTierSchema).min(1) })
  .transform((model): ModelPrices => ({ modelName: model.modelName, tiers: model.pricingTiers }));

const snakeCaseModelSchema = z
  .looseObject({ model_name: z.string().min(1), prices: pricesSchema })
  .transform((model): ModelPrices => ({
    modelName: model.model_name,
    tiers: [{ name: "Standard", isDefault: true, conditions: [], prices: model.prices }],
  }));

export const modelPricesSchema = z.union([camelCaseModelSchema, snakeCaseModelSchema]);

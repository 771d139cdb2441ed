/**
 * One Langfuse model definition to observations: one per variant its tiers name (standard,
 * priority, flex, fast), each with the long-context tiers of that variant.
 */
import type { PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError } from "../source.ts";
import { otherPriceKeys, readTokenPrices, type TokenPrices } from "./prices.ts";
import type { ModelPrices, PricingTier } from "./schema.ts";
import { inferSeller } from "./seller.ts";
import { LANGFUSE_SOURCE_ID } from "./sourceId.ts";
import { placeTier } from "./tierPlacement.ts";

export interface ModelOutcome {
  observations: PriceObservation[];
  skipped: SkippedEntry[];
}

interface VariantTiers {
  base?: TokenPrices;
  contextTiers: Array<{ minInputTokens: number; prices: TokenPrices }>;
}

export function readModel(model: ModelPrices): ModelOutcome {
  const name = model.modelName;
  const defaultTier = model.tiers.find((tier) => tier.isDefault) ?? model.tiers[0];
  if (!defaultTier) throw new PayloadError(LANGFUSE_SOURCE_ID, `"${name}" has no pricing tier`);
  const unpriced = unpricedReason(name, defaultTier);
  if (unpriced) return { observations: [], skipped: [{ name, reason: unpriced }] };
  const seller = inferSeller(name);
  if ("reason" in seller) return { observations: [], skipped: [{ name, reason: seller.reason }] };

  const outcome: ModelOutcome = { observations: [], skipped: [] };
  const variants = new Map<string, VariantTiers>();
  for (const tier of model.tiers) {
    const label = `${name} [${tier.name}]`;
    const placement = placeTier(tier);
    if ("reason" in placement) {
      outcome.skipped.push({ name: label, reason: placement.reason });
      continue;
    }
    const prices = readTokenPrices(`"${label}"`, tier.prices);
    if (prices.input === undefined || prices.output === undefined) {
      outcome.skipped.push({ name: label, reason: "tier without an input and an output token price" });
      continue;
    }
    const variant = variants.get(placement.variant) ?? { contextTiers: [] };
    variants.set(placement.variant, variant);
    if (placement.minInputTokens === null) variant.base = prices;
    else variant.contextTiers.push({ minInputTokens: placement.minInputTokens, prices });
  }
  for (const [variant, { base, contextTiers }] of variants) {
    if (!base) {
      outcome.skipped.push({ name: `${name} [${variant}]`, reason: `${variant} has long-context prices but no base price` });
      continue;
    }
    outcome.observations.push(toObservation(seller.provider, name, variant, base, contextTiers));
  }
  return outcome;
}

/** Why the default tier holds no text-token price (total-only, audio modalities, nothing), or null. */
function unpricedReason(name: string, tier: PricingTier): string | null {
  const prices = readTokenPrices(`"${name} [${tier.name}]"`, tier.prices);
  if (prices.input !== undefined && prices.output !== undefined) return null;
  if (prices.input !== undefined || prices.output !== undefined) {
    throw new PayloadError(LANGFUSE_SOURCE_ID, `"${name}" has ${prices.input === undefined ? "an output" : "an input"} price but no ${prices.input === undefined ? "input" : "output"} price`);
  }
  const other = otherPriceKeys(tier.prices);
  return other.length > 0 ? `no input/output token price; priced by ${other.join(", ")}` : "no price stated";
}

function toObservation(provider: string, model: string, variant: string, base: TokenPrices, contextTiers: VariantTiers["contextTiers"]): PriceObservation {
  return {
    provider,
    model,
    variant,
    region: "",
    currency: "USD",
    input: base.input ?? null,
    output: base.output ?? null,
    cacheRead: base.cacheRead ?? null,
    cacheWrite: base.cacheWrite ?? null,
    cacheWrite1h: base.cacheWrite1h ?? null,
    tiers: [...contextTiers]
      .sort((a, b) => a.minInputTokens - b.minInputTokens)
      .map(({ minInputTokens, prices }) => ({
        minInputTokens,
        input: prices.input ?? null,
        output: prices.output ?? null,
        cacheRead: prices.cacheRead ?? null,
        cacheWrite: prices.cacheWrite ?? null,
      })),
    hints: {},
  };
}

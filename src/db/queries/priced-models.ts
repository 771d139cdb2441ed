/**
 * Each model's cheapest eligible offering for a token profile, at a date: the price side
 * of ranking. Consolidated prices (one per offering) in USD; the caller's seller and
 * variant constraints apply here. Left out unless the caller names them: reference
 * figures (medians, not sellers), sellers outside the provider catalogue (community
 * tables list hundreds of small resellers whose prices nobody checks), and standard
 * offerings priced 0 (a free allowance such as GitHub Models', not a price to scale on).
 */
import type { Executor } from "../client.ts";
import { models } from "../schema/index.ts";
import { consolidatedPricesAt } from "./prices.ts";
import { blendedPerMillion, callCost, type TokenProfile } from "../../domain/ranking/call-cost.ts";
import { compareDecimal, type DecimalString } from "../../domain/money.ts";

export interface OfferingConstraints {
  asOf?: Date;
  providers?: string[];
  excludeProviders?: string[];
  /** Offering variants a router may use; default standard only (batch is asynchronous, free is rate-limited). */
  variants?: string[];
  openWeightsOnly?: boolean;
  minContext?: number;
}

export interface PricedModel {
  model: string;
  displayName: string | null;
  openWeights: boolean | null;
  contextWindow: number | null;
  callCost: DecimalString;
  blendedPerMillion: DecimalString;
  offering: { provider: string; variant: string; region: string; source: string; input: string | null; output: string | null; cacheRead: string | null };
  /** How many eligible offerings the model has (sellers x variants). */
  offerings: number;
}

export async function pricedModels(db: Executor, profile: TokenProfile, constraints: OfferingConstraints): Promise<Map<string, PricedModel>> {
  const variants = new Set(constraints.variants ?? ["standard"]);
  const [prices, catalogue] = await Promise.all([
    consolidatedPricesAt(db, { currency: "USD" }, constraints.asOf),
    db.select({ id: models.id, displayName: models.displayName, openWeights: models.openWeights, contextWindow: models.contextWindow }).from(models),
  ]);
  const facts = new Map(catalogue.map((row) => [row.id, row]));
  const best = new Map<string, PricedModel>();
  for (const price of prices) {
    if (price.providerKind === "reference" || !variants.has(price.variant)) continue;
    const named = constraints.providers?.includes(price.provider) ?? false;
    if (constraints.providers && !named) continue;
    if (!named && price.providerKind === "unknown") continue;
    if (!named && price.variant !== "free" && price.input === "0" && price.output === "0") continue;
    if (constraints.excludeProviders?.includes(price.provider)) continue;
    const model = facts.get(price.model);
    if (!model) continue;
    if (constraints.openWeightsOnly && model.openWeights !== true) continue;
    if (constraints.minContext !== undefined && (model.contextWindow === null || model.contextWindow < constraints.minContext)) continue;
    const cost = callCost(price, profile);
    const blended = blendedPerMillion(price, profile);
    if (cost === null || blended === null) continue;
    const current = best.get(price.model);
    const count = (current?.offerings ?? 0) + 1;
    if (current && compareDecimal(current.callCost, cost) <= 0) {
      current.offerings = count;
      continue;
    }
    best.set(price.model, {
      model: price.model,
      displayName: model.displayName,
      openWeights: model.openWeights,
      contextWindow: model.contextWindow,
      callCost: cost,
      blendedPerMillion: blended,
      offering: { provider: price.provider, variant: price.variant, region: price.region, source: price.source, input: price.input, output: price.output, cacheRead: price.cacheRead },
      offerings: count,
    });
  }
  return best;
}

/**
 * Each model's cheapest eligible offering for a token profile, at a date: the price side
 * of ranking. Consolidated prices (one per offering) in USD; the caller's seller and
 * variant constraints apply here (domain/prices/eligibility.ts says which offering a
 * router can buy by default). Among offerings of one model at the same price, the tie goes
 * to the model's maker, then to the most trusted seller kind (domain/sellers/catalogue.ts).
 */
import type { Executor } from "../client.ts";
import { models } from "../schema/index.ts";
import { consolidatedPricesAt, type ConsolidatedPrice, type ModelLifecycle } from "./prices.ts";
import { blendedPerMillion, callCost, type TokenProfile } from "../../domain/ranking/call-cost.ts";
import { compareDecimal, type DecimalString } from "../../domain/money.ts";
import { exclusionOf, type EligibilityOptions } from "../../domain/prices/eligibility.ts";
import { trustRank } from "../../domain/sellers/catalogue.ts";
import type { PriceConfidence } from "../../domain/prices/consolidate.ts";

export interface OfferingConstraints extends EligibilityOptions {
  asOf?: Date;
  openWeightsOnly?: boolean;
  minContext?: number;
}

export interface PricedOffering {
  provider: string;
  variant: string;
  region: string;
  source: string;
  /** The currency of its prices (the ranking's currency: USD unless the caller asked for another). */
  currency: "USD" | "CNY" | "EUR";
  input: string | null;
  output: string | null;
  cacheRead: string | null;
  /** When the chosen source last saw this price (its payload's own date). */
  observedAt: string;
  /** Other sources showing the same price, and the confidence that agreement gives. */
  agreeingSources: string[];
  confidence: PriceConfidence;
  /** The price comes from the seller's own page or API. */
  sellersOwn: boolean;
  /** Seller kind from the reviewed catalogue (lab, cloud, host, router, reseller, ...). */
  sellerKind: string;
  firstParty: boolean;
  /** Set when the offering was only admitted because the caller named its seller. */
  suspectReasons: string[];
}

export interface PricedModel {
  model: string;
  displayName: string | null;
  openWeights: boolean | null;
  contextWindow: number | null;
  callCost: DecimalString;
  blendedPerMillion: DecimalString;
  offering: PricedOffering;
  /** How many eligible offerings the model has (sellers x variants). */
  offerings: number;
  lifecycle: ModelLifecycle;
}

export async function pricedModels(db: Executor, profile: TokenProfile, constraints: OfferingConstraints): Promise<Map<string, PricedModel>> {
  const [prices, catalogue] = await Promise.all([
    consolidatedPricesAt(db, { currency: constraints.currency ?? "USD" }, constraints.asOf),
    db.select({ id: models.id, displayName: models.displayName, openWeights: models.openWeights, contextWindow: models.contextWindow }).from(models),
  ]);
  const facts = new Map(catalogue.map((row) => [row.id, row]));
  const best = new Map<string, { priced: PricedModel; trust: number }>();
  for (const price of prices) {
    if (exclusionOf(price, constraints) !== null) continue;
    const model = facts.get(price.model);
    if (!model) continue;
    if (constraints.openWeightsOnly && model.openWeights !== true) continue;
    if (constraints.minContext !== undefined && (model.contextWindow === null || model.contextWindow < constraints.minContext)) continue;
    const cost = callCost(price, profile);
    const blended = blendedPerMillion(price, profile);
    if (cost === null || blended === null) continue;
    const trust = trustRank(price.provider, price.creator);
    const current = best.get(price.model);
    const count = (current?.priced.offerings ?? 0) + 1;
    if (current) {
      const order = compareDecimal(current.priced.callCost, cost) || current.trust - trust;
      if (order <= 0) {
        current.priced.offerings = count;
        continue;
      }
    }
    best.set(price.model, { trust, priced: pricedModelOf(price, model, { callCost: cost, blendedPerMillion: blended }, count) });
  }
  return new Map([...best].map(([id, entry]) => [id, entry.priced]));
}

/** A model priced through one consolidated offering (the view's path builds the same: src/market/priced-offers.ts). */
export function pricedModelOf(
  price: ConsolidatedPrice,
  model: Pick<PricedModel, "displayName" | "openWeights" | "contextWindow">,
  cost: Pick<PricedModel, "callCost" | "blendedPerMillion">,
  offerings: number,
): PricedModel {
  return {
    model: price.model,
    displayName: model.displayName,
    openWeights: model.openWeights,
    contextWindow: model.contextWindow,
    callCost: cost.callCost,
    blendedPerMillion: cost.blendedPerMillion,
    offering: {
      provider: price.provider,
      variant: price.variant,
      region: price.region,
      source: price.source,
      currency: price.currency as PricedOffering["currency"],
      input: price.input,
      output: price.output,
      cacheRead: price.cacheRead,
      observedAt: price.observedAt.toISOString(),
      agreeingSources: price.agreeingSources,
      confidence: price.confidence,
      sellersOwn: price.sellersOwn,
      sellerKind: price.sellerKind,
      firstParty: price.provider === price.creator,
      suspectReasons: price.suspectReasons,
    },
    offerings,
    lifecycle: price.lifecycle,
  };
}

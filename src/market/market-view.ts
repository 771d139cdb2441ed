/**
 * The market view: one immutable, versioned, in-memory picture of the market at a date,
 * built once per data version (load-market-view.ts) and read by every request of the
 * routes it serves (best, pareto, simulate, prices.current, models.list and models.get, the feeds). It
 * holds the results of the domain rules, never copies of them: consolidated prices come
 * from db/queries/prices.ts (domain/prices/*), call costs from domain/ranking/call-cost.ts,
 * quality from the fitted model of domain/quality.
 */
import type { ConsolidatedPrice } from "../db/queries/prices.ts";
import type { MeasuredCost } from "../db/queries/ranking.ts";
import type { QualityModel } from "../domain/quality/class-quality.ts";
import { blendedPerMillion, callCost } from "../domain/ranking/call-cost.ts";
import type { OutputPricePeriod } from "../domain/ranking/price-at-run.ts";
import type { DecimalString } from "../domain/money.ts";
import { trustRank } from "../domain/sellers/catalogue.ts";
import { snapshotIdentity } from "../domain/tasks/snapshot-identity.ts";
import type { TaskClass } from "../domain/tasks/catalogue.ts";
import { FeedCache } from "./feed-cache.ts";
import { buildCatalogue, type CatalogueRows, type MarketCatalogue } from "./catalogue.ts";

export interface MarketModel {
  id: string;
  displayName: string | null;
  openWeights: boolean | null;
  contextWindow: number | null;
  maxOutputTokens: number | null;
}

export interface OfferCost {
  callCost: DecimalString;
  /** callCost as a float: rounding keeps order, so comparing these first and the decimals only on a tie is exact and cheap. */
  callCostValue: number;
  blendedPerMillion: DecimalString;
}

/** A consolidated USD offering with its call cost under every task class's profile (null: not priceable for that profile). */
export interface MarketOffer {
  price: ConsolidatedPrice;
  trust: number;
  costs: ReadonlyMap<string, OfferCost | null>;
}

export interface MarketView {
  /** The data version (data-version.ts): every instance reading the same data computes the same one. */
  version: string;
  /** When the data last changed: the Last-Modified of answers. */
  changedAt: Date;
  /** The date the view describes; null for now. */
  asOf: Date | null;
  builtAt: Date;
  models: ReadonlyMap<string, MarketModel>;
  /** Every model row with its offerings and pointers, for models.list and models.get. */
  catalogue: MarketCatalogue;
  /** undated model id -> its only dated snapshot (domain/tasks/snapshot-identity.ts). */
  identity: ReadonlyMap<string, string>;
  providerIds: ReadonlySet<string>;
  /** Consolidated prices of every currency (prices.current, feeds). */
  prices: readonly ConsolidatedPrice[];
  /** Consolidated over USD periods only, as ranking consolidates. */
  offers: readonly MarketOffer[];
  quality: QualityModel;
  /** Measured benchmark-run costs by the model id scores count for, oldest release first. */
  measuredCosts: ReadonlyMap<string, readonly MeasuredCost[]>;
  /** USD output price periods of the models with measured runs (priced model id): what a run paid at its date. */
  outputPriceHistory: ReadonlyMap<string, readonly OutputPricePeriod[]>;
  feeds: FeedCache;
}

export interface MarketInputs {
  version: string;
  changedAt: Date;
  asOf: Date | null;
  models: MarketModel[];
  catalogue: CatalogueRows;
  providerIds: string[];
  prices: ConsolidatedPrice[];
  /** The USD consolidation as offers (marketOffer). */
  offers: MarketOffer[];
  quality: QualityModel;
  measuredCosts: Array<MeasuredCost & { modelId: string }>;
  outputPriceHistory: ReadonlyMap<string, readonly OutputPricePeriod[]>;
}

/** A USD offering with its call cost under every class's profile, computed once per view. */
export function marketOffer(price: ConsolidatedPrice, classes: readonly TaskClass[]): MarketOffer {
  const costs = new Map<string, OfferCost | null>();
  for (const task of classes) {
    const cost = callCost(price, task.profile);
    const blended = blendedPerMillion(price, task.profile);
    costs.set(task.id, cost === null || blended === null ? null : { callCost: cost, callCostValue: Number(cost), blendedPerMillion: blended });
  }
  return { price, trust: trustRank(price.provider, price.creator), costs };
}

/** Pure: the loaded rows arranged for reading. */
export function buildMarketView(inputs: MarketInputs, builtAt = new Date()): MarketView {
  const identity = snapshotIdentity(inputs.models.map((model) => model.id));
  const measuredCosts = new Map<string, Array<MeasuredCost>>();
  const ordered = [...inputs.measuredCosts].sort((a, b) => a.asOf.localeCompare(b.asOf) || a.benchmark.localeCompare(b.benchmark) || a.setting.localeCompare(b.setting) || a.source.localeCompare(b.source));
  for (const { modelId, ...cost } of ordered) measuredCosts.set(modelId, [...(measuredCosts.get(modelId) ?? []), cost]);
  const view: MarketView = {
    version: inputs.version,
    changedAt: inputs.changedAt,
    asOf: inputs.asOf,
    builtAt,
    models: new Map(inputs.models.map((model) => [model.id, model])),
    catalogue: buildCatalogue(inputs.catalogue),
    identity,
    providerIds: new Set(inputs.providerIds),
    prices: inputs.prices,
    offers: inputs.offers,
    quality: inputs.quality,
    measuredCosts,
    outputPriceHistory: inputs.outputPriceHistory,
    feeds: undefined as unknown as FeedCache,
  };
  view.feeds = new FeedCache(view);
  return view;
}

/**
 * Which tier a model is in (frontier / mid / small) when the catalogue does not say
 * (models.tier is null): classified by the model's blended list price at its first
 * listing in our history.
 *
 * Why the launch price:
 * - every priced model has one, on the day it is listed (benchmark scores cover a
 *   fraction of priced models, and their scales drift between snapshots);
 * - it is how sellers position a model (a flagship, a "mini"/"flash"/"haiku"), and it is
 *   known from day one, so an as-of figure never uses later information;
 * - it is fixed: later cuts do not move a model into a cheaper tier, which would make a
 *   tier's price index fall by relabelling rather than by price.
 * It is a price tier: a cheap model of frontier quality (DeepSeek R1 at $0.96) is "mid".
 *
 * The launch price is the first-party (provider kind "lab") quote when the lab sold the
 * model at its first listing, else the median of the sellers then (open weights served
 * by hosts only).
 *
 * Bands, blended 3:1 USD per 1M tokens, a factor of 5 apart, set between the clusters
 * seen in the recorded history:
 * - frontier >= $2.50: flagships have launched at $3-$40 (GPT-4 $37.50, Claude 3 Opus
 *   $30, GPT-4o $7.50, Claude 3.5 / 4 Sonnet $6, GPT-4.1 $3.50, GPT-5 and Gemini 2.5 Pro
 *   $3.44);
 * - small <= $0.50: the mini/flash class ($0.10-$0.50: Gemini 1.5 Flash $0.13, GPT-4o
 *   mini $0.26, GPT-4.1 nano $0.18, Claude 3 Haiku $0.50, 8B open models);
 * - mid in between ($0.50-$2.50: o3-mini and o4-mini $1.93, Claude Haiku 4.5 $2.00,
 *   Gemini 2.5 Flash $0.85, GPT-4.1 mini $0.70, 70B open models on hosts).
 */
import { compareDecimal, type DecimalString } from "../money.ts";
import type { SellerQuote } from "./seller-quotes.ts";
import { decimalMedian } from "./statistics.ts";

export type Tier = "frontier" | "mid" | "small";
export const TIERS: readonly Tier[] = ["frontier", "mid", "small"];

export const TIER_BANDS = {
  /** A launch price at or above this is frontier. */
  frontierFrom: "2.5",
  /** A launch price at or below this is small. */
  smallUpTo: "0.5",
} as const;

export function tierOfLaunchPrice(blended: DecimalString): Tier {
  if (compareDecimal(blended, TIER_BANDS.frontierFrom) >= 0) return "frontier";
  if (compareDecimal(blended, TIER_BANDS.smallUpTo) <= 0) return "small";
  return "mid";
}

export interface LaunchPrice {
  price: DecimalString;
  basis: "first-party" | "median of sellers";
}

/** The launch price from the quotes at a model's first listing; null when there were none. */
export function launchPrice(quotes: readonly SellerQuote[]): LaunchPrice | null {
  const lab = quotes.filter((quote) => quote.providerKind === "lab").sort((a, b) => compareDecimal(a.blended, b.blended))[0];
  if (lab) return { price: lab.blended, basis: "first-party" };
  if (quotes.length === 0) return null;
  return { price: decimalMedian(quotes.map((quote) => quote.blended)), basis: "median of sellers" };
}

export interface ModelTier {
  tier: Tier;
  /** "catalogue" when models.tier says so, else the launch price it was classified by. */
  basis: "catalogue" | LaunchPrice["basis"];
  launchPrice: DecimalString | null;
}

/** The catalogue's tier when set, else the classification of the launch price. */
export function modelTier(catalogueTier: Tier | null, launch: LaunchPrice | null): ModelTier | null {
  if (catalogueTier) return { tier: catalogueTier, basis: "catalogue", launchPrice: launch?.price ?? null };
  if (!launch) return null;
  return { tier: tierOfLaunchPrice(launch.price), basis: launch.basis, launchPrice: launch.price };
}

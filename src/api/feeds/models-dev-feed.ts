/**
 * Current prices as a models.dev-compatible api.json (`/feeds/api.json`), the other format
 * routers read: `{ <provider>: { id, name, models: { <model id>: { id, name, cost, limit,
 * modalities? } } } }`, costs in USD per 1M tokens as JSON numbers, `limit` the context
 * window and output limit. Models are keyed as models.dev keys them, by the id the seller's
 * API takes (the offering's native id, else our model name). Pure.
 *
 * models.dev has no regions and no service tiers: an offering is listed when it is the
 * seller's plain (region-less) price or its China storefront, and when its variant is
 * standard or spelled in its id (OpenRouter's ":free"). tool_call, reasoning, attachment and
 * modalities are written where a source states them (LiteLLM's entry for the offering, else
 * models.dev's own); otherwise the field is left out rather than guessed.
 */
import { modelsDevSeller } from "../../../scrapers/modelsdev/seller.ts";
import { providerEntry } from "../../domain/providers.ts";
import type { FeedPrice } from "./litellm-feed.ts";
import { offeringKey, type LitellmEntry, type LitellmName } from "./litellm-names.ts";
import type { CapabilityFlags } from "./models-dev-capabilities.ts";

export interface ModelsDevPriceSet {
  input: number;
  output: number;
  cache_read?: number;
  cache_write?: number;
}

export interface ModelsDevFeedModel {
  id: string;
  name: string;
  cost: ModelsDevPriceSet & { tiers?: Array<ModelsDevPriceSet & { tier: { type: "context"; size: number } }> };
  /** Left out where no source states it: unknown is not zero. */
  limit: { context?: number; output?: number };
  modalities?: { input: string[]; output: string[] };
  tool_call?: boolean;
  reasoning?: boolean;
  /** Accepts files (images, PDFs) beside text. */
  attachment?: boolean;
}

export interface ModelsDevFeedProvider {
  id: string;
  name: string;
  models: Record<string, ModelsDevFeedModel>;
}

export type ModelsDevFeed = Record<string, ModelsDevFeedProvider>;

export interface ModelsDevFeedInput {
  prices: readonly FeedPrice[];
  /** LiteLLM's keys for our offerings: where its entries state capabilities. */
  names?: readonly LitellmName[];
  /** supports_* flags other sources state, by offering key (models-dev-capabilities.ts); LiteLLM's own win. */
  capabilities?: ReadonlyMap<string, CapabilityFlags>;
  /** Display names of models, by canonical id. */
  displayNames?: ReadonlyMap<string, string | null>;
}

function amount(perMillion: string | null): number | undefined {
  return perMillion === null ? undefined : Number(perMillion);
}

function priceSet(prices: Pick<FeedPrice, "input" | "output" | "cacheRead" | "cacheWrite">): ModelsDevPriceSet | null {
  const input = amount(prices.input);
  const output = amount(prices.output);
  if (input === undefined || output === undefined) return null;
  const cacheRead = amount(prices.cacheRead);
  const cacheWrite = amount(prices.cacheWrite);
  return { input, output, ...(cacheRead === undefined ? {} : { cache_read: cacheRead }), ...(cacheWrite === undefined ? {} : { cache_write: cacheWrite }) };
}

function costOf(price: FeedPrice): ModelsDevFeedModel["cost"] | null {
  const base = priceSet(price);
  if (!base) return null;
  const tiers = price.tiers.flatMap((tier) => {
    const prices = priceSet(tier);
    return prices ? [{ ...prices, tier: { type: "context" as const, size: tier.minInputTokens } }] : [];
  });
  return tiers.length > 0 ? { ...base, tiers } : base;
}

/** The supports_* flags stated for an offering: LiteLLM's entry over models.dev's. */
function flagsOf(entry: LitellmEntry | undefined, capabilities: CapabilityFlags | undefined): CapabilityFlags {
  const stated = Object.entries(entry ?? {}).filter((field): field is [string, boolean] => field[0].startsWith("supports_") && typeof field[1] === "boolean");
  return { ...capabilities, ...Object.fromEntries(stated) };
}

/** models.dev's capability fields from LiteLLM's flags, each only where a source states it. */
function capabilityFields(flags: CapabilityFlags): Partial<ModelsDevFeedModel> {
  const fields: Partial<ModelsDevFeedModel> = {};
  if (flags.supports_function_calling !== undefined) fields.tool_call = flags.supports_function_calling;
  if (flags.supports_reasoning !== undefined) fields.reasoning = flags.supports_reasoning;
  if (flags.supports_vision !== undefined || flags.supports_pdf_input !== undefined) fields.attachment = Boolean(flags.supports_vision || flags.supports_pdf_input);
  if (flags.supports_vision !== undefined) {
    const input = ["text", ...(flags.supports_vision ? ["image"] : []), ...(flags.supports_audio_input ? ["audio"] : []), ...(flags.supports_pdf_input ? ["pdf"] : []), ...(flags.supports_video_input ? ["video"] : [])];
    fields.modalities = { input, output: ["text", ...(flags.supports_audio_output ? ["audio"] : [])] };
  }
  return fields;
}

/**
 * The models.dev provider id an offering is listed under: our seller id, or the alias
 * models.dev uses for its China storefront ("moonshotai-cn", "zhipuai"), chosen so that
 * models.dev's reading of the id (scrapers/modelsdev/seller.ts) gives back the same seller
 * and region. Null where models.dev has no way to say where it is sold (cloud regions).
 */
function listingProvider(price: FeedPrice): string | null {
  const candidates = [price.provider, ...(providerEntry(price.provider)?.aliases ?? [])];
  return candidates.find((id) => {
    const read = modelsDevSeller(id);
    return read.provider === price.provider && read.region === price.region;
  }) ?? null;
}

function modelIdOf(price: FeedPrice): string | null {
  const id = price.nativeId ?? price.model.slice(price.model.indexOf("/") + 1);
  if (price.variant === "standard") return id;
  return id.endsWith(`:${price.variant}`) ? id : null;
}

export function buildModelsDevFeed({ prices, names = [], capabilities = new Map(), displayNames = new Map() }: ModelsDevFeedInput): ModelsDevFeed {
  const entries = new Map(names.map((name) => [offeringKey(name.offering), name.entry]));
  const feed: ModelsDevFeed = {};
  const ordered = [...prices].sort((a, b) => offeringKey(a).localeCompare(offeringKey(b)));
  for (const price of ordered) {
    if (price.currency !== "USD") continue;
    const providerId = listingProvider(price);
    const modelId = modelIdOf(price);
    const cost = costOf(price);
    if (providerId === null || modelId === null || cost === null) continue;
    const provider = (feed[providerId] ??= { id: providerId, name: providerEntry(price.provider)?.name ?? providerId, models: {} });
    // Two of our models under one seller id (a floating name and its snapshot): the first listed stays.
    if (provider.models[modelId]) continue;
    const key = offeringKey(price);
    provider.models[modelId] = {
      id: modelId,
      name: displayNames.get(price.model) ?? modelId,
      cost,
      limit: { ...(price.contextWindow ? { context: price.contextWindow } : {}), ...(price.maxOutputTokens ? { output: price.maxOutputTokens } : {}) },
      ...capabilityFields(flagsOf(entries.get(key), capabilities.get(key))),
    };
  }
  return Object.fromEntries(Object.entries(feed).sort(([a], [b]) => a.localeCompare(b)));
}

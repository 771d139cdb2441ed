/**
 * What the LiteLLM feeds read besides current prices: LiteLLM's newest map as last scraped
 * (the archived payload of the litellm source's latest successful run), the model each of
 * its keys resolved to, and the capability flags models.dev states for offerings LiteLLM
 * does not describe.
 */
import type { Executor } from "../client.ts";
import { LITELLM_SOURCE_ID } from "../../../scrapers/litellm/sourceId.ts";
import { MODELSDEV_SOURCE_ID } from "../../../scrapers/modelsdev/payload.ts";
import { litellmNames, type LitellmMap, type LitellmName } from "../../api/feeds/litellm-names.ts";
import { modelsDevCapabilities, type CapabilityFlags } from "../../api/feeds/models-dev-capabilities.ts";
import { currentFeedPrices, type CurrentFeedPrice } from "./feed-prices.ts";
import { latestSourcePayload, sourceNameModels } from "./feed-payloads.ts";

export interface StoredLitellmMap {
  map: LitellmMap;
  /** When the run that read it observed it, and the payload's sha256 (raw_payloads). */
  observedAt: Date;
  sha256: string;
}

/** LiteLLM's map from the newest successful litellm run (by observation date), or null when none is stored. */
export async function latestLitellmMap(db: Executor): Promise<StoredLitellmMap | null> {
  const payload = await latestSourcePayload(db, LITELLM_SOURCE_ID);
  return payload && { map: JSON.parse(payload.body) as LitellmMap, observedAt: payload.observedAt, sha256: payload.sha256 };
}

export interface LitellmNaming {
  /** LiteLLM's newest stored map, null when LiteLLM never ran here. */
  stored: StoredLitellmMap | null;
  /** Its keys that name offerings of ours. */
  names: LitellmName[];
  /** supports_* flags by offering key, from models.dev's newest stored api.json. */
  capabilities: Map<string, CapabilityFlags>;
}

export async function litellmNaming(db: Executor): Promise<LitellmNaming> {
  const [stored, keyModels, modelsDev, modelsDevModels] = await Promise.all([
    latestLitellmMap(db),
    sourceNameModels(db, LITELLM_SOURCE_ID),
    latestSourcePayload(db, MODELSDEV_SOURCE_ID),
    sourceNameModels(db, MODELSDEV_SOURCE_ID),
  ]);
  return {
    stored,
    names: stored ? litellmNames(stored.map, keyModels) : [],
    capabilities: modelsDev ? modelsDevCapabilities(JSON.parse(modelsDev.body), modelsDevModels) : new Map(),
  };
}

export interface LitellmFeedRows extends LitellmNaming {
  prices: CurrentFeedPrice[];
}

/** Everything the LiteLLM feeds read, prices straight from the database (no market view). */
export async function litellmFeedRows(db: Executor): Promise<LitellmFeedRows> {
  const [prices, naming] = await Promise.all([currentFeedPrices(db), litellmNaming(db)]);
  return { prices, ...naming };
}

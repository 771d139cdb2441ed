/**
 * LiteLLM's own keys as names of our offerings: LiteLLM often has several keys for one
 * offering ("claude-sonnet-4-5" and "claude-sonnet-4-5-20250929"; "anthropic.claude-…" under
 * bedrock and bedrock_converse; "azure_ai/…" beside "azure/…"), where an offering keeps one
 * native id. Each key of LiteLLM's newest stored map is read as its ingestion read it (seller,
 * region, variant from the key; the model from the alias the resolver recorded), so the
 * feed can answer under every key LiteLLM looks up. Pure.
 */
import { isDocumentationKey } from "../../../scrapers/litellm/classify.ts";
import { observationVariant } from "../../../scrapers/litellm/key-variant.ts";
import { litellmProviderId, regionOf } from "../../../scrapers/litellm/seller.ts";

export type LitellmEntry = Readonly<Record<string, unknown>>;
/** The map as stored: model entries, plus documentation keys and whatever a mirror added. */
export type LitellmMap = Readonly<Record<string, unknown>>;

export interface OfferingIdentity {
  provider: string;
  model: string;
  variant: string;
  region: string;
}

export interface LitellmName {
  key: string;
  entry: LitellmEntry;
  offering: OfferingIdentity;
}

export function offeringKey(offering: OfferingIdentity): string {
  return `${offering.provider}|${offering.model}|${offering.variant}|${offering.region}`;
}

export function isModelEntry(key: string, entry: unknown): entry is LitellmEntry {
  return !isDocumentationKey(key) && typeof entry === "object" && entry !== null && !Array.isArray(entry);
}

/**
 * The offering each model key of the map names, where the resolver matched its name
 * (`modelOfKey`: LiteLLM key -> canonical model id, from the aliases of the litellm source).
 */
export function litellmNames(map: LitellmMap, modelOfKey: ReadonlyMap<string, string>): LitellmName[] {
  const names: LitellmName[] = [];
  for (const [key, entry] of Object.entries(map)) {
    if (!isModelEntry(key, entry) || typeof entry.litellm_provider !== "string") continue;
    const model = modelOfKey.get(key);
    if (model === undefined) continue;
    const provider = litellmProviderId(entry.litellm_provider);
    names.push({ key, entry, offering: { provider, model, variant: observationVariant(key, "standard"), region: regionOf(key, provider) } });
  }
  return names;
}

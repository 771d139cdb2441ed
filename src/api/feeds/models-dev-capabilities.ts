/**
 * LiteLLM's `supports_*` flags read from models.dev's api.json, for offerings LiteLLM's own
 * map does not describe: models.dev states per seller and model whether it calls tools,
 * reasons, returns structured output, and which modalities it reads and writes. Each
 * models.dev entry is placed on our offering as its ingestion placed it (seller and region
 * from the provider id, model from the resolver's alias of its id). Pure.
 */
import { modelsDevSeller } from "../../../scrapers/modelsdev/seller.ts";
import { OPENROUTER_SUFFIX_VARIANTS, idSuffix } from "../../../scrapers/openrouter/variant.ts";
import { offeringKey } from "./litellm-names.ts";

export type CapabilityFlags = Record<string, boolean>;

interface ModelsDevEntry {
  tool_call?: unknown;
  reasoning?: unknown;
  structured_output?: unknown;
  modalities?: { input?: unknown; output?: unknown };
}

const INPUT_FLAGS: Readonly<Record<string, string>> = { image: "supports_vision", pdf: "supports_pdf_input", audio: "supports_audio_input", video: "supports_video_input" };

function words(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((word): word is string => typeof word === "string") : [];
}

function flagsOf(entry: ModelsDevEntry): CapabilityFlags {
  const flags: CapabilityFlags = {};
  if (typeof entry.tool_call === "boolean") flags.supports_function_calling = entry.tool_call;
  if (typeof entry.reasoning === "boolean") flags.supports_reasoning = entry.reasoning;
  if (typeof entry.structured_output === "boolean") flags.supports_response_schema = entry.structured_output;
  const inputs = words(entry.modalities?.input);
  if (inputs.length > 0) for (const [modality, flag] of Object.entries(INPUT_FLAGS)) flags[flag] = inputs.includes(modality);
  const outputs = words(entry.modalities?.output);
  if (outputs.length > 0) flags.supports_audio_output = outputs.includes("audio");
  return flags;
}

/** Flags by offering key (litellm-names.ts), from models.dev's api.json and the model each of its ids resolved to. */
export function modelsDevCapabilities(apiJson: unknown, modelOfId: ReadonlyMap<string, string>): Map<string, CapabilityFlags> {
  const capabilities = new Map<string, CapabilityFlags>();
  if (typeof apiJson !== "object" || apiJson === null) return capabilities;
  for (const [providerId, provider] of Object.entries(apiJson as Record<string, { models?: Record<string, ModelsDevEntry> }>)) {
    const { provider: seller, region } = modelsDevSeller(providerId);
    for (const [id, entry] of Object.entries(provider?.models ?? {})) {
      const model = modelOfId.get(id);
      const suffix = idSuffix(id);
      if (!model || typeof entry !== "object" || entry === null) continue;
      const variant = suffix !== null && OPENROUTER_SUFFIX_VARIANTS.has(suffix) ? suffix : "standard";
      capabilities.set(offeringKey({ provider: seller, model, variant, region }), flagsOf(entry));
    }
  }
  return capabilities;
}

/**
 * The names LiteLLM looks models up by, built from a seller-native id (offerings.native_id):
 * bare ids for OpenAI and Anthropic (and Google's own models on Vertex, which LiteLLM keys
 * bare too), Bedrock's bare, geography-prefixed ("us.anthropic…") and "bedrock/<aws-region>/…"
 * ids, "azure/<zone>/…" data zones, and "<route>/<id>" elsewhere (vertex_ai/, together_ai/,
 * fireworks_ai/accounts/fireworks/models/…, openrouter/, groq/, deepinfra/, mistral/,
 * gemini/, xai/, deepseek/...). Pure.
 */
import { canonicalProviderId } from "../../domain/providers.ts";
import { LITELLM_PROVIDERS } from "./litellm-providers.ts";

export interface KeyedOffering {
  provider: string;
  /** Canonical model id, "<creator>/<name>". */
  model: string;
  region: string;
  /** The id the seller's API expects, where a source stated it. */
  nativeId: string | null;
}

/** Sellers with several LiteLLM spellings: the one LiteLLM's chat entries use. */
const PREFERRED_PROVIDER: Readonly<Record<string, string>> = {
  google: "gemini",
  openai: "openai",
  mistral: "mistral",
  bedrock: "bedrock",
  azure: "azure",
  cohere: "cohere_chat",
  meta: "meta_llama",
};

/** LiteLLM splits Vertex AI by model family; our creator ids where the family name differs. */
const VERTEX_FAMILY: Readonly<Record<string, string>> = {
  google: "vertex_ai-language-models",
  meta: "vertex_ai-llama_models",
  alibaba: "vertex_ai-qwen_models",
};

/** Sellers whose LiteLLM keys carry no route prefix. */
const BARE_KEY_PROVIDERS = new Set(["openai", "anthropic"]);
const FIREWORKS_MODEL_PATH = "accounts/fireworks/models/";
const BEDROCK_GEOGRAPHY = /^(us|eu|apac|au|jp|ca|global|us-gov)$/;
const BEDROCK_REGION = /^[a-z]{2}(?:-gov)?-[a-z]+-\d+$/;
const AZURE_ZONE = /^(us|eu|global|global-standard)$/;

/** Our seller id -> the LiteLLM provider value, for sellers with one unambiguous spelling. */
const DERIVED_PROVIDER: ReadonlyMap<string, string> = (() => {
  const derived = new Map<string, string>();
  for (const value of LITELLM_PROVIDERS) {
    // Family-split ("vertex_ai-…") and legacy-endpoint ("text-completion-…") values never stand for a whole seller.
    if (value.includes("-")) continue;
    const id = canonicalProviderId(value);
    if (!derived.has(id)) derived.set(id, value);
  }
  return derived;
})();

function creatorOf(model: string): string {
  return model.slice(0, model.indexOf("/"));
}

/** The `litellm_provider` of an offering, always one LiteLLM knows; null when LiteLLM has no provider for the seller. */
export function litellmProviderFor(provider: string, model: string): string | null {
  if (provider === "vertex") {
    const creator = creatorOf(model);
    const family = VERTEX_FAMILY[creator] ?? `vertex_ai-${creator}_models`;
    return LITELLM_PROVIDERS.has(family) ? family : "vertex_ai";
  }
  return PREFERRED_PROVIDER[provider] ?? DERIVED_PROVIDER.get(provider) ?? null;
}

/** The first key segment LiteLLM routes a provider value by ("vertex_ai-anthropic_models" -> "vertex_ai"). */
function routeOf(litellmProvider: string): string {
  return litellmProvider.startsWith("vertex_ai") ? "vertex_ai" : litellmProvider;
}

/** The seller's id for the model: its native id, else the name part of our canonical id. */
function sellerIdOf(offering: KeyedOffering): string {
  return offering.nativeId ?? offering.model.slice(offering.model.indexOf("/") + 1);
}

function withoutPrefix(id: string, prefix: string): string {
  return id.startsWith(`${prefix}/`) ? id.slice(prefix.length + 1) : id;
}

/** The key LiteLLM looks the offering up by, or null when LiteLLM has no provider or no spelling for its region. */
export function litellmKeyFor(offering: KeyedOffering): string | null {
  const litellmProvider = litellmProviderFor(offering.provider, offering.model);
  if (litellmProvider === null) return null;
  const route = routeOf(litellmProvider);
  const id = withoutPrefix(sellerIdOf(offering), route);
  const { provider, region } = offering;
  if (provider === "bedrock") {
    if (!region) return id;
    if (BEDROCK_GEOGRAPHY.test(region)) return `${region}.${id}`;
    return BEDROCK_REGION.test(region) ? `bedrock/${region}/${id}` : null;
  }
  if (provider === "azure") {
    if (!region) return `azure/${id}`;
    return AZURE_ZONE.test(region) ? `azure/${region}/${id}` : null;
  }
  if (region) return null;
  if (BARE_KEY_PROVIDERS.has(provider)) return id;
  if (litellmProvider === "vertex_ai-language-models") return id;
  if (provider === "fireworks") return `fireworks_ai/${id.startsWith(FIREWORKS_MODEL_PATH) ? id : FIREWORKS_MODEL_PATH + id}`;
  return `${route}/${id}`;
}

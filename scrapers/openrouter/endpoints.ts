/**
 * OpenRouter `GET /api/v1/models/{author}/{slug}/endpoints` -> one price per provider
 * endpoint of a model (the hosts OpenRouter routes to), so host-vs-host spreads can be
 * tracked. Shape from OpenRouter's OpenAPI (ListEndpointsResponse / PublicEndpoint); no
 * real payload was recorded, see fixtures/endpoints-hand-written.json.
 *
 * Seller: the endpoint `tag` is OpenRouter's provider slug ("google-vertex",
 * "amazon-bedrock", "deepinfra/fp8") and is preferred to `provider_name`, which is
 * ambiguous ("Google" is Vertex, "Google AI Studio" is Google's own API).
 * Anything after the slug in the tag ("/fp8", "/global/priority") names a distinct
 * endpoint of the same seller and becomes the variant, so two endpoints never collide.
 *
 * `pricing.discount` is not applied: the quoted prompt/completion are already the
 * promotional price (the /models headline equals the discounted endpoint's quote).
 */
import type { ModelHints, PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { canonicalProviderId } from "../../src/domain/providers.ts";
import { PayloadError, singleDocument, type ParseResult, type PayloadDocument } from "../source.ts";
import { creatorOf, displayNameOf, positiveInteger, releaseDateOf } from "./hints.ts";
import { OPENROUTER_SOURCE_ID, readOpenRouterJson } from "./payload.ts";
import { entryTokenPrices, type TokenPrices } from "./pricing.ts";
import { endpointListSchema } from "./schema.ts";
import { baseModelId, variantFromOpenRouterId } from "./variant.ts";

const API_ROOT = "https://openrouter.ai/api/v1";

/** The endpoints URL of a model id; a variant suffix (`:free`, `:batch`) is not part of the path. */
export function endpointsUrl(modelId: string): string {
  const base = baseModelId(modelId);
  if (!/^~?[\w.-]+\/[\w.-]+$/.test(base)) throw new Error(`not an OpenRouter model id: ${JSON.stringify(modelId)}`);
  return `${API_ROOT}/models/${base}/endpoints`;
}

function isFree(prices: TokenPrices): boolean {
  return prices.input === "0" && prices.output === "0";
}

function endpointVariant(modelId: string, tagQualifiers: readonly string[], prices: TokenPrices): string {
  const idVariant = variantFromOpenRouterId(modelId);
  const parts = idVariant === "standard" ? [...tagQualifiers] : [idVariant, ...tagQualifiers];
  if (parts.length > 0) return parts.join("/");
  // A model's free endpoints are its `:free` offering, listed beside the paid ones.
  return isFree(prices) ? "free" : "standard";
}

export function parseEndpoints(documents: readonly PayloadDocument[]): ParseResult<PriceObservation> {
  const document = singleDocument(OPENROUTER_SOURCE_ID, documents);
  const { data: model } = readOpenRouterJson(document, endpointListSchema);
  if (model.endpoints.length === 0) {
    throw new PayloadError(OPENROUTER_SOURCE_ID, `no endpoints listed for ${model.id}`, document.name);
  }
  const modelHints: ModelHints = {
    displayName: displayNameOf(model.name),
    creator: creatorOf(model.id),
    releaseDate: releaseDateOf(model.created),
  };
  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const endpoint of model.endpoints) {
    const [providerSlug = "", ...tagQualifiers] = (endpoint.tag ?? "").split("/").filter((part) => part !== "");
    const entryName = `${model.id} @ ${endpoint.tag || endpoint.provider_name}`;
    const prices = entryTokenPrices(document, entryName, endpoint.pricing);
    if (prices === null) {
      skipped.push({ name: entryName, reason: "endpoint priced -1: not a price" });
      continue;
    }
    observations.push({
      provider: canonicalProviderId(providerSlug || endpoint.provider_name),
      model: model.id,
      variant: endpointVariant(model.id, tagQualifiers, prices),
      region: "",
      currency: "USD",
      ...prices,
      hints: {
        ...modelHints,
        contextWindow: positiveInteger(endpoint.context_length),
        maxOutputTokens: positiveInteger(endpoint.max_completion_tokens),
      },
    });
  }
  return { observations, skipped };
}

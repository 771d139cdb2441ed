/**
 * models.dev api.json -> one price per (provider, model) it lists, USD per 1M tokens.
 * Sellers go through canonicalProviderId; entries that are not per-token text prices
 * (no cost, subscriptions, embeddings, image/audio/video-only models) are skipped.
 */
import type { PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { OPENROUTER_SUFFIX_VARIANTS, idSuffix } from "../openrouter/variant.ts";
import { PayloadError, singleDocument, type ParseResult, type PayloadDocument } from "../source.ts";
import { modelsDevPrices } from "./cost.ts";
import { modelsDevHints } from "./hints.ts";
import { statusSignal } from "./lifecycle.ts";
import { MODELSDEV_SOURCE_ID, readModelsDevJson } from "./payload.ts";
import { apiJsonSchema } from "./schema.ts";
import { outOfScopeReason } from "./scope.ts";
import { modelsDevSeller } from "./seller.ts";

/**
 * Aggregators listed in models.dev (openrouter, kilo, nano-gpt) keep OpenRouter's
 * offering suffixes (`:free`, `:thinking`, ...). Any other ":" is part of a name
 * (Bedrock's `:0` versions, Ollama's `:671b` sizes), so it is not a variant.
 */
function variantOf(modelId: string): string {
  const suffix = idSuffix(modelId);
  return suffix !== null && OPENROUTER_SUFFIX_VARIANTS.has(suffix) ? suffix : "standard";
}

function priceFingerprint(observation: PriceObservation): string {
  const { input, output, cacheRead, cacheWrite, tiers } = observation;
  return JSON.stringify({ input, output, cacheRead, cacheWrite, tiers });
}

export function parseModelsDev(documents: readonly PayloadDocument[]): ParseResult<PriceObservation> {
  const document = singleDocument(MODELSDEV_SOURCE_ID, documents);
  const providers = Object.entries(readModelsDevJson(document, apiJsonSchema));
  if (providers.length === 0) throw new PayloadError(MODELSDEV_SOURCE_ID, "no providers listed", document.name);

  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = [];
  // Two models.dev providers can map to one seller (google-vertex, google-vertex-anthropic).
  const listedBy = new Map<string, { providerId: string; observation: PriceObservation }>();

  for (const [providerId, provider] of providers) {
    const { provider: seller, region } = modelsDevSeller(providerId);
    for (const [modelId, model] of Object.entries(provider.models)) {
      const name = `${providerId}/${modelId}`;
      const reason = outOfScopeReason(providerId, model);
      if (reason !== null || model.cost === undefined) {
        skipped.push({ name, reason: reason ?? "no price" });
        continue;
      }
      const prices = modelsDevPrices(model.cost);
      const observation: PriceObservation = {
        provider: seller,
        model: modelId,
        // models.dev keys each provider's models by the id that provider's API takes.
        nativeId: modelId,
        variant: variantOf(modelId),
        region,
        currency: "USD",
        ...prices,
        hints: modelsDevHints(model),
        lifecycle: statusSignal(model.status),
      };
      const offering = `${seller}|${modelId}|${observation.variant}|${region}`;
      const earlier = listedBy.get(offering);
      if (earlier) {
        const agrees = priceFingerprint(earlier.observation) === priceFingerprint(observation);
        skipped.push({
          name,
          reason: agrees ? `same offering as ${earlier.providerId}/${modelId}` : `conflicts with ${earlier.providerId}/${modelId}, kept first`,
        });
        continue;
      }
      listedBy.set(offering, { providerId, observation });
      observations.push(observation);
    }
  }
  return { observations, skipped };
}

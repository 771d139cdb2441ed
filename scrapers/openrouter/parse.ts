/**
 * OpenRouter `GET /api/v1/models` -> one price per listed model, sold by OpenRouter.
 * Router pseudo-models priced -1 and `~` alias ids (moving pointers to another model)
 * are skipped; everything else, free models included, is a price.
 */
import type { ModelHints, PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, singleDocument, type ParseResult, type PayloadDocument } from "../source.ts";
import { expirationSignal } from "./lifecycle.ts";
import { creatorOf, displayNameOf, positiveInteger, releaseDateOf } from "./hints.ts";
import { OPENROUTER_SOURCE_ID, readOpenRouterJson } from "./payload.ts";
import { entryTokenPrices } from "./pricing.ts";
import { modelListSchema, type OpenRouterModelEntry } from "./schema.ts";
import { variantFromOpenRouterId } from "./variant.ts";

function modelHints(entry: OpenRouterModelEntry): ModelHints {
  return {
    displayName: displayNameOf(entry.name),
    creator: creatorOf(entry.id),
    releaseDate: releaseDateOf(entry.created),
    // An empty or missing hugging_face_id does not prove closed weights: unknown.
    openWeights: entry.hugging_face_id ? true : null,
    contextWindow: positiveInteger(entry.context_length),
    maxOutputTokens: positiveInteger(entry.top_provider?.max_completion_tokens),
  };
}

function aliasReason(entry: OpenRouterModelEntry): string {
  const target = entry.alias_target ? ` (now ${entry.alias_target.slug})` : "";
  return `moving alias to the latest model of a family${target}: not an offering`;
}

function readModelEntries(document: PayloadDocument): OpenRouterModelEntry[] {
  const entries = readOpenRouterJson(document, modelListSchema).data;
  if (entries.length === 0) throw new PayloadError(OPENROUTER_SOURCE_ID, "no models listed", document.name);
  return entries;
}

export function parseOpenRouterModels(documents: readonly PayloadDocument[]): ParseResult<PriceObservation> {
  const document = singleDocument(OPENROUTER_SOURCE_ID, documents);
  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const entry of readModelEntries(document)) {
    if (entry.id.startsWith("~")) {
      skipped.push({ name: entry.id, reason: aliasReason(entry) });
      continue;
    }
    const prices = entryTokenPrices(document, entry.id, entry.pricing);
    if (prices === null) {
      skipped.push({ name: entry.id, reason: "router pseudo-model priced -1: not a price" });
      continue;
    }
    observations.push({
      provider: "openrouter",
      model: entry.id,
      // OpenRouter's API takes its own id, variant suffix included (":free", ":beta").
      nativeId: entry.id,
      variant: variantFromOpenRouterId(entry.id),
      region: "",
      currency: "USD",
      ...prices,
      hints: modelHints(entry),
      lifecycle: expirationSignal(entry.expiration_date),
    });
  }
  return { observations, skipped };
}

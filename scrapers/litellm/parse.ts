/**
 * LiteLLM's `model_prices_and_context_window.json`: one JSON object, key = model name as
 * LiteLLM routes it, value = its prices in USD per token plus limits and capabilities.
 */
import type { PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, parseJsonDocument, singleDocument, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { isDocumentationKey } from "./classify.ts";
import { readEntry } from "./entry.ts";
import { LITELLM_SOURCE_ID } from "./sourceId.ts";
import { appendAll } from "../lib/append-all.ts";

export function parseLitellmCostMap(documents: readonly PayloadDocument[], _context: ParseContext): ParseResult<PriceObservation> {
  const document = singleDocument(LITELLM_SOURCE_ID, documents);
  const payload = parseJsonDocument(LITELLM_SOURCE_ID, document);
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) {
    throw new PayloadError(LITELLM_SOURCE_ID, "expected a JSON object of model entries", document.name);
  }
  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const [key, value] of Object.entries(payload)) {
    if (isDocumentationKey(key)) {
      skipped.push({ name: key, reason: "documentation key, not a model" });
      continue;
    }
    const outcome = readEntry(key, value);
    appendAll(observations, outcome.observations);
    appendAll(skipped, outcome.skipped);
  }
  if (observations.length === 0) {
    throw new PayloadError(LITELLM_SOURCE_ID, "no token-priced text model found", document.name);
  }
  return { observations, skipped };
}

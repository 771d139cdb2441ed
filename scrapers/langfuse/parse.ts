/**
 * Langfuse `worker/src/constants/default-model-prices.json`: the model prices Langfuse ships
 * to cost traces, a JSON array of model definitions matched to usage by regex. USD per token.
 */
import { z } from "zod";
import type { PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, parseJsonDocument, singleDocument, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { readModel } from "./model.ts";
import { modelPricesSchema } from "./schema.ts";
import { LANGFUSE_SOURCE_ID } from "./sourceId.ts";
import { appendAll } from "../lib/append-all.ts";

export function parseLangfuseModelPrices(documents: readonly PayloadDocument[], _context: ParseContext): ParseResult<PriceObservation> {
  const document = singleDocument(LANGFUSE_SOURCE_ID, documents);
  const payload = parseJsonDocument(LANGFUSE_SOURCE_ID, document);
  if (!Array.isArray(payload)) throw new PayloadError(LANGFUSE_SOURCE_ID, "expected a JSON array of model definitions", document.name);
  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = [];
  const seen = new Set<string>();
  payload.forEach((raw, index) => {
    const parsed = modelPricesSchema.safeParse(raw);
    if (!parsed.success) {
      throw new PayloadError(LANGFUSE_SOURCE_ID, `model definition #${index} is not in a known layout: ${z.prettifyError(parsed.error)}`, document.name);
    }
    if (seen.has(parsed.data.modelName)) throw new PayloadError(LANGFUSE_SOURCE_ID, `model "${parsed.data.modelName}" is defined twice`, document.name);
    seen.add(parsed.data.modelName);
    const outcome = readModel(parsed.data);
    appendAll(observations, outcome.observations);
    appendAll(skipped, outcome.skipped);
  });
  if (observations.length === 0) throw new PayloadError(LANGFUSE_SOURCE_ID, "no token-priced text model found", document.name);
  return { observations, skipped };
}

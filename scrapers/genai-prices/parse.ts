/**
 * pydantic/genai-prices `prices/data.json` -> price observations (USD per 1M tokens).
 * The payload may be the repository's whole `prices/` folder: only `prices/data.json` is
 * read, and the other files (provider YAML sources, data_slim.json, new_data/, schemas) are
 * other encodings of the same data, so they are ignored without a skipped entry.
 * Model names are the source's model `id`s; its `match` rules are not expanded into names,
 * since they also cover dated snapshots whose prices differ (gpt-4o matches gpt-4o-2024-05-13).
 */
import type { PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { canonicalProviderId } from "../../src/domain/providers.ts";
import { PayloadError, parseJsonDocument, type ParseResult, type PayloadDocument } from "../source.ts";
import { modelObservations } from "./model-observations.ts";
import { dataFileSchema, modelIdSchema, modelSchema, type GenaiModel } from "./schema.ts";
import { describeIssues } from "../../src/domain/zod-issues.ts";
import { appendAll } from "../lib/append-all.ts";

export const GENAI_PRICES_ID = "genai-prices";

/** `prices/data.json` in the repository (live URL or replayed folder), or a lone `data.json`. */
const DATA_FILE_NAME = /(^|\/)prices\/data\.json$|^data\.json$/;

function selectDataFile(documents: readonly PayloadDocument[]): PayloadDocument {
  const matches = documents.filter((document) => DATA_FILE_NAME.test(document.name));
  const [only] = matches;
  if (!only) throw new PayloadError(GENAI_PRICES_ID, `no prices/data.json among ${documents.length} document(s)`);
  if (matches.length > 1) {
    throw new PayloadError(GENAI_PRICES_ID, `several data.json documents: ${matches.map((d) => d.name).join(", ")}`);
  }
  return only;
}

function parseModel(raw: unknown, providerId: string, documentName: string): GenaiModel {
  const result = modelSchema.safeParse(raw);
  if (result.success) return result.data;
  const id = modelIdSchema.safeParse(raw);
  const label = `${providerId}/${id.success ? id.data.id : "(model without id)"}`;
  throw new PayloadError(GENAI_PRICES_ID, `unexpected model ${label}: ${describeIssues(result.error)}`, documentName);
}

export function parseGenaiPrices(documents: readonly PayloadDocument[]): ParseResult<PriceObservation> {
  const document = selectDataFile(documents);
  const providers = dataFileSchema.safeParse(parseJsonDocument(GENAI_PRICES_ID, document));
  if (!providers.success) {
    throw new PayloadError(GENAI_PRICES_ID, `unexpected layout: ${describeIssues(providers.error)}`, document.name);
  }

  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const provider of providers.data) {
    const providerId = canonicalProviderId(provider.id);
    for (const raw of provider.models) {
      const model = parseModel(raw, provider.id, document.name);
      const result = modelObservations({ provider: providerId, model }, `${provider.id}/${model.id}`);
      appendAll(observations, result.observations);
      appendAll(skipped, result.skipped);
    }
  }
  if (observations.length === 0) throw new PayloadError(GENAI_PRICES_ID, "no priced models found", document.name);
  return { observations, skipped };
}

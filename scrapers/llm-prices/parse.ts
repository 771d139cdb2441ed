/**
 * simonw/llm-prices `data/<vendor>.json` files -> dated price observations (USD per 1M tokens).
 * The payload is one document per vendor file. Documents are picked by name: `*.json`, or
 * `*.json.txt` (how a recorded payload that is not valid JSON is kept), so a bad capture
 * still fails loudly; anything else (README, notes) is not vendor data and is ignored.
 */
import type { PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { canonicalProviderId } from "../../src/domain/providers.ts";
import { PayloadError, parseJsonDocument, type ParseResult, type PayloadDocument } from "../source.ts";
import { distinctModels } from "./duplicates.ts";
import { modelIdSchema, modelSchema, vendorFileSchema, type LlmPricesModel } from "./schema.ts";
import { vendorObservations } from "./vendor-observations.ts";
import { describeIssues } from "../../src/domain/zod-issues.ts";
import { appendAll } from "../lib/append-all.ts";

export const LLM_PRICES_ID = "llm-prices";

const VENDOR_FILE_NAME = /\.json(\.txt)?$/;

function parseModel(raw: unknown, vendor: string, documentName: string): LlmPricesModel {
  const result = modelSchema.safeParse(raw);
  if (result.success) return result.data;
  const id = modelIdSchema.safeParse(raw);
  const label = `${vendor}/${id.success ? id.data.id : "(model without id)"}`;
  throw new PayloadError(LLM_PRICES_ID, `unexpected model ${label}: ${describeIssues(result.error)}`, documentName);
}

function parseVendorFile(document: PayloadDocument): ParseResult<PriceObservation> {
  const file = vendorFileSchema.safeParse(parseJsonDocument(LLM_PRICES_ID, document));
  if (!file.success) {
    throw new PayloadError(LLM_PRICES_ID, `unexpected layout: ${describeIssues(file.error)}`, document.name);
  }
  const { vendor } = file.data;
  const entryName = (id: string): string => `${vendor}/${id}`;
  const distinct = distinctModels(
    file.data.models.map((raw) => parseModel(raw, vendor, document.name)),
    entryName,
  );
  if ("conflict" in distinct) throw new PayloadError(LLM_PRICES_ID, distinct.conflict, document.name);
  const result = vendorObservations(canonicalProviderId(vendor), distinct.models, entryName);
  return { observations: result.observations, skipped: [...distinct.skipped, ...result.skipped] };
}

export function parseLlmPrices(documents: readonly PayloadDocument[]): ParseResult<PriceObservation> {
  const vendorFiles = documents.filter((document) => VENDOR_FILE_NAME.test(document.name));
  if (vendorFiles.length === 0) {
    throw new PayloadError(LLM_PRICES_ID, `no vendor .json file among ${documents.length} document(s)`);
  }
  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const document of vendorFiles) {
    const result = parseVendorFile(document);
    appendAll(observations, result.observations);
    appendAll(skipped, result.skipped);
  }
  if (observations.length === 0) throw new PayloadError(LLM_PRICES_ID, "no priced models found");
  return { observations, skipped };
}

/**
 * mistral.ai/pricing, "API pricing" tab: USD per 1M tokens per model, read from the page's
 * Next.js flight payload (the served HTML has no price table).
 *
 * The model name is the catalogue's name ("Mistral Small 4"), not its `api_endpoint`: the
 * endpoints shown are moving "-latest" aliases that several entries share
 * (`mistral-small-latest` is both Mistral Small 4 and Mistral Small 3.2 on this page), so
 * they identify no model. EUR prices are not emitted: USD is the comparable list, and the
 * EUR fields are visibly less kept (Pixtral Large's EUR input holds its label text).
 */
import { priceObservationSchema, type PriceObservation, type SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, singleDocument, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { readApiCatalogue, type ApiEntry } from "./api-catalogue.ts";
import { MISTRAL_PRICING_SOURCE_ID } from "./source-id.ts";
import { readEntryPrices } from "./token-price.ts";

const SKIPPED_TYPES: Readonly<Record<string, string>> = {
  "Embedding models": "embedding model",
  "Classifier models": "classifier (moderation / fine-tuned classification), not a chat model",
  Tools: "tool, not a model",
};

/** "Open models" / "Open model" say open weights; "Premier" says closed; "Labs" says neither. */
function openWeightsOf(entry: ApiEntry): boolean | null {
  const labels = [entry.type, entry.licence].map((label) => label?.toLowerCase() ?? "");
  if (labels.some((label) => label.startsWith("open model"))) return true;
  if (labels.some((label) => label.startsWith("premier model"))) return false;
  return null;
}

/** "128k" -> 128000 (k = 1,000, as written). */
function contextWindowOf(entry: ApiEntry): number | null {
  const match = /^(\d+)\s*k$/i.exec(entry.context?.trim() ?? "");
  return match?.[1] ? Number(match[1]) * 1000 : null;
}

export function parseMistralPricing(documents: readonly PayloadDocument[], _context: ParseContext): ParseResult<PriceObservation> {
  const document = singleDocument(MISTRAL_PRICING_SOURCE_ID, documents);
  const catalogue = readApiCatalogue(document.body, document.name);
  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const entry of catalogue) {
    const skippedType = entry.type ? SKIPPED_TYPES[entry.type] : undefined;
    if (skippedType) {
      skipped.push({ name: entry.name, reason: skippedType });
      continue;
    }
    const prices = readEntryPrices(entry);
    if (prices.kind === "not-token") {
      skipped.push({ name: entry.name, reason: `not priced per token (${prices.labels.join("; ")})` });
      continue;
    }
    if (observations.some((observation) => observation.model === entry.name)) {
      throw new PayloadError(MISTRAL_PRICING_SOURCE_ID, `${entry.name} is priced twice`, document.name);
    }
    observations.push(
      priceObservationSchema.parse({
        provider: "mistral",
        model: entry.name,
        input: prices.kind === "free" ? "0" : prices.input,
        output: prices.kind === "free" ? "0" : prices.output,
        hints: { displayName: entry.name, openWeights: openWeightsOf(entry), contextWindow: contextWindowOf(entry) },
      }),
    );
  }
  if (observations.length === 0) throw new PayloadError(MISTRAL_PRICING_SOURCE_ID, "no token-priced model in the API catalogue", document.name);
  return { observations, skipped };
}

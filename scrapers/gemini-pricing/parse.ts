/**
 * Gemini Developer API pricing page (ai.google.dev/gemini-api/docs/pricing): one section
 * per model, one table per service tier, USD per 1M tokens in the "Paid Tier" column.
 * A section that names several model ids (`gemini-3.1-pro-preview` and its
 * `-customtools` endpoint) prices each of them.
 */
import { priceObservationSchema, type PriceObservation, type SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, singleDocument, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { readModelSections, type ModelSection } from "./model-sections.ts";
import { GEMINI_PRICING_SOURCE_ID } from "./source-id.ts";
import { readTierPrices } from "./tier-prices.ts";
import { appendAll } from "../lib/append-all.ts";

const VARIANT_BY_TIER: Readonly<Record<string, string>> = {
  Standard: "standard",
  Batch: "batch",
  Flex: "flex",
  Priority: "priority",
};

/** Headings carry a decorative emoji ("Gemini 2.5 Flash Image 🍌") that is no part of the name. */
function displayNameOf(section: ModelSection): string {
  return section.displayName.replace(/\p{Extended_Pictographic}/gu, "").trim();
}

function variantOf(tier: string | null, context: string): string {
  const variant = VARIANT_BY_TIER[tier ?? "Standard"];
  if (!variant) throw new PayloadError(GEMINI_PRICING_SOURCE_ID, `${context}: unknown service tier "${tier}"`);
  return variant;
}

export function parseGeminiPricing(documents: readonly PayloadDocument[], _context: ParseContext): ParseResult<PriceObservation> {
  const document = singleDocument(GEMINI_PRICING_SOURCE_ID, documents);
  const sections = readModelSections(document.body);
  if (sections.length === 0) {
    throw new PayloadError(GEMINI_PRICING_SOURCE_ID, "no div.models-section: not the Gemini pricing page, or its layout changed", document.name);
  }
  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = [];
  const seen = new Set<string>();
  for (const section of sections) {
    const displayName = displayNameOf(section);
    // Gemma has no model id on the page: its heading is the only name it has.
    const names = section.modelIds.length > 0 ? section.modelIds : [displayName];
    if (section.tables.length === 0) throw new PayloadError(GEMINI_PRICING_SOURCE_ID, `${displayName}: no pricing table`, document.name);
    const isEmbedding = /embedding/i.test(displayName);
    for (const table of section.tables) {
      const context = `${displayName} (${table.tier ?? "single tier"})`;
      const variant = variantOf(table.tier, context);
      const prices = readTierPrices(table, context, isEmbedding);
      if (prices.kind === "skipped") {
        appendAll(skipped, names.map((name) => ({ name, reason: `${variant}: ${prices.reason}` })));
        continue;
      }
      for (const model of names) {
        const key = `${model}\u0000${variant}`;
        if (seen.has(key)) throw new PayloadError(GEMINI_PRICING_SOURCE_ID, `${model} is priced twice for ${variant}`, document.name);
        seen.add(key);
        observations.push(
          priceObservationSchema.parse({
            provider: "google",
            model,
            // Each section names the model codes the Gemini API takes.
            nativeId: model,
            variant,
            input: prices.input,
            output: prices.output,
            cacheRead: prices.cacheRead,
            tiers: prices.tiers,
            hints: { displayName },
          }),
        );
      }
    }
  }
  if (observations.length === 0) throw new PayloadError(GEMINI_PRICING_SOURCE_ID, "no token-priced model found", document.name);
  return { observations, skipped };
}

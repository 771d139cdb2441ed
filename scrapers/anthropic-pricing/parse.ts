/**
 * Parses claude.com/pricing: the API model cards become standard-tier prices. The static
 * HTML carries full prices only (the "Batch processing" toggle halves them in client-side
 * JavaScript), so this source has no batch variant; the docs page (anthropic-docs) has it.
 */
import type { PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, singleDocument, type ParseResult, type PayloadDocument } from "../source.ts";
import { cardObservation } from "./card-prices.ts";
import { ANTHROPIC_PRICING_SOURCE_ID, CardLayoutError } from "./errors.ts";
import { readPricingCards, type PricingPage } from "./read-cards.ts";

export function parseAnthropicPricing(documents: readonly PayloadDocument[]): ParseResult<PriceObservation> {
  const document = singleDocument(ANTHROPIC_PRICING_SOURCE_ID, documents);
  try {
    return pricingPageResult(readPricingCards(document.body));
  } catch (error) {
    if (error instanceof CardLayoutError) throw new PayloadError(ANTHROPIC_PRICING_SOURCE_ID, error.message, document.name);
    throw error;
  }
}

function pricingPageResult(page: PricingPage): ParseResult<PriceObservation> {
  if (page.apiCards.length === 0) throw new CardLayoutError("no API model cards (div.card_pricing_api_wrap) found");
  if (page.cacheTtlNote === undefined) throw new CardLayoutError('the note saying the caching "Write" price is the 5-minute TTL is missing');
  const observations = page.apiCards.map(cardObservation);
  const names = observations.map((observation) => observation.model);
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) throw new CardLayoutError(`model card "${repeated}" appears twice`);
  return { observations, skipped: skippedCards(page) };
}

function skippedCards(page: PricingPage): SkippedEntry[] {
  const plans = [...new Set(page.plans)].map((name) => ({ name, reason: "subscription plan, not a per-token API price" }));
  const features = [...new Set(page.features.map((feature) => feature.name))].map((name) => ({
    name,
    reason: "platform feature priced per session-hour, search or container-hour, not per token",
  }));
  return [...plans, ...features];
}

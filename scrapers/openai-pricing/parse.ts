/**
 * Parses developers.openai.com/api/docs/pricing (where platform.openai.com/docs/pricing
 * redirects). Text-token prices come from the flagship tables (one per service tier:
 * standard, batch, flex, priority / "fast mode"), the Cyber models table and the
 * Specialized models table; image, audio, realtime, video, transcription, embedding,
 * moderation, tool and fine-tuning prices are reported as skipped.
 */
import type { PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, singleDocument, type ParseResult, type PayloadDocument } from "../source.ts";
import { looksLikeBotChallenge } from "./bot-challenge.ts";
import { OPENAI_PRICING_SOURCE_ID, PricingLayoutError } from "./errors.ts";
import { readPricingIslands } from "./read-islands.ts";
import { tableIslandReading } from "./table-island.ts";
import { textTokenIslandRows } from "./text-token-island.ts";
import { pageLongContextThreshold, tokenObservation } from "./token-observation.ts";
import { uniqueOfferings, uniqueSkipped } from "./unique-offerings.ts";

const TEXT_TOKEN_COMPONENT = "TextTokenPricingTables";

export function parseOpenaiPricing(documents: readonly PayloadDocument[]): ParseResult<PriceObservation> {
  const document = singleDocument(OPENAI_PRICING_SOURCE_ID, documents);
  try {
    return pricingPageResult(document.body);
  } catch (error) {
    if (error instanceof PricingLayoutError) throw new PayloadError(OPENAI_PRICING_SOURCE_ID, error.message, document.name);
    throw error;
  }
}

function pricingPageResult(html: string): ParseResult<PriceObservation> {
  const islands = readPricingIslands(html);
  if (islands.length === 0) {
    throw new PricingLayoutError(
      looksLikeBotChallenge(html)
        ? "blocked by a bot challenge (Cloudflare interstitial): the response holds no prices"
        : "no pricing tables (Astro pricing islands) found",
    );
  }
  // The props hold bare numbers; the page's "Prices per 1M tokens." is what gives them a unit.
  if (!html.includes("Prices per 1M tokens")) throw new PricingLayoutError('the "Prices per 1M tokens" unit note is missing');
  const textTokenIslands = islands.filter((island) => island.component === TEXT_TOKEN_COMPONENT);
  if (textTokenIslands.length === 0) throw new PricingLayoutError(`no ${TEXT_TOKEN_COMPONENT} island (the flagship text-token tables) found`);

  const tableReadings = islands.filter((island) => island.component !== TEXT_TOKEN_COMPONENT).map(tableIslandReading);
  const rows = [...textTokenIslands.flatMap(textTokenIslandRows), ...tableReadings.flatMap((reading) => reading.rows)];
  const threshold = pageLongContextThreshold([
    ...tableReadings.flatMap((reading) => reading.statedThresholds),
    ...rows.flatMap((row) => (row.shortContextLimit === null ? [] : [row.shortContextLimit])),
  ]);

  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = tableReadings.flatMap((reading) => reading.skipped);
  for (const row of rows) {
    const observation = tokenObservation(row, threshold);
    if (observation) observations.push(observation);
    else skipped.push({ name: row.model, reason: "listed without any price" });
  }
  return { observations: uniqueOfferings(observations), skipped: uniqueSkipped(skipped) };
}

/**
 * Portkey-AI/models `pricing/<provider>.json`: one document per provider file, the seller
 * named by the file. Amounts are US cents per token.
 */
import { decimalEquals } from "../../src/domain/money.ts";
import type { PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { offerName, readPricingFile, type Candidate } from "./pricingFile.ts";
import { isPreferredFile } from "./sellers.ts";
import { PORTKEY_SOURCE_ID } from "./sourceId.ts";
import { appendAll } from "../lib/append-all.ts";

export function parsePortkeyPricing(documents: readonly PayloadDocument[], _context: ParseContext): ParseResult<PriceObservation> {
  if (documents.length === 0) throw new PayloadError(PORTKEY_SOURCE_ID, "no payload document");
  const candidates: Candidate[] = [];
  const skipped: SkippedEntry[] = [];
  for (const document of documents) {
    const outcome = readPricingFile(document);
    appendAll(candidates, outcome.candidates);
    appendAll(skipped, outcome.skipped);
  }
  const { observations, duplicates } = keepOnePerOffering(candidates);
  if (observations.length === 0) throw new PayloadError(PORTKEY_SOURCE_ID, "no token-priced text model found");
  return { observations, skipped: [...skipped, ...duplicates] };
}

/**
 * Two files can price one offering (zhipu and z-ai both map to zai; azure-ai and azure-openai
 * to azure), and a region can be listed twice in custom_pricing. One observation per offering
 * is kept, from the seller's preferred file first; the others are reported as skipped.
 */
function keepOnePerOffering(candidates: readonly Candidate[]): { observations: PriceObservation[]; duplicates: SkippedEntry[] } {
  const kept = new Map<string, Candidate>();
  const duplicates: SkippedEntry[] = [];
  const ranked = [...candidates].sort(
    (a, b) => Number(!isPreferredFile(a.observation.provider, a.providerFile)) - Number(!isPreferredFile(b.observation.provider, b.providerFile)),
  );
  for (const candidate of ranked) {
    const { provider, model, variant, region } = candidate.observation;
    const key = JSON.stringify([provider, model, variant, region]);
    const winner = kept.get(key);
    if (!winner) {
      kept.set(key, candidate);
      continue;
    }
    const agreement = samePrices(winner.observation, candidate.observation) ? "same prices" : "different prices";
    duplicates.push({
      name: `${candidate.providerFile}/${offerName(model, candidate.observation)}`,
      reason: `duplicate of the ${provider} offering in ${winner.providerFile}.json (${agreement}; that one is kept)`,
    });
  }
  return { observations: [...kept.values()].map((candidate) => candidate.observation), duplicates };
}

function samePrices(a: PriceObservation, b: PriceObservation): boolean {
  const amounts = (o: PriceObservation) => [o.input, o.output, o.cacheRead, o.cacheWrite, o.cacheWrite1h];
  const tiersOf = (o: PriceObservation) => JSON.stringify(o.tiers);
  return amounts(a).every((value, index) => decimalEquals(value, amounts(b)[index] ?? null)) && tiersOf(a) === tiersOf(b);
}

/**
 * The prices AA shows beside its scores, per 1M tokens in USD. They are AA's reference
 * price for the model (the first party's, or a median over the hosts AA benchmarks for
 * open weights), not an offer by a seller, so they are filed under their own provider id
 * rather than under any seller's. AA writes 0 when it has no price (211 models in the
 * 2026-07-31 response, e.g. the retired Claude 3.5 Haiku): that is unknown, not free, and
 * such models are skipped. Cache prices are not given.
 */
import { perMillion, isNegative } from "../../src/domain/money.ts";
import type { PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, type ParseResult, type PayloadDocument } from "../source.ts";
import { aaModelHints, readAaModels } from "./payload.ts";
import { AA_SOURCE_ID } from "./source-id.ts";

export const AA_PRICE_PROVIDER = "artificial-analysis-median";

function knownPrice(raw: number | null | undefined, what: string, model: string, document: PayloadDocument): string | null {
  if (raw === null || raw === undefined || raw === 0) return null;
  if (isNegative(raw)) throw new PayloadError(AA_SOURCE_ID, `${model}: negative ${what} price ${raw}`, document.name);
  return perMillion(raw);
}

export function parseArtificialAnalysisPrices(documents: readonly PayloadDocument[]): ParseResult<PriceObservation> {
  const { document, models } = readAaModels(documents);
  const observations: PriceObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const model of models) {
    const input = knownPrice(model.pricing?.price_1m_input_tokens, "input", model.name, document);
    const output = knownPrice(model.pricing?.price_1m_output_tokens, "output", model.name, document);
    if (input === null && output === null) {
      skipped.push({ name: model.name, reason: "no price at AA (0 means not available)" });
      continue;
    }
    if (input === null || output === null) {
      throw new PayloadError(AA_SOURCE_ID, `${model.name}: has an ${input === null ? "output" : "input"} price but no ${input === null ? "input" : "output"} price`, document.name);
    }
    observations.push({
      provider: AA_PRICE_PROVIDER,
      model: model.name,
      variant: "standard",
      region: "",
      currency: "USD",
      input,
      output,
      cacheRead: null,
      cacheWrite: null,
      cacheWrite1h: null,
      tiers: [],
      validFrom: null,
      validTo: null,
      hints: aaModelHints(model),
    });
  }
  return { observations, skipped };
}

/**
 * epoch_capabilities_index.csv -> one ECI observation per scored model version. The fit
 * date comes from the recorded file name; the live URL is pinned to the commit of that
 * fit, so an undated name is the 2026-02-22 fit.
 */
import type { ScoreObservation } from "../../src/domain/observation.ts";
import { asOfFromDocumentName } from "../lmarena/as-of.ts";
import { PayloadError, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { parseEciDocument } from "./eci.ts";

export const EPOCH_AI_SOURCE_ID = "epoch-ai";
export const EPOCH_AI_FIT_DATE = "2026-02-22";

export function parseEpochAi(documents: readonly PayloadDocument[], _context: ParseContext): ParseResult<ScoreObservation> {
  const files = documents.filter((document) => /epoch_capabilities_index[^/]*\.csv$/.test(document.name) || /^https?:/.test(document.name));
  if (files.length === 0) throw new PayloadError(EPOCH_AI_SOURCE_ID, `no epoch_capabilities_index CSV among ${documents.length} document(s)`);
  const results = files.map((document) => parseEciDocument(EPOCH_AI_SOURCE_ID, document, asOfFromDocumentName(document.name) ?? EPOCH_AI_FIT_DATE));
  return { observations: results.flatMap((result) => result.observations), skipped: results.flatMap((result) => result.skipped) };
}

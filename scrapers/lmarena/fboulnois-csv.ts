/**
 * fboulnois/llm-leaderboard-csv daily CSVs (lmsys.csv 2024-06 to 2025-07, lmarena_text.csv
 * from 2025-07): the raw (not style-controlled) text rating per display name. The
 * header changed twice (arena_elo became arena_score in 2024-07; rank_stylectrl was added
 * in 2024-10); only the columns read here are required. The content has no date.
 */
import { z } from "zod";
import type { ScoreObservation } from "../../src/domain/observation.ts";
import type { ParseContext, PayloadDocument } from "../source.ts";
import { asOfForUndatedContent } from "./as-of.ts";
import { LMARENA_TEXT_BENCHMARK_ID } from "./benchmarks.ts";
import { requireColumns, requireRows, type CsvTable } from "./csv-table.ts";
import { eloObservation, intervalAround } from "./elo-observation.ts";
import { lmarenaPayloadError, validatePayload } from "./errors.ts";
import { openWeightsFromLicense } from "./open-weights.ts";
import { numberText, plusMinusText, voteCountText } from "./text-fields.ts";

/** The column that tells this format apart from the jasontrigg0 CSVs (which have "key"). */
export const FBOULNOIS_MARKER_COLUMN = "model";

const REQUIRED_COLUMNS = ["model", "95_pct_ci", "votes", "organization", "license"] as const;
// Newest first: arena_score since 2024-07, arena_elo before.
const SCORE_COLUMNS = ["arena_score", "arena_elo"] as const;

const rowSchema = z.object({
  model: z.string().regex(/\S/, "expected a model name"),
  rating: numberText,
  "95_pct_ci": plusMinusText,
  votes: voteCountText,
  organization: z.string().trim(),
  license: z.string().trim(),
});

export function fboulnoisObservations(document: PayloadDocument, table: CsvTable, context: ParseContext): ScoreObservation[] {
  requireColumns(table, REQUIRED_COLUMNS, document);
  const scoreColumn = SCORE_COLUMNS.find((column) => table.header.includes(column));
  if (!scoreColumn) throw lmarenaPayloadError(`missing expected columns: ${SCORE_COLUMNS.join(" or ")}`, document);
  requireRows(table, document);
  const asOf = asOfForUndatedContent(document, context);

  return table.rows.map((row, index) => {
    const entry = validatePayload(rowSchema, { ...row, rating: row[scoreColumn] }, document, `row ${index + 2}`);
    const interval = entry["95_pct_ci"];
    return eloObservation({
      benchmark: LMARENA_TEXT_BENCHMARK_ID,
      model: entry.model,
      score: entry.rating,
      ...(interval ? intervalAround(entry.rating, interval.plus, interval.minus) : { ciLower: null, ciUpper: null }),
      votes: entry.votes,
      asOf,
      hints: {
        // The model column is already LMArena's display name.
        displayName: entry.model,
        creator: entry.organization || null,
        openWeights: openWeightsFromLicense(entry.license),
      },
    });
  });
}

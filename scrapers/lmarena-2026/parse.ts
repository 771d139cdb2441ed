/**
 * SmallAi-API/LLM-Ranking files (arena-catalog shape: category -> key -> rating with a
 * 95% interval) -> Elo observations on the dated benchmarks. Which board a file holds
 * comes from its name (text vs text-style-control), the fit date from the name too (a
 * live fetch is dated by the run). Stale carried-over categories are skipped per row.
 */
import { z } from "zod";
import type { ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { asOfForUndatedContent } from "../lmarena/as-of.ts";
import { textLeaderboardOfName } from "../lmarena/arena-catalog.ts";
import { eloObservation } from "../lmarena/elo-observation.ts";
import { PayloadError, readJsonDocument, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { datedBenchmarkId, STALE_CATEGORIES } from "./benchmarks.ts";

export const LMARENA_2026_SOURCE_ID = "lmarena-2026";

const leaderboardSchema = z.record(
  z.string(),
  z.record(z.string(), z.object({ rating: z.number(), rating_q025: z.number().nullish(), rating_q975: z.number().nullish() })),
);

function parseBoard(document: PayloadDocument, context: ParseContext): ParseResult<ScoreObservation> {
  const board = textLeaderboardOfName(document.name);
  if (board === null) throw new PayloadError(LMARENA_2026_SOURCE_ID, "not a leaderboard-text or leaderboard-text-style-control file", document.name);
  const categories = readJsonDocument(LMARENA_2026_SOURCE_ID, document, leaderboardSchema);
  const date = asOfForUndatedContent(document, context);
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const [category, ratings] of Object.entries(categories)) {
    const benchmark = datedBenchmarkId(board, category, date);
    for (const [key, rating] of Object.entries(ratings)) {
      if (benchmark === undefined) {
        const why = STALE_CATEGORIES.has(category)
          ? "carried over unchanged from arena-catalog 2025-12-17 by the scraper (no arena.ai page): not a 2026 rating"
          : "category has no benchmark id in the lmarena catalogue";
        skipped.push({ name: `${category}/${key}`, reason: `category "${category}": ${why}` });
        continue;
      }
      observations.push(
        eloObservation({
          benchmark,
          model: key.trim(),
          score: rating.rating,
          ciLower: rating.rating_q025 ?? null,
          ciUpper: rating.rating_q975 ?? null,
          votes: null,
          asOf: date,
          hints: {},
        }),
      );
    }
  }
  if (observations.length === 0) throw new PayloadError(LMARENA_2026_SOURCE_ID, "no rating in a catalogued category", document.name);
  return { observations, skipped };
}

export function parseLmarena2026(documents: readonly PayloadDocument[], context: ParseContext): ParseResult<ScoreObservation> {
  if (documents.length === 0) throw new PayloadError(LMARENA_2026_SOURCE_ID, "no payload document");
  const results = documents.map((document) => parseBoard(document, context));
  return { observations: results.flatMap((result) => result.observations), skipped: results.flatMap((result) => result.skipped) };
}

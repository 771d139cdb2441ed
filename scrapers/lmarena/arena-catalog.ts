/**
 * lmarena/arena-catalog, LMArena's own JSON: leaderboard-text[-style-control].json maps
 * category -> model key -> {rating, rating_q025, rating_q975} (no votes, no ranks, no
 * date), and scatterplot-data.json lists each key's display name, organization, licence
 * and price, which we use as hints for those keys.
 */
import { z } from "zod";
import type { ModelHints, ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import type { ParseContext, ParseResult, PayloadDocument } from "../source.ts";
import { asOfForUndatedContent } from "./as-of.ts";
import { textBenchmarkIdForCategory, type TextLeaderboard } from "./benchmarks.ts";
import { eloObservation } from "./elo-observation.ts";
import { lmarenaPayloadError, validatePayload } from "./errors.ts";
import type { NameMap } from "./name-map.ts";
import { openWeightsFromLicense } from "./open-weights.ts";

const ratingSchema = z.object({
  rating: z.number(),
  rating_q025: z.number().nullish(),
  rating_q975: z.number().nullish(),
});

const leaderboardSchema = z.record(z.string(), z.record(z.string(), ratingSchema));

const scatterplotSchema = z.array(
  z.object({
    name: z.string(),
    model_api_name: z.string().regex(/\S/, "expected a model key"),
    organization: z.string().nullish(),
    license: z.string().nullish(),
  }),
);

/** Which text board a leaderboard file holds: only its name says (both have the same shape). */
export function textLeaderboardOfName(name: string): TextLeaderboard | null {
  if (/leaderboard-text-style-control(?![\w-])/.test(name)) return "style-control";
  if (/leaderboard-text(?![\w-])/.test(name)) return "raw";
  return null;
}

export function scatterplotHints(document: PayloadDocument, json: unknown): NameMap {
  const entries = validatePayload(scatterplotSchema, json, document, "scatterplot-data");
  if (entries.length === 0) throw lmarenaPayloadError("scatterplot-data lists no models", document);
  const hintsByKey = new Map<string, ModelHints>();
  for (const entry of entries) {
    hintsByKey.set(entry.model_api_name, {
      displayName: entry.name.trim() === "" ? null : entry.name,
      creator: entry.organization?.trim() || null,
      openWeights: openWeightsFromLicense(entry.license),
    });
  }
  const skipped = entries.map((entry) => ({
    name: entry.model_api_name,
    reason: "scatterplot-data entry: display name, organization, licence and price of an LMArena key, no rating (used as hints)",
  }));
  return { hintsByKey, skipped };
}

export function leaderboardObservations(
  document: PayloadDocument,
  json: unknown,
  leaderboard: TextLeaderboard,
  hintsByKey: ReadonlyMap<string, ModelHints>,
  context: ParseContext,
): ParseResult<ScoreObservation> {
  const categories = validatePayload(leaderboardSchema, json, document, "arena-catalog leaderboard");
  const asOf = asOfForUndatedContent(document, context);
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];

  for (const [category, ratings] of Object.entries(categories)) {
    const benchmark = textBenchmarkIdForCategory(leaderboard, category);
    for (const [key, rating] of Object.entries(ratings)) {
      if (benchmark === undefined) {
        skipped.push({ name: `${category}/${key}`, reason: `category "${category}" has no benchmark id in the lmarena catalogue yet` });
        continue;
      }
      observations.push(
        eloObservation({
          benchmark,
          model: key,
          score: rating.rating,
          ciLower: rating.rating_q025 ?? null,
          ciUpper: rating.rating_q975 ?? null,
          votes: null,
          asOf,
          hints: hintsByKey.get(key) ?? {},
        }),
      );
    }
  }
  if (observations.length === 0) {
    const found = Object.keys(categories).join(", ") || "none";
    throw lmarenaPayloadError(`leaderboard has no rated model in a catalogued category (categories: ${found})`, document);
  }
  return { observations, skipped };
}

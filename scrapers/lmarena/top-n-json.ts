/**
 * A third-party download of the top N rows of arena.ai's leaderboards
 * (Nirvaxstiel/artificialanalysis-at-home data/sources/arena_*.json): {meta, models:
 * [{rank, model, vendor, license, score, ci, votes}]} with a single ± interval. Names are
 * LMArena keys. The "text" page is arena.ai's default view, which is style-controlled.
 */
import { z } from "zod";
import type { ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import type { ParseContext, ParseResult, PayloadDocument } from "../source.ts";
import { asOfForUndatedContent, isoDateFromMonthDayYear } from "./as-of.ts";
import { LMARENA_CODE_BENCHMARK_ID, LMARENA_TEXT_STYLE_CONTROL_BENCHMARK_ID } from "./benchmarks.ts";
import { eloObservation, intervalAround } from "./elo-observation.ts";
import { lmarenaPayloadError, validatePayload } from "./errors.ts";
import { openWeightsFromLicense } from "./open-weights.ts";

const topNSchema = z.object({
  meta: z.object({
    leaderboard: z.string(),
    fetched_at: z.string().nullish(),
    last_updated: z.string().nullish(),
  }),
  models: z.array(
    z.object({
      model: z.string().regex(/\S/, "expected a model name"),
      vendor: z.string().nullish(),
      license: z.string().nullish(),
      score: z.number(),
      ci: z.number().nonnegative().nullish(),
      votes: z.number().int().nonnegative().nullish(),
    }),
  ),
});

type TopN = z.infer<typeof topNSchema>;

const BENCHMARK_BY_LEADERBOARD: Readonly<Record<string, string>> = {
  text: LMARENA_TEXT_STYLE_CONTROL_BENCHMARK_ID,
  code: LMARENA_CODE_BENCHMARK_ID,
};

// "gpt-5.5-high (codex-harness)": the model driven by a vendor's agent scaffold, not the bare model.
const HARNESS_SUFFIX = /\([^)]*harness[^)]*\)\s*$/i;

/** A top-N file has its own {meta, models} envelope, unlike every arena-catalog file. */
export function isTopNJson(json: unknown): boolean {
  return typeof json === "object" && json !== null && "meta" in json && "models" in json;
}

function topNAsOf(meta: TopN["meta"], document: PayloadDocument, context: ParseContext): string {
  if (meta.last_updated) {
    const updated = isoDateFromMonthDayYear(meta.last_updated);
    if (updated === null) throw lmarenaPayloadError(`unreadable meta.last_updated "${meta.last_updated}"`, document);
    return updated;
  }
  const fetchedDate = /^\d{4}-\d{2}-\d{2}/.exec(meta.fetched_at ?? "")?.[0];
  return fetchedDate ?? asOfForUndatedContent(document, context);
}

export function topNObservations(document: PayloadDocument, json: unknown, context: ParseContext): ParseResult<ScoreObservation> {
  const { meta, models } = validatePayload(topNSchema, json, document, "top-N leaderboard");
  const benchmark = BENCHMARK_BY_LEADERBOARD[meta.leaderboard];
  if (benchmark === undefined) throw lmarenaPayloadError(`unknown leaderboard "${meta.leaderboard}" in meta`, document);
  if (models.length === 0) throw lmarenaPayloadError("top-N leaderboard lists no models", document);
  const asOf = topNAsOf(meta, document, context);
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];

  for (const entry of models) {
    if (HARNESS_SUFFIX.test(entry.model)) {
      skipped.push({ name: entry.model, reason: "model run inside an agent harness (a scaffold), not the bare model" });
      continue;
    }
    observations.push(
      eloObservation({
        benchmark,
        model: entry.model,
        score: entry.score,
        ...(entry.ci == null ? { ciLower: null, ciUpper: null } : intervalAround(entry.score, entry.ci, entry.ci)),
        votes: entry.votes ?? null,
        asOf,
        hints: { creator: entry.vendor?.trim() || null, openWeights: openWeightsFromLicense(entry.license) },
      }),
    );
  }
  return { observations, skipped };
}

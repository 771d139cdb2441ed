/**
 * jasontrigg0/chatbot-arena-history: alltime.csv is the raw text rating of every model at
 * each of LMArena's elo_results dates (2023-05 to 2025-03), one row per (key, date);
 * key_to_model.csv names keys the public tables never did ("late-june-chatbot").
 *
 * Observations are named by the LMArena key, not the display name: a key is one model for
 * the whole series, while display names were renamed over time and three keys share
 * "ChatGPT-4o-latest (2024-08-08)". The display name goes to hints.
 */
import { z } from "zod";
import type { ModelHints, ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import type { PayloadDocument } from "../source.ts";
import { LMARENA_TEXT_BENCHMARK_ID } from "./benchmarks.ts";
import { requireColumns, requireRows, type CsvTable } from "./csv-table.ts";
import { eloObservation } from "./elo-observation.ts";
import { validatePayload } from "./errors.ts";
import type { NameMap } from "./name-map.ts";
import { openWeightsFromLicense } from "./open-weights.ts";
import { compactDateText, numberText } from "./text-fields.ts";

/** The columns that tell these formats apart from the fboulnois CSVs, and from each other. */
export const JASONTRIGG0_MARKER_COLUMN = "key";
export const JASONTRIGG0_ALLTIME_MARKER_COLUMN = "rating";

const KEY_TO_MODEL_COLUMNS = ["key", "Model", "License", "Organization"] as const;
const ALLTIME_COLUMNS = [...KEY_TO_MODEL_COLUMNS, "rating", "date"] as const;

const nonBlank = z.string().regex(/\S/, "expected a non-blank value");

const keyToModelRowSchema = z.object({
  key: nonBlank,
  Model: z.string(),
  License: z.string().trim(),
  Organization: z.string().trim(),
});

const alltimeRowSchema = keyToModelRowSchema.extend({
  rating: numberText,
  date: compactDateText,
});

type KeyToModelRow = z.infer<typeof keyToModelRowSchema>;

function hintsOf(row: KeyToModelRow): ModelHints {
  // Keys with no public name (o1-mini, o3-mini) repeat the key in the Model column.
  const displayName = row.Model.trim() === "" || row.Model === row.key ? null : row.Model;
  return {
    displayName,
    creator: row.Organization || null,
    openWeights: openWeightsFromLicense(row.License),
  };
}

export function keyToModelHints(document: PayloadDocument, table: CsvTable): NameMap {
  requireColumns(table, KEY_TO_MODEL_COLUMNS, document);
  requireRows(table, document);
  const hintsByKey = new Map<string, ModelHints>();
  const skipped: SkippedEntry[] = [];
  table.rows.forEach((row, index) => {
    const entry = validatePayload(keyToModelRowSchema, row, document, `row ${index + 2}`);
    hintsByKey.set(entry.key, hintsOf(entry));
    skipped.push({ name: entry.key, reason: "key_to_model entry: a display name for an LMArena key, no rating (used as hints for the alltime series)" });
  });
  return { hintsByKey, skipped };
}

export function alltimeObservations(
  document: PayloadDocument,
  table: CsvTable,
  keyToModel: ReadonlyMap<string, ModelHints>,
): ScoreObservation[] {
  requireColumns(table, ALLTIME_COLUMNS, document);
  requireRows(table, document);
  return table.rows.map((row, index) => {
    const entry = validatePayload(alltimeRowSchema, row, document, `row ${index + 2}`);
    const ownHints = hintsOf(entry);
    return eloObservation({
      benchmark: LMARENA_TEXT_BENCHMARK_ID,
      model: entry.key,
      score: entry.rating,
      ciLower: null,
      ciUpper: null,
      votes: null,
      asOf: entry.date,
      hints: { ...ownHints, displayName: keyToModel.get(entry.key)?.displayName ?? ownHints.displayName },
    });
  });
}

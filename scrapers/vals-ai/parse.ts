/**
 * vals.ai scores.csv (one row per benchmark x task x model) -> scores of the "overall" task
 * of the catalogued benchmarks. Sub-tasks and other benchmarks are skipped per row with the
 * reason. The model id "<provider>/<model>" stays raw (the provider is sometimes the host:
 * fireworks/, together/); the resolver reads it. reasoning_effort is the run's setting.
 */
import { normaliseDecimal } from "../../src/domain/money.ts";
import type { ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { isoDateCell, numberCell, readCsvRows, type CsvRow } from "../epoch-ai/csv.ts";
import { PayloadError, type ParseResult, type PayloadDocument } from "../source.ts";
import { VALS_BENCHMARKS } from "./benchmarks.ts";

export const VALS_AI_SOURCE_ID = "vals-ai";

const COLUMNS = ["benchmark", "benchmark_updated", "task", "model", "accuracy", "stderr", "cost_per_test", "reasoning_effort"];

/** "high" stays "high"; a number (0.99 for thinkingmachines' models) is labelled as an effort. */
export function valsSetting(effort: string): string | null {
  if (effort === "") return null;
  return /^\d/.test(effort) ? `effort ${effort}` : effort;
}

/** Empty is unknown; 0.0 is unknown too (a paid model's run is never free: gemma-4-31b-it on CaseLaw). */
function costPerTest(document: PayloadDocument, row: CsvRow): string | null {
  const cost = numberCell(VALS_AI_SOURCE_ID, document, row, "cost_per_test");
  return cost === null || cost === 0 ? null : normaliseDecimal(cost);
}

function rowObservation(document: PayloadDocument, row: CsvRow, benchmark: string): ScoreObservation {
  const score = numberCell(VALS_AI_SOURCE_ID, document, row, "accuracy");
  const asOf = isoDateCell(row["benchmark_updated"]);
  if (score === null || score < 0 || score > 100) throw new PayloadError(VALS_AI_SOURCE_ID, `accuracy of ${row["model"]} is "${row["accuracy"]}", not a percent`, document.name);
  if (asOf === null) throw new PayloadError(VALS_AI_SOURCE_ID, `benchmark_updated of ${row["model"]} is "${row["benchmark_updated"]}", not a date`, document.name);
  const stderr = numberCell(VALS_AI_SOURCE_ID, document, row, "stderr");
  return {
    benchmark,
    model: row["model"]!,
    setting: valsSetting(row["reasoning_effort"] ?? ""),
    score,
    scale: "percent",
    // A 95% interval from the stated standard error (percentage points).
    ciLower: stderr === null ? null : Math.max(0, score - 1.96 * stderr),
    ciUpper: stderr === null ? null : Math.min(100, score + 1.96 * stderr),
    votes: null,
    asOf,
    costUsd: costPerTest(document, row),
    hints: {},
  };
}

export function parseValsAi(documents: readonly PayloadDocument[]): ParseResult<ScoreObservation> {
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];
  const scoreFiles = documents.filter((document) => /scores[^/]*\.csv$/.test(document.name));
  if (scoreFiles.length === 0) throw new PayloadError(VALS_AI_SOURCE_ID, "no scores CSV among the documents (expected data/scores.csv)");
  for (const document of scoreFiles) {
    for (const row of readCsvRows(VALS_AI_SOURCE_ID, document, COLUMNS)) {
      const name = `${row["benchmark"]}/${row["task"]}/${row["model"]}`;
      const catalogued = VALS_BENCHMARKS.find((benchmark) => benchmark.key === row["benchmark"]);
      if (catalogued === undefined) skipped.push({ name, reason: `vals.ai benchmark "${row["benchmark"]}" is not in the catalogue` });
      else if (row["task"] !== "overall") skipped.push({ name, reason: `sub-task "${row["task"]}": only the overall score is ingested` });
      else observations.push(rowObservation(document, row, catalogued.definition.id));
    }
  }
  if (observations.length === 0) throw new PayloadError(VALS_AI_SOURCE_ID, "no overall score of a catalogued benchmark in the scores CSV");
  return { observations, skipped };
}

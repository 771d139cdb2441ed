/**
 * The Epoch Capabilities Index (ECI): Epoch's item-response-theory fit of one ability per
 * model across its benchmark hub. Each download is a new fit (the benchmark difficulties,
 * slopes and every model's index are re-estimated when models or benchmarks are added), so
 * each fit date is its own benchmark: "epoch-eci-2026-02-22" is never pooled with
 * "epoch-eci-2026-04-19". The index is per model: all effort variants of one model carry
 * the same value, and the raw "Model version" keeps the suffix for the resolver to split.
 */
import type { ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, type BenchmarkDefinition, type ParseResult, type PayloadDocument } from "../source.ts";
import { isoDateCell, numberCell, readCsvRows } from "./csv.ts";

const MODEL = "Model version";
const SCORE = "ECI Score";

export function eciBenchmarkId(fitDate: string): string {
  return `epoch-eci-${fitDate}`;
}

export function eciBenchmark(fitDate: string, downloadNote: string): BenchmarkDefinition {
  return {
    id: eciBenchmarkId(fitDate),
    name: `Epoch Capabilities Index (fit of ${fitDate})`,
    scale: "index",
    higherIsBetter: true,
    description:
      `Epoch AI's capabilities index, fit of ${fitDate} (${downloadNote}): an IRT ability on Epoch's own scale ` +
      "(about 58 to 154 in 2026). Each download is a separate fit, so each date is its own benchmark; values of two fits are not comparable.",
    url: "https://epoch.ai/benchmarks/eci",
  };
}

/** A new fit's definition (a download whose newest run is a date no list names yet): each fit is its own benchmark. */
export function eciReleaseDefinition(benchmarkId: string): BenchmarkDefinition | undefined {
  const match = /^epoch-eci-(\d{4}-\d{2}-\d{2})$/.exec(benchmarkId);
  return match ? eciBenchmark(match[1]!, "a download registered when first ingested") : undefined;
}

/** The creator as the file names it: the first of a multi-valued "Organization" cell. */
function creatorOf(organization: string | undefined): string | null {
  const first = (organization ?? "").split(",")[0]?.trim();
  return first ? first : null;
}

export function parseEciDocument(sourceId: string, document: PayloadDocument, fitDate: string): ParseResult<ScoreObservation> {
  const rows = readCsvRows(sourceId, document, [MODEL, SCORE, "Release date", "Organization"]);
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const row of rows) {
    const model = row[MODEL] ?? "";
    if (model === "") {
      skipped.push({ name: row["Display name"] || "(unnamed row)", reason: "ECI row without a model version" });
      continue;
    }
    const score = numberCell(sourceId, document, row, SCORE);
    if (score === null) {
      skipped.push({ name: model, reason: `no ECI score in the fit of ${fitDate} (Epoch lists the model, not yet scored)` });
      continue;
    }
    observations.push({
      benchmark: eciBenchmarkId(fitDate),
      model,
      setting: null,
      score,
      scale: "index",
      ciLower: null,
      ciUpper: null,
      votes: null,
      asOf: fitDate,
      costUsd: null,
      hints: {
        displayName: row["Display name"] || null,
        creator: creatorOf(row["Organization"]),
        releaseDate: isoDateCell(row["Release date"]),
      },
    });
  }
  if (observations.length === 0) throw new PayloadError(sourceId, "the ECI file has no scored model", document.name);
  return { observations, skipped };
}

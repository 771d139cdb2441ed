/**
 * Epoch's benchmark download (a folder of CSVs) -> scores of the catalogued tables plus the
 * ECI fit of that download, named by the date its data is as of (dataAsOf).
 */
import { normaliseDecimal } from "../../src/domain/money.ts";
import type { ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { isoDateCell, numberCell, readCsvRows, type CsvRow } from "../epoch-ai/csv.ts";
import { parseEciDocument } from "../epoch-ai/eci.ts";
import { utcDateOf } from "../lmarena/as-of.ts";
import { PayloadError, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { DEFAULT_UNREAD_REASON, HUB_TABLES, UNREAD_TABLES, type HubTable } from "./tables.ts";

export const EPOCH_AI_HUB_SOURCE_ID = "epoch-ai-hub";

/**
 * The date the download's data is as of: its newest Epoch run ("Started at"). It names
 * the download's ECI fit and dates the copied tables that carry no run date. Taken from
 * the content, not the file names: a replayed or live payload's names carry no date.
 */
export function dataAsOf(documents: readonly PayloadDocument[], context: ParseContext): string {
  let newest: string | null = null;
  for (const document of documents) {
    const table = HUB_TABLES.find((candidate) => candidate.file === fileStem(document.name));
    if (table?.dateColumn !== "Started at") continue;
    for (const row of readCsvRows(EPOCH_AI_HUB_SOURCE_ID, document, ["Started at"])) {
      const date = isoDateCell(row["Started at"]);
      if (date !== null && (newest === null || date > newest)) newest = date;
    }
  }
  return newest ?? utcDateOf(context.observedAt);
}

const fileStem = (name: string) => /([^/]+)\.csv$/.exec(name)?.[1] ?? null;

function rowModel(row: CsvRow): string {
  return row["Model version"] ?? "";
}

/** Rows of one table -> at most one score per (model, setting): the latest run where runs are dated. */
function tableObservations(document: PayloadDocument, table: HubTable, download: string): ParseResult<ScoreObservation> {
  // The standard error is optional: older downloads lack some (WeirdML's "Accuracy SE" before 2026-04).
  const required = [table.scoreColumn, "Model version", table.dateColumn, table.costColumn, table.agentColumn, table.versionFilter?.column];
  const rows = readCsvRows(EPOCH_AI_HUB_SOURCE_ID, document, required.filter((column): column is string => column !== undefined));
  const skipped: SkippedEntry[] = [];
  const keyCounts = new Map<string, number>();
  for (const row of rows) keyCounts.set(rowModel(row), (keyCounts.get(rowModel(row)) ?? 0) + 1);
  const chosen = new Map<string, ScoreObservation>();
  for (const row of rows) {
    const label = `${table.file}/${rowModel(row) || row["Name"] || "(no model)"}`;
    if (table.versionFilter && row[table.versionFilter.column] !== table.versionFilter.value) {
      skipped.push({ name: label, reason: `row does not state ${table.versionFilter.version} (version unknown: never pooled)` });
      continue;
    }
    // Two rows of one model version are told apart by "Name" where the table has it (HLE: thinking or not).
    const model = (keyCounts.get(rowModel(row)) ?? 0) > 1 && row["Name"] ? row["Name"] : rowModel(row);
    const score = numberCell(EPOCH_AI_HUB_SOURCE_ID, document, row, table.scoreColumn);
    if (model === "") {
      skipped.push({ name: label, reason: "no model version in the row" });
      continue;
    }
    if (score === null) {
      skipped.push({ name: label, reason: `no ${table.scoreColumn}` });
      continue;
    }
    const setting = table.agentColumn ? `agent ${row[table.agentColumn] || "unnamed"}` : null;
    const stderr = table.stderrColumn ? numberCell(EPOCH_AI_HUB_SOURCE_ID, document, row, table.stderrColumn) : null;
    const cost = table.costColumn ? numberCell(EPOCH_AI_HUB_SOURCE_ID, document, row, table.costColumn) : null;
    const upper = table.definition.scale === "fraction" ? 1 : Number.POSITIVE_INFINITY;
    const observation: ScoreObservation = {
      benchmark: table.definition.id,
      model,
      setting,
      score,
      scale: table.definition.scale,
      ciLower: stderr === null ? null : Math.max(0, score - 1.96 * stderr),
      ciUpper: stderr === null ? null : Math.min(upper, score + 1.96 * stderr),
      votes: null,
      asOf: (table.dateColumn ? isoDateCell(row[table.dateColumn]) : null) ?? download,
      costUsd: cost === null || cost <= 0 ? null : normaliseDecimal(cost),
      hints: { releaseDate: isoDateCell(row["Release date"]), creator: row["Organization"]?.split(",")[0]?.trim() || null },
    };
    const key = `${model}|${setting}`;
    const earlier = chosen.get(key);
    if (earlier === undefined || observation.asOf > earlier.asOf) {
      if (earlier) skipped.push({ name: label, reason: `an older run of the same model and setting (${earlier.asOf}); the latest run counts` });
      chosen.set(key, observation);
    } else {
      skipped.push({ name: label, reason: `a second row of the same model and setting (${observation.asOf}); the latest (${earlier.asOf}) counts` });
    }
  }
  return { observations: [...chosen.values()], skipped };
}

/** One payload is one download: two copies of a table are two downloads, whose data dates differ. */
function requireOneDownload(documents: readonly PayloadDocument[]): void {
  const seen = new Set<string>();
  for (const document of documents) {
    const stem = fileStem(document.name);
    if (stem === null) continue;
    if (seen.has(stem)) throw new PayloadError(EPOCH_AI_HUB_SOURCE_ID, `two ${stem}.csv in one payload; replay one download folder at a time`, document.name);
    seen.add(stem);
  }
}

export function parseEpochAiHub(documents: readonly PayloadDocument[], context: ParseContext): ParseResult<ScoreObservation> {
  requireOneDownload(documents);
  const download = dataAsOf(documents, context);
  const results: ParseResult<ScoreObservation>[] = [];
  for (const document of documents) {
    const stem = fileStem(document.name);
    if (stem === null) continue;
    if (stem === "epoch_capabilities_index") {
      results.push(parseEciDocument(EPOCH_AI_HUB_SOURCE_ID, document, download));
      continue;
    }
    const table = HUB_TABLES.find((candidate) => candidate.file === stem);
    if (table) results.push(tableObservations(document, table, download));
    else results.push({ observations: [], skipped: [{ name: document.name, reason: `table ${stem}: ${UNREAD_TABLES[stem] ?? DEFAULT_UNREAD_REASON}` }] });
  }
  const observations = results.flatMap((result) => result.observations);
  if (observations.length === 0) throw new PayloadError(EPOCH_AI_HUB_SOURCE_ID, `no catalogued table among ${documents.length} document(s)`);
  return { observations, skipped: results.flatMap((result) => result.skipped) };
}

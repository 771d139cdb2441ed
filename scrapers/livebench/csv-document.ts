/**
 * The LiveBench CSVs (score table and cost table) share one shape: a header whose first
 * column is `model`, then one row per model. Rows are read as plain arrays so a row with
 * the wrong number of cells is seen as such instead of being silently re-aligned.
 */
import { parse } from "csv-parse/sync";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { LIVEBENCH_SOURCE_ID } from "./source-id.ts";

export interface CsvTable {
  header: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
}

export function readCsvDocument(document: PayloadDocument): CsvTable {
  let records: string[][];
  try {
    records = parse(document.body, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PayloadError(LIVEBENCH_SOURCE_ID, `invalid CSV: ${detail}`, document.name);
  }
  const [header, ...rows] = records;
  if (!header || header[0] !== "model") {
    throw new PayloadError(LIVEBENCH_SOURCE_ID, "expected a CSV whose first column is `model`", document.name);
  }
  if (rows.length === 0) throw new PayloadError(LIVEBENCH_SOURCE_ID, "CSV has no model rows", document.name);
  return { header, rows };
}

/** Throws unless every named column is in the header. */
export function requireColumns(table: CsvTable, columns: readonly string[], document: PayloadDocument): void {
  const missing = columns.filter((column) => !table.header.includes(column));
  if (missing.length > 0) {
    throw new PayloadError(LIVEBENCH_SOURCE_ID, `missing columns: ${missing.join(", ")}`, document.name);
  }
}

/** The row as column -> cell, or null when its cell count differs from the header's. */
export function rowCells(table: CsvTable, row: readonly string[]): ReadonlyMap<string, string> | null {
  if (row.length !== table.header.length) return null;
  return new Map(table.header.map((column, index) => [column, row[index] ?? ""]));
}

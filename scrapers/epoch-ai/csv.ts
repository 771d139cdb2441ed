/**
 * CSV documents as rows keyed by column, for the CSV benchmark sources (Epoch's downloads,
 * vals.ai). A broken file, a missing column or a file without rows is a PayloadError that
 * names the source and the file: the run fails and writes nothing.
 */
import { parse } from "csv-parse/sync";
import { PayloadError, type PayloadDocument } from "../source.ts";

export type CsvRow = Readonly<Record<string, string>>;

export function readCsvRows(sourceId: string, document: PayloadDocument, requiredColumns: readonly string[]): CsvRow[] {
  let records: string[][];
  try {
    records = parse(document.body, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new PayloadError(sourceId, `invalid CSV: ${detail}`, document.name);
  }
  const [header, ...body] = records;
  if (!header) throw new PayloadError(sourceId, "empty CSV", document.name);
  const columns = header.map((column) => column.trim());
  const missing = requiredColumns.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new PayloadError(sourceId, `missing expected columns: ${missing.join(", ")} (found: ${columns.join(", ")})`, document.name);
  }
  if (body.length === 0) throw new PayloadError(sourceId, "CSV has a header but no rows", document.name);
  return body.map((record) => Object.fromEntries(columns.map((column, index) => [column, (record[index] ?? "").trim()])));
}

/** A finite number from a cell, or null for an empty cell; anything else is a layout change. */
export function numberCell(sourceId: string, document: PayloadDocument, row: CsvRow, column: string): number | null {
  const text = row[column] ?? "";
  if (text === "") return null;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new PayloadError(sourceId, `column "${column}" holds "${text}", not a number`, document.name);
  return value;
}

/** "2025-08-07" or "2025-08-07T12:00:00.000Z" -> "2025-08-07"; anything else -> null. */
export function isoDateCell(text: string | undefined): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(text ?? "");
  return match ? match[1]! : null;
}

/** CSV documents as a header plus rows keyed by column, with PayloadErrors for broken files. */
import { parse } from "csv-parse/sync";
import type { PayloadDocument } from "../source.ts";
import { lmarenaPayloadError } from "./errors.ts";

export interface CsvTable {
  header: readonly string[];
  rows: Record<string, string>[];
}

export function readCsvTable(document: PayloadDocument): CsvTable {
  let records: string[][];
  try {
    records = parse(document.body, { bom: true, skip_empty_lines: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw lmarenaPayloadError(`invalid CSV: ${detail}`, document);
  }
  const [header, ...body] = records;
  if (!header) throw lmarenaPayloadError("empty CSV", document);
  const rows = body.map((record) => Object.fromEntries(header.map((column, index) => [column, record[index] ?? ""])));
  return { header, rows };
}

/** A file that lost a column has changed layout: fail rather than read it half. */
export function requireColumns(table: CsvTable, columns: readonly string[], document: PayloadDocument): void {
  const missing = columns.filter((column) => !table.header.includes(column));
  if (missing.length > 0) {
    throw lmarenaPayloadError(`missing expected columns: ${missing.join(", ")} (found: ${table.header.join(", ")})`, document);
  }
}

export function requireRows(table: CsvTable, document: PayloadDocument): void {
  if (table.rows.length === 0) throw lmarenaPayloadError("CSV has a header but no rows", document);
}

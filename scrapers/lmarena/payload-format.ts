/**
 * Tells which LMArena archive a document is, from its name and content, so one source
 * can replay every recorded format: JSON by extension or leading bracket, then by shape
 * (and, for arena-catalog leaderboards, by name: raw and style-control files look alike);
 * CSV by header.
 */
import type { PayloadDocument } from "../source.ts";
import { parseJsonDocument } from "../source.ts";
import { textLeaderboardOfName } from "./arena-catalog.ts";
import type { TextLeaderboard } from "./benchmarks.ts";
import { readCsvTable, type CsvTable } from "./csv-table.ts";
import { LMARENA_SOURCE_ID, lmarenaPayloadError } from "./errors.ts";
import { FBOULNOIS_MARKER_COLUMN } from "./fboulnois-csv.ts";
import { JASONTRIGG0_ALLTIME_MARKER_COLUMN, JASONTRIGG0_MARKER_COLUMN } from "./jasontrigg0-csv.ts";
import { isTopNJson } from "./top-n-json.ts";

export type LmarenaPayload =
  | { format: "documentation" }
  | { format: "fboulnois-csv"; table: CsvTable }
  | { format: "jasontrigg0-alltime"; table: CsvTable }
  | { format: "jasontrigg0-key-to-model"; table: CsvTable }
  | { format: "arena-catalog-leaderboard"; leaderboard: TextLeaderboard; json: unknown }
  | { format: "arena-catalog-scatterplot"; json: unknown }
  | { format: "top-n-json"; json: unknown };

function pathOf(name: string): string {
  return name.replace(/[?#].*$/, "").toLowerCase();
}

function identifyJson(document: PayloadDocument): LmarenaPayload {
  const json = parseJsonDocument(LMARENA_SOURCE_ID, document);
  if (Array.isArray(json)) return { format: "arena-catalog-scatterplot", json };
  if (isTopNJson(json)) return { format: "top-n-json", json };
  const leaderboard = textLeaderboardOfName(document.name);
  if (leaderboard !== null) return { format: "arena-catalog-leaderboard", leaderboard, json };
  throw lmarenaPayloadError(
    "unknown JSON format: expected arena-catalog leaderboard-text[-style-control] (named so), scatterplot-data or a top-N {meta, models} file",
    document,
  );
}

function identifyCsv(document: PayloadDocument): LmarenaPayload {
  const table = readCsvTable(document);
  if (table.header.includes(JASONTRIGG0_MARKER_COLUMN)) {
    return table.header.includes(JASONTRIGG0_ALLTIME_MARKER_COLUMN)
      ? { format: "jasontrigg0-alltime", table }
      : { format: "jasontrigg0-key-to-model", table };
  }
  if (table.header.includes(FBOULNOIS_MARKER_COLUMN)) return { format: "fboulnois-csv", table };
  throw lmarenaPayloadError(`unknown CSV format (columns: ${table.header.join(", ")})`, document);
}

export function identifyPayload(document: PayloadDocument): LmarenaPayload {
  const path = pathOf(document.name);
  // Replaying a snapshot folder also hands over its PROVENANCE.md.
  if (path.endsWith(".md")) return { format: "documentation" };
  const start = document.body.trimStart();
  if (start === "") throw lmarenaPayloadError("empty document", document);
  if (start.startsWith("<")) throw lmarenaPayloadError("got an HTML page where JSON or CSV was expected (error page or bot challenge?)", document);
  if (path.endsWith(".json") || start.startsWith("{") || start.startsWith("[")) return identifyJson(document);
  return identifyCsv(document);
}

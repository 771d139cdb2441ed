/**
 * BFCL CSVs -> scores. Accuracies are written "77.47%", missing values "N/A". Model names
 * end in the evaluation mode, "(FC)" (native function calling), "(Prompt)", "(FC
 * thinking)", "(Prompt + Thinking)", which becomes the setting; the raw name stays the
 * model. When a run reads the overall table and a category table, a score both carry
 * must agree (a mismatch means files from two leaderboard updates) and is emitted once.
 * The run cost ("Total Cost ($)", USD for the whole evaluation) goes on the overall
 * score; the older "Cost ($ Per 1k Function Calls)" is not a run cost and is not read.
 */
import { CsvError, parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import { normaliseDecimal } from "../../src/domain/money.ts";
import type { ModelHints, ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { payloadAsOf } from "./payload-date.ts";
import { BFCL_SOURCE_ID, bfclTables, tableOfDocument, type BfclTable } from "./tables.ts";

const NOT_AVAILABLE = "N/A";

interface CellReader<T> {
  schema: z.ZodType<T>;
  expected: string;
}

const percentCell: CellReader<number | null> = {
  schema: z.union([
    z.literal(NOT_AVAILABLE).transform(() => null),
    z
      .string()
      .regex(/^\d+(\.\d+)?%$/)
      .transform((text) => Number(text.slice(0, -1))),
  ]),
  expected: `a percentage such as 77.47% or ${NOT_AVAILABLE}`,
};
const usdCell: CellReader<string | null> = {
  schema: z.union([z.literal(NOT_AVAILABLE).transform(() => null), z.string().regex(/^\d+(\.\d+)?$/)]),
  expected: `a USD amount such as 86.55 or ${NOT_AVAILABLE}`,
};
const modelCell: CellReader<string> = { schema: z.string().trim().min(1), expected: "a model name" };
const TOTAL_COST_COLUMN = "Total Cost ($)";
const EVALUATION_MODE = /\(((?:FC|Prompt)(?: [^()]*)?)\)\s*$/;

function payloadError(message: string, document?: PayloadDocument): PayloadError {
  return new PayloadError(BFCL_SOURCE_ID, message, document?.name);
}

interface Table {
  header: string[];
  rows: string[][];
}

function readCsv(document: PayloadDocument): Table {
  let records: string[][];
  try {
    records = parseCsv(document.body, { bom: true, skip_empty_lines: true });
  } catch (error) {
    if (error instanceof CsvError) throw payloadError(`invalid CSV: ${error.message}`, document);
    throw error;
  }
  const [header, ...rows] = records;
  if (header === undefined) throw payloadError("empty file", document);
  if (rows.length === 0) throw payloadError("the table has a header but no rows", document);
  return { header, rows };
}

/** Reads cells by column name; a missing required column is a layout change. */
class Columns {
  constructor(
    private readonly header: readonly string[],
    private readonly document: PayloadDocument,
  ) {}

  has(column: string): boolean {
    return this.header.includes(column);
  }

  require(columns: readonly string[]): void {
    const missing = columns.filter((column) => !this.has(column));
    if (missing.length > 0) {
      throw payloadError(`missing column ${missing.map((column) => `"${column}"`).join(", ")} (header: ${this.header.join(", ")})`, this.document);
    }
  }

  cell(row: readonly string[], column: string): string {
    this.require([column]);
    return row[this.header.indexOf(column)] ?? "";
  }

  read<T>(cell: CellReader<T>, row: readonly string[], column: string, rowNumber: number): T {
    const text = this.cell(row, column);
    const parsed = cell.schema.safeParse(text);
    if (parsed.success) return parsed.data;
    throw payloadError(`row ${rowNumber}, column "${column}": expected ${cell.expected}, found ${JSON.stringify(text)}`, this.document);
  }
}

function settingOf(model: string): string | null {
  return EVALUATION_MODE.exec(model)?.[1] ?? null;
}

/** Only the overall table names the organisation and license. */
function hintsOf(columns: Columns, row: readonly string[]): ModelHints {
  const hints: ModelHints = {};
  const organization = columns.has("Organization") ? columns.cell(row, "Organization").trim() : "";
  const license = columns.has("License") ? columns.cell(row, "License").trim() : "";
  if (organization !== "") hints.creator = organization;
  if (license !== "") hints.openWeights = license !== "Proprietary";
  return hints;
}

function runCost(columns: Columns, row: readonly string[], rowNumber: number): string | null {
  if (!columns.has(TOTAL_COST_COLUMN)) return null;
  const cost = columns.read(usdCell, row, TOTAL_COST_COLUMN, rowNumber);
  return cost === null || Number(cost) === 0 ? null : normaliseDecimal(cost);
}

/** Scores of every table, each (benchmark, model) once; its first table (overall first) supplies hints and cost. */
class ScoreCollector {
  readonly observations: ScoreObservation[] = [];
  readonly skipped: SkippedEntry[] = [];
  private readonly firstSeen = new Map<string, { score: number | null; table: string }>();

  add(table: BfclTable, document: PayloadDocument, context: ParseContext): void {
    const { header, rows } = readCsv(document);
    const columns = new Columns(header, document);
    columns.require(["Model", ...Object.keys(table.scoreColumns)]);
    rows.forEach((row, index) => {
      const rowNumber = index + 1;
      const model = columns.read(modelCell, row, "Model", rowNumber);
      for (const [column, benchmark] of Object.entries(table.scoreColumns)) {
        const score = columns.read(percentCell, row, column, rowNumber);
        if (this.isRepeat(benchmark, model, score, table, document)) continue;
        if (score === null) {
          this.skipped.push({ name: `${model} [${benchmark}]`, reason: `no score (${column} is ${NOT_AVAILABLE})` });
          continue;
        }
        this.observations.push({
          benchmark,
          model,
          setting: settingOf(model),
          score,
          scale: "percent",
          ciLower: null,
          ciUpper: null,
          votes: null,
          asOf: payloadAsOf(document, context),
          costUsd: benchmark === "bfcl-overall" ? runCost(columns, row, rowNumber) : null,
          hints: hintsOf(columns, row),
        });
      }
    });
  }

  private isRepeat(benchmark: string, model: string, score: number | null, table: BfclTable, document: PayloadDocument): boolean {
    const key = `${benchmark}\u0000${model}`;
    const first = this.firstSeen.get(key);
    if (first === undefined) {
      this.firstSeen.set(key, { score, table: table.fileStem });
      return false;
    }
    if (first.score !== score) {
      throw payloadError(`${model}: ${benchmark} is ${first.score ?? NOT_AVAILABLE} in ${first.table} but ${score ?? NOT_AVAILABLE} in ${table.fileStem}`, document);
    }
    return true;
  }
}

export function parseBfclTables(documents: readonly PayloadDocument[], context: ParseContext): ParseResult<ScoreObservation> {
  const documentsByTable = new Map<BfclTable, PayloadDocument>();
  for (const document of documents) {
    const table = tableOfDocument(document.name);
    if (table === null) continue;
    if (documentsByTable.has(table)) throw payloadError(`two ${table.fileStem} tables in one payload; replay one version at a time`, document);
    documentsByTable.set(table, document);
  }
  if (documentsByTable.size === 0) {
    throw payloadError(`no BFCL table among the documents (expected ${bfclTables.map((table) => `${table.fileStem}.csv`).join(", ")})`);
  }
  const collector = new ScoreCollector();
  for (const table of bfclTables) {
    const document = documentsByTable.get(table);
    if (document !== undefined) collector.add(table, document, context);
  }
  return { observations: collector.observations, skipped: collector.skipped };
}

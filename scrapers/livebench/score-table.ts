/**
 * Reads table_<release>.csv: per model, the raw 0-100 score of every task. An empty cell
 * is a task the model was not scored on. A row with fewer cells than the header cannot be
 * aligned (table_2026_01_08's nemotron-3-super-120b-a12b row has 20 scores for 23 tasks,
 * and its values show the gaps are mid-row, not the last three columns), so it is skipped
 * rather than read positionally as the site's CSV reader does.
 */
import type { SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { readCsvDocument, requireColumns, rowCells } from "./csv-document.ts";
import { LIVEBENCH_SOURCE_ID } from "./source-id.ts";

export interface ModelTaskScores {
  model: string;
  /** Task column -> score, null where the cell is empty. */
  scores: ReadonlyMap<string, number | null>;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function readScore(cell: string, model: string, task: string, document: PayloadDocument): number | null {
  if (cell === "") return null;
  const score = NUMBER.test(cell) ? Number(cell) : Number.NaN;
  if (!(score >= 0 && score <= 100)) {
    throw new PayloadError(LIVEBENCH_SOURCE_ID, `${model} ${task}: "${cell}" is not a 0-100 score`, document.name);
  }
  return score;
}

export function readScoreTable(
  document: PayloadDocument,
  tasks: readonly string[],
): { models: ModelTaskScores[]; skipped: SkippedEntry[] } {
  const table = readCsvDocument(document);
  requireColumns(table, tasks, document);
  const models: ModelTaskScores[] = [];
  const skipped: SkippedEntry[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const model = row[0] ?? "";
    if (model === "") throw new PayloadError(LIVEBENCH_SOURCE_ID, "a score row has no model name", document.name);
    if (seen.has(model)) throw new PayloadError(LIVEBENCH_SOURCE_ID, `model ${model} has two score rows`, document.name);
    seen.add(model);
    const cells = rowCells(table, row);
    if (!cells) {
      skipped.push({
        name: model,
        reason: `${document.name}: row has ${row.length - 1} score cells for ${table.header.length - 1} task columns; the missing tasks cannot be told apart`,
      });
      continue;
    }
    const scores = new Map(tasks.map((task) => [task, readScore(cells.get(task) ?? "", model, task, document)]));
    models.push({ model, scores });
  }
  return { models, skipped };
}

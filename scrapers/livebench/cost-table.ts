/**
 * Reads cost_<release>.csv: per model and task, the total USD cost of running that task's
 * questions (the task column; `nq_<task>` holds the question count, which we do not need
 * for totals). A blank or 0 cell means LiveBench has no cost for it (ox-alpha-max is all
 * zeros), so it is unknown, not free.
 */
import type { SkippedEntry } from "../../src/domain/observation.ts";
import { normaliseDecimal, weightedSum, isNegative, type DecimalString } from "../../src/domain/money.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { readCsvDocument, requireColumns, rowCells } from "./csv-document.ts";
import { LIVEBENCH_SOURCE_ID } from "./source-id.ts";

/** Task column -> total USD cost of the run on that task, null when unknown. */
export type TaskCosts = ReadonlyMap<string, DecimalString | null>;

const AMOUNT = /^\d+(\.\d+)?$/;

function readCost(cell: string, model: string, task: string, document: PayloadDocument): DecimalString | null {
  if (cell === "") return null;
  if (!AMOUNT.test(cell) || isNegative(cell)) {
    throw new PayloadError(LIVEBENCH_SOURCE_ID, `${model} ${task}: "${cell}" is not a USD amount`, document.name);
  }
  const cost = normaliseDecimal(cell);
  return cost === "0" ? null : cost;
}

/** Costs of the scored models; a cost row for any other model is reported as skipped. */
export function readCostTable(
  document: PayloadDocument,
  tasks: readonly string[],
  scoredModels: ReadonlySet<string>,
): { costs: Map<string, TaskCosts>; skipped: SkippedEntry[] } {
  const table = readCsvDocument(document);
  requireColumns(table, tasks, document);
  const costs = new Map<string, TaskCosts>();
  const skipped: SkippedEntry[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const model = row[0] ?? "";
    if (model === "") throw new PayloadError(LIVEBENCH_SOURCE_ID, "a cost row has no model name", document.name);
    if (seen.has(model)) throw new PayloadError(LIVEBENCH_SOURCE_ID, `model ${model} has two cost rows`, document.name);
    seen.add(model);
    if (!scoredModels.has(model)) {
      skipped.push({ name: model, reason: `${document.name}: cost row without a usable score row` });
      continue;
    }
    const cells = rowCells(table, row);
    if (!cells) {
      skipped.push({ name: model, reason: `${document.name}: cost row has ${row.length} cells for ${table.header.length} columns` });
      continue;
    }
    costs.set(model, new Map(tasks.map((task) => [task, readCost(cells.get(task) ?? "", model, task, document)])));
  }
  return { costs, skipped };
}

/** Total cost of the run over the given tasks; unknown if any of them is. */
export function totalCost(costs: TaskCosts | undefined, tasks: readonly string[]): DecimalString | null {
  if (!costs) return null;
  return weightedSum(tasks.map((task) => ({ value: costs.get(task) ?? null, weight: 1 })));
}

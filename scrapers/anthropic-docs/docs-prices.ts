/**
 * Turns the tables of the Claude docs pricing page (either rendering) into price
 * observations: the model table (standard prices, 5-minute and 1-hour cache writes, cache
 * hits), the batch table, the "≤ 200K / > 200K input tokens" long-context table of older
 * pages and the fast-mode table of newer ones. Other tables (caching multipliers, tool
 * token counts, session runtime) are not per-model token prices and are not read.
 */
import { decimalEquals, type DecimalString } from "../../src/domain/money.ts";
import type { PriceObservation } from "../../src/domain/observation.ts";
import type { DocsTable } from "./docs-table.ts";
import { DocsLayoutError } from "./errors.ts";
import { modelsMentioned } from "./model-mentions.ts";
import { parseLabelledPerMtok, parsePerMtok } from "./mtok-price.ts";
import { cellAt, columnIndexes, hasColumn } from "./table-columns.ts";

const MODEL_TABLE_COLUMNS = {
  model: "Model",
  input: "Base Input Tokens",
  cacheWrite: "5m Cache Writes",
  cacheWrite1h: "1h Cache Writes",
  cacheRead: "Cache Hits & Refreshes",
  output: "Output Tokens",
};
const BATCH_TABLE_COLUMNS = { model: "Model", input: "Batch input", output: "Batch output" };
const LONG_CONTEXT_HEADER = /^(≤|<=|>)\s*(\d+)K input tokens$/i;

interface TokenPrices {
  input: DecimalString;
  output: DecimalString;
  cacheRead?: DecimalString;
  cacheWrite?: DecimalString;
  cacheWrite1h?: DecimalString;
}

export function docsPriceObservations(tables: readonly DocsTable[]): PriceObservation[] {
  const standard = modelTableObservations(tables);
  const modelNames = standard.map((observation) => observation.model);
  for (const table of tables.filter(isLongContextTable)) addLongContextTier(table, standard);
  return [...standard, ...batchObservations(tables), ...tables.filter(isFastModeTable).flatMap((table) => fastModeObservations(table, modelNames))];
}

function observation(model: string, variant: string, prices: TokenPrices): PriceObservation {
  return {
    provider: "anthropic",
    model,
    variant,
    region: "",
    currency: "USD",
    input: prices.input,
    output: prices.output,
    cacheRead: prices.cacheRead ?? null,
    cacheWrite: prices.cacheWrite ?? null,
    cacheWrite1h: prices.cacheWrite1h ?? null,
    tiers: [],
    hints: { displayName: model, creator: "anthropic" },
  };
}

function modelTableObservations(tables: readonly DocsTable[]): PriceObservation[] {
  const table = tables.find((candidate) => hasColumn(candidate, MODEL_TABLE_COLUMNS.input));
  if (!table) throw new DocsLayoutError(`model pricing table not found (no table with a "${MODEL_TABLE_COLUMNS.input}" column)`);
  const columns = columnIndexes(table, MODEL_TABLE_COLUMNS, "model pricing table");
  if (table.rows.length === 0) throw new DocsLayoutError("model pricing table has no rows");
  return table.rows.map((row) => {
    const model = cellAt(row, columns.model, "model pricing table");
    const price = (column: keyof typeof MODEL_TABLE_COLUMNS) =>
      parsePerMtok(cellAt(row, columns[column], "model pricing table"), `${model} ${MODEL_TABLE_COLUMNS[column]}`);
    return observation(model, "standard", {
      input: price("input"),
      output: price("output"),
      cacheRead: price("cacheRead"),
      cacheWrite: price("cacheWrite"),
      cacheWrite1h: price("cacheWrite1h"),
    });
  });
}

function batchObservations(tables: readonly DocsTable[]): PriceObservation[] {
  const table = tables.find((candidate) => hasColumn(candidate, BATCH_TABLE_COLUMNS.input));
  if (!table) throw new DocsLayoutError(`batch processing table not found (no table with a "${BATCH_TABLE_COLUMNS.input}" column)`);
  const columns = columnIndexes(table, BATCH_TABLE_COLUMNS, "batch processing table");
  if (table.rows.length === 0) throw new DocsLayoutError("batch processing table has no rows");
  return table.rows.map((row) => {
    const model = cellAt(row, columns.model, "batch processing table");
    return observation(model, "batch", {
      input: parsePerMtok(cellAt(row, columns.input, "batch processing table"), `${model} batch input`),
      output: parsePerMtok(cellAt(row, columns.output, "batch processing table"), `${model} batch output`),
    });
  });
}

function isLongContextTable(table: DocsTable): boolean {
  return table.header.length === 2 && table.header.every((label) => LONG_CONTEXT_HEADER.test(label));
}

/**
 * The long-context table has a base column ("≤ 200K input tokens") and a premium column
 * ("> 200K input tokens") of "Input: $x / MTok" / "Output: $y / MTok" cells, and names its
 * models in the prose above. The base column must repeat each named model's standard price,
 * which guards against attaching the premium to the wrong model.
 */
function addLongContextTier(table: DocsTable, standard: PriceObservation[]): void {
  const [baseHeader, premiumHeader] = table.header.map((label) => LONG_CONTEXT_HEADER.exec(label));
  if (!baseHeader || !premiumHeader || baseHeader[1] === ">" || premiumHeader[1] !== ">" || baseHeader[2] !== premiumHeader[2]) {
    throw new DocsLayoutError(`long-context table: unexpected header ${table.header.join(" | ")}`);
  }
  const minInputTokens = Number(premiumHeader[2]) * 1000;
  const base = labelledColumnPrices(table, 0);
  const premium = labelledColumnPrices(table, 1);
  const models = modelsMentioned(table.context, standard.map((entry) => entry.model));
  if (models.length === 0) throw new DocsLayoutError(`long-context table: no model of the model table is named above it ("${table.context}")`);
  for (const entry of standard.filter((candidate) => models.includes(candidate.model))) {
    if (!decimalEquals(entry.input, base.input) || !decimalEquals(entry.output, base.output)) {
      throw new DocsLayoutError(`long-context table: base price ${base.input}/${base.output} differs from ${entry.model}'s ${entry.input}/${entry.output}`);
    }
    entry.tiers.push({ minInputTokens, input: premium.input, output: premium.output, cacheRead: null, cacheWrite: null });
  }
}

function labelledColumnPrices(table: DocsTable, column: number): { input: DecimalString; output: DecimalString } {
  const prices = new Map<string, DecimalString>();
  for (const row of table.rows) {
    const { label, price } = parseLabelledPerMtok(cellAt(row, column, "long-context table"), `long-context table "${table.header[column]}"`);
    prices.set(label, price);
  }
  const input = prices.get("input");
  const output = prices.get("output");
  if (input === undefined || output === undefined) {
    throw new DocsLayoutError(`long-context table "${table.header[column]}": needs both an Input and an Output price`);
  }
  return { input, output };
}

function isFastModeTable(table: DocsTable): boolean {
  return /fast mode/i.test(table.heading) && hasColumn(table, "Input") && hasColumn(table, "Output");
}

/** Fast mode is a premium-speed offering of some models: its own variant, priced for input and output only. */
function fastModeObservations(table: DocsTable, modelNames: readonly string[]): PriceObservation[] {
  const columns = columnIndexes(table, { input: "Input", output: "Output" }, "fast mode table");
  const modelColumn = table.header.findIndex((label) => label.toLowerCase() === "model");
  if (modelColumn < 0 && table.rows.length !== 1) throw new DocsLayoutError("fast mode table without a Model column must have exactly one row");
  return table.rows.flatMap((row) => {
    const naming = modelColumn < 0 ? table.context : cellAt(row, modelColumn, "fast mode table");
    const models = modelsMentioned(naming, modelNames);
    if (models.length === 0) throw new DocsLayoutError(`fast mode table: no model of the model table is named in "${naming}"`);
    const input = parsePerMtok(cellAt(row, columns.input, "fast mode table"), "fast mode input");
    const output = parsePerMtok(cellAt(row, columns.output, "fast mode table"), "fast mode output");
    return models.map((model) => observation(model, "fast", { input, output }));
  });
}

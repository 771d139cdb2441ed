/**
 * Reads the DeepSeek "Model Details" table: a MODEL row names one column per model, and
 * every other row has label cells on the left and one value cell per model on the right
 * (a value shared by all models spans them with colspan). Rows are read by their labels,
 * never by position.
 */
import type { CheerioAPI } from "cheerio";
import type { Element } from "domhandler";
import type { DecimalString } from "../../src/domain/money.ts";
import { PayloadError } from "../source.ts";
import { readPriceCell } from "./price-cell.ts";
import { factKindOf, MODEL_ROW, priceKindOf, tokenCount, variantOf, type PriceKind } from "./row-labels.ts";
import { DEEPSEEK_PRICING_SOURCE_ID } from "./source-id.ts";
import { expandTable } from "./table-grid.ts";

export interface ModelColumn {
  model: string;
  displayName: string | null;
  contextWindow: number | null;
  maxOutputTokens: number | null;
  /** variant -> price kind -> price per 1M tokens. */
  prices: Map<string, Map<PriceKind, DecimalString>>;
}

export interface ModelTable {
  currency: "USD" | "CNY";
  columns: ModelColumn[];
}

const textOf = ($: CheerioAPI, cell: Element): string => $(cell).clone().find("sup").remove().end().text().replace(/\s+/g, " ").trim();

/** Label cells of a row, each once (a colspan label fills several positions). */
function labelsOf($: CheerioAPI, cells: readonly Element[]): string[] {
  return [...new Set(cells)].map((cell) => textOf($, cell));
}

export function isModelTable($: CheerioAPI, table: Element): boolean {
  return expandTable($, $(table)).some((row) => row[0] !== undefined && MODEL_ROW.test(textOf($, row[0])));
}

export function readModelTable($: CheerioAPI, table: Element, documentName: string): ModelTable {
  const fail = (why: string): never => {
    throw new PayloadError(DEEPSEEK_PRICING_SOURCE_ID, why, documentName);
  };
  const grid = expandTable($, $(table));
  const headerIndex = grid.findIndex((row) => row[0] !== undefined && MODEL_ROW.test(textOf($, row[0])));
  const header = grid[headerIndex] ?? fail("no MODEL row in the model table");
  const labelWidth = header.filter((cell) => cell === header[0]).length;
  const columns: ModelColumn[] = header.slice(labelWidth).map((cell) => ({
    model: textOf($, cell),
    displayName: null,
    contextWindow: null,
    maxOutputTokens: null,
    prices: new Map(),
  }));
  if (columns.length === 0 || new Set(columns.map((column) => column.model)).size !== columns.length) {
    fail(`unreadable model columns: ${columns.map((column) => column.model).join(", ")}`);
  }
  const currencies = new Set<"USD" | "CNY">();
  for (const row of grid.slice(headerIndex + 1)) {
    const values = row.slice(-columns.length);
    const labels = labelsOf($, row.slice(0, row.length - columns.length));
    const priceKind = priceKindOf(labels);
    const factKind = factKindOf(labels);
    columns.forEach((column, index) => {
      const cell = values[index];
      if (!cell) return fail(`row "${labels.join(" / ")}" has no cell for ${column.model}`);
      if (priceKind) {
        const price = readPriceCell($(cell)) ?? fail(`no price for ${column.model} in "${labels.join(" / ")}": "${textOf($, cell)}"`);
        currencies.add(price.currency);
        const variant = variantOf(labels);
        const prices = column.prices.get(variant) ?? new Map<PriceKind, DecimalString>();
        if (prices.has(priceKind)) fail(`${column.model} ${variant} ${priceKind} is priced twice`);
        column.prices.set(variant, prices.set(priceKind, price.amount));
      } else if (factKind === "displayName") {
        column.displayName = textOf($, cell);
      } else if (factKind) {
        column[factKind] = tokenCount(textOf($, cell));
      }
    });
  }
  const [currency, ...otherCurrencies] = [...currencies];
  if (!currency) return fail("the model table has no price rows");
  if (otherCurrencies.length > 0) fail(`prices in several currencies: ${[...currencies].join(", ")}`);
  return { currency, columns };
}

/**
 * The text-token prices of one model in one service tier, as the tables give them: a
 * short-context price, and a long-context price for the models that have one.
 */
import { perMillion, type DecimalString } from "../../src/domain/money.ts";
import { PricingLayoutError } from "./errors.ts";
import { pricingHtmlMainText } from "./pricing-html.ts";
import type { PropsCell } from "./props-schemas.ts";

export interface TokenPrices {
  input: DecimalString | null;
  cacheRead: DecimalString | null;
  cacheWrite: DecimalString | null;
  output: DecimalString | null;
}

export interface TokenPriceRow {
  model: string;
  variant: string;
  short: TokenPrices;
  long: TokenPrices;
  /** Set when the page writes the model as "gpt-5.5 (<272K context length)": its price holds below this many input tokens. */
  shortContextLimit: number | null;
}

type TokenField = keyof TokenPrices;

/** A price column: "Input", "Cached input", "Cache writes", "Output", optionally under "Short context" or "Long context". */
export interface TokenColumn {
  context: "short" | "long";
  field: TokenField;
}

const COLUMN = /^(?:(short|long) context )?(input|cached input|cache writes|output)$/;
const FIELD_BY_LABEL: Record<string, TokenField> = { input: "input", "cached input": "cacheRead", "cache writes": "cacheWrite", output: "output" };

export function tokenColumn(label: string): TokenColumn | undefined {
  const match = COLUMN.exec(label.replace(/\s+/g, " ").trim().toLowerCase());
  const field = match?.[2] === undefined ? undefined : FIELD_BY_LABEL[match[2]];
  if (!match || !field) return undefined;
  return { context: match[1] === "long" ? "long" : "short", field };
}

function emptyPrices(): TokenPrices {
  return { input: null, cacheRead: null, cacheWrite: null, output: null };
}

/** Reads cells under their price columns into short- and long-context prices. */
export function pricesInColumns(columns: readonly TokenColumn[], cells: readonly PropsCell[], what: string): Pick<TokenPriceRow, "short" | "long"> {
  if (columns.length !== cells.length) throw new PricingLayoutError(`${what}: ${cells.length} price cells for ${columns.length} price columns`);
  const prices = { short: emptyPrices(), long: emptyPrices() };
  columns.forEach((column, index) => {
    prices[column.context][column.field] = tokenPrice(cells[index], `${what} ${column.context}-context ${column.field}`);
  });
  return prices;
}

/** A cell in USD per 1M tokens: a number, "$1.25", "Free" (0), or "-" / "" / null when the model has no such price. */
export function tokenPrice(cell: PropsCell, what: string): DecimalString | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") {
    if (cell < 0) throw new PricingLayoutError(`${what}: negative price ${cell}`);
    return perMillion(cell);
  }
  const text = (typeof cell === "string" ? cell : pricingHtmlMainText(cell.__pricingHtml)).trim();
  if (text === "" || text === "-") return null;
  if (/^free$/i.test(text)) return "0";
  const amount = /^\$(\d+(?:\.\d+)?)$/.exec(text)?.[1];
  if (amount === undefined) throw new PricingLayoutError(`${what}: expected a price per 1M tokens like "$1.25", found "${text}"`);
  return perMillion(amount);
}

/** "gpt-5.5 (<272K context length)" is model "gpt-5.5" priced below 272,000 input tokens. */
export function splitContextQualifier(name: string): { model: string; shortContextLimit: number | null } {
  const match = /^(.+?)\s*\(<\s*(\d+)K context length\)$/.exec(name.trim());
  if (!match?.[1] || !match[2]) return { model: name.trim(), shortContextLimit: null };
  return { model: match[1], shortContextLimit: Number(match[2]) * 1000 };
}

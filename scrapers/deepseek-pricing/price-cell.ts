/**
 * One DeepSeek price cell: "$0.14" on the English page, "0.02元" on the Chinese one. A
 * promotion is written "$0.435 (75% off<sup>(3)</sup>)<del>$1.74</del>": the price charged
 * is the first figure; the struck-through list price and the footnote mark are dropped.
 */
import type { Cheerio } from "cheerio";
import type { Element } from "domhandler";
import { perMillion, type DecimalString } from "../../src/domain/money.ts";

export interface CellPrice {
  currency: "USD" | "CNY";
  amount: DecimalString;
}

const USD = /^\$\s*(\d+(?:\.\d+)?)/;
const CNY = /^(\d+(?:\.\d+)?)\s*元/;

/** The charged price, or null when the cell holds no price in a known currency. */
export function readPriceCell(cell: Cheerio<Element>): CellPrice | null {
  const text = cell.clone().find("del, sup").remove().end().text().trim();
  const usd = USD.exec(text);
  if (usd?.[1]) return { currency: "USD", amount: perMillion(usd[1]) };
  const cny = CNY.exec(text);
  if (cny?.[1]) return { currency: "CNY", amount: perMillion(cny[1]) };
  return null;
}

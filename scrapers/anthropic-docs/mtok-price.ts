/** The docs page writes every token price as "$3 / MTok" (per million tokens), some cells with a label: "Input: $3 / MTok". */
import { perMillion, type DecimalString } from "../../src/domain/money.ts";
import { DocsLayoutError } from "./errors.ts";

const PER_MTOK = /^\$(\d+(?:\.\d+)?)\s*\/\s*MTok$/;
const LABELLED = /^([A-Za-z ]+):\s*(.*)$/;

export function parsePerMtok(text: string, what: string): DecimalString {
  const amount = PER_MTOK.exec(text)?.[1];
  if (amount === undefined) throw new DocsLayoutError(`${what}: expected a price like "$3 / MTok", found "${text}"`);
  return perMillion(amount);
}

export function parseLabelledPerMtok(text: string, what: string): { label: string; price: DecimalString } {
  const match = LABELLED.exec(text);
  if (!match?.[1] || match[2] === undefined) throw new DocsLayoutError(`${what}: expected a cell like "Input: $3 / MTok", found "${text}"`);
  return { label: match[1].trim().toLowerCase(), price: parsePerMtok(match[2], what) };
}

/**
 * Reads a catalogue entry's price labels: "Input (/M tokens)" and "Output (/M tokens)" are
 * token prices; "Input (per min / per M tok)" gives an audio per-minute and a text per-token
 * price in one string ("$0.004 (audio) / $0.1 (text)"), of which the text one is the input
 * price. Anything else (per 1,000 pages, per 1k characters, per minute) is not per token.
 */
import { perMillion, type DecimalString } from "../../src/domain/money.ts";
import { PayloadError } from "../source.ts";
import type { ApiEntry } from "./api-catalogue.ts";
import { MISTRAL_PRICING_SOURCE_ID } from "./source-id.ts";

const INPUT_LABEL = /^input\b.*\bM tok/i;
const OUTPUT_LABEL = /^output\b.*\bM tok/i;
const AMOUNT = /\$\s*(\d+(?:\.\d+)?)\s*(?:\(([^)]*)\))?/g;

/** The per-token USD price of a label's text: the only amount, or the one marked "(text)". */
function readTokenAmount(text: string, context: string): DecimalString {
  const amounts = [...text.matchAll(AMOUNT)];
  const chosen = amounts.length === 1 ? amounts[0] : amounts.find((match) => /\btext\b/i.test(match[2] ?? ""));
  if (!chosen?.[1] || /\bpages?\b|characters|\/\s*min|per call/i.test(text)) {
    throw new PayloadError(MISTRAL_PRICING_SOURCE_ID, `${context}: not a per-token price: "${text}"`);
  }
  return perMillion(chosen[1]);
}

export type EntryPrices =
  | { kind: "token"; input: DecimalString; output: DecimalString }
  | { kind: "free" }
  | { kind: "not-token"; labels: string[] };

export function readEntryPrices(entry: ApiEntry): EntryPrices {
  const input = entry.price.find((price) => INPUT_LABEL.test(price.value));
  const output = entry.price.find((price) => OUTPUT_LABEL.test(price.value));
  if (input && output) {
    return {
      kind: "token",
      input: readTokenAmount(input.price_dollar, `${entry.name} ${input.value}`),
      output: readTokenAmount(output.price_dollar, `${entry.name} ${output.value}`),
    };
  }
  if (input || output) {
    throw new PayloadError(MISTRAL_PRICING_SOURCE_ID, `${entry.name}: an ${input ? "input" : "output"} price per M tokens without the ${input ? "output" : "input"} price`);
  }
  // Labs models: a single "API endpoint: Free" line.
  if (entry.price.length > 0 && entry.price.every((price) => /^free$/i.test(price.price_dollar))) return { kind: "free" };
  return { kind: "not-token", labels: entry.price.map((price) => `${price.value}: ${price.price_dollar}`) };
}

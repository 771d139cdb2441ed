/**
 * The visible "Model Pricing" table of docs.x.ai/docs/models: one row per model (and per
 * region where the model is pinned to one, shown as a badge inside the name), with the
 * input and output USD prices per 1M tokens as two `usd-amount` spans. Cached and
 * long-context prices are only in tooltips, so this table is the check on the payload.
 */
import type { CheerioAPI } from "cheerio";
import type { Element } from "domhandler";
import { perMillion, type DecimalString } from "../../src/domain/money.ts";
import { PayloadError } from "../source.ts";
import { XAI_MODELS_SOURCE_ID } from "./source-id.ts";

export interface VisiblePriceRow {
  name: string;
  /** The region badge next to the name (a model pinned to a cluster), else null. */
  region: string | null;
  /** Every USD amount in the row: [input, output] for language models, [per image] for image models. */
  amounts: DecimalString[];
}

function readAmount(text: string): DecimalString {
  const match = /^\$(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!match?.[1]) throw new PayloadError(XAI_MODELS_SOURCE_ID, `unreadable price "${text}"`);
  return perMillion(match[1]);
}

export function readPriceTable($: CheerioAPI, documentName: string): VisiblePriceRow[] {
  const table = $("table")
    .filter((_, element) => {
      const headers = $(element).find("thead th").map((_, header) => $(header).text().trim()).get();
      return headers.includes("Model") && headers.includes("Pricing");
    })
    .first();
  if (table.length === 0) throw new PayloadError(XAI_MODELS_SOURCE_ID, 'no table with "Model" and "Pricing" columns', documentName);
  const { rows } = table.extract({
    rows: [
      {
        selector: "tbody tr",
        value: {
          // The region badge is a child element of the name span: keep the span's own text.
          name: { selector: "span.font-mono.font-medium", value: (span: Element) => $(span).clone().children().remove().end().text().trim() },
          region: "span.font-mono.font-medium > div",
          amounts: ['[data-testid="usd-amount"]'],
        },
      },
    ],
  });
  return rows.flatMap((row) => (row.name ? [{ name: row.name, region: row.region?.trim() || null, amounts: row.amounts.map(readAmount) }] : []));
}

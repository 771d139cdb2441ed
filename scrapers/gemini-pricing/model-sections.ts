/**
 * Reads the devsite pricing page into model sections: a `div.models-section` heading
 * (display name and the model ids in `<em><code>`) followed, up to the next section, by
 * one pricing table per service tier (`<section><h3>Batch</h3><table>` inside
 * `div.ds-selector-tabs`) or by a single bare table for models with one tier.
 */
import { loadHtml } from "../lib/load-html.ts";
import type { CheerioAPI } from "cheerio";
import type { Element } from "domhandler";

export interface PricingRow {
  label: string;
  /** The "Paid Tier" cell, one entry per <br>-separated line. */
  paidLines: string[];
}

export interface PricingTable {
  /** The tier tab heading ("Standard", "Batch", "Flex", "Priority"); null for a bare table. */
  tier: string | null;
  /** The paid column heading, e.g. "Paid Tier, per 1M tokens in USD"; null when there is none. */
  paidHeader: string | null;
  rows: PricingRow[];
}

export interface ModelSection {
  displayName: string;
  modelIds: string[];
  tables: PricingTable[];
}

const normaliseSpace = (text: string): string => text.replace(/\s+/g, " ").trim();

/** A cell's text split on <br>: each line is one priced statement. */
function cellLines($: CheerioAPI, cell: Element | undefined): string[] {
  if (!cell) return [];
  const lines = [""];
  for (const node of cell.children) {
    if ($(node).is("br")) lines.push("");
    else lines[lines.length - 1] += $(node).text();
  }
  return lines.map((line) => normaliseSpace(line).replace(/,$/, "")).filter((line) => line.length > 0);
}

function readTable($: CheerioAPI, table: Element): PricingTable {
  const { headers, rows } = $(table).extract({
    headers: ["thead th"],
    // Wrapped in an object: cheerio flattens arrays that an extract function returns.
    rows: [{ selector: "tbody tr", value: (row: Element) => ({ cells: $(row).children("td").toArray() }) }],
  });
  const paidColumn = headers.findIndex((header) => /^paid tier/i.test(normaliseSpace(header)));
  const tierHeading = $(table).prev("h3");
  return {
    tier: tierHeading.length > 0 ? normaliseSpace(tierHeading.text()) : null,
    paidHeader: paidColumn >= 0 ? normaliseSpace(headers[paidColumn] ?? "") : null,
    rows: rows.map(({ cells }) => ({
      label: normaliseSpace($(cells[0]).text()),
      paidLines: paidColumn >= 0 ? cellLines($, cells[paidColumn]) : [],
    })),
  };
}

export function readModelSections(html: string): ModelSection[] {
  const $ = loadHtml(html);
  return $("div.models-section")
    .toArray()
    .map((section) => {
      const heading = $(section).extract({ displayName: "h2", modelIds: ["em code"] });
      const following = $(section).nextUntil("div.models-section, h2");
      const tables = following.filter("table.pricing-table").add(following.find("table.pricing-table"));
      return {
        displayName: normaliseSpace(heading.displayName ?? ""),
        modelIds: heading.modelIds.map(normaliseSpace),
        tables: tables.toArray().map((table) => readTable($, table)),
      };
    });
}

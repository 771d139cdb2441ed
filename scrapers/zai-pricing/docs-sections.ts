/**
 * Reads docs.z.ai/guides/overview/pricing (Mintlify) into its `<h3>` sections: Text Models,
 * Vision Models, Built-in Tools, Image/Video Generation Models, Audio Models, Agents. Each
 * section has a unit line ("Prices per 1M tokens.", "Prices per image.") and one table.
 */
import { loadHtml } from "../lib/load-html.ts";
import { PayloadError } from "../source.ts";
import { ZAI_PRICING_SOURCE_ID } from "./source-id.ts";

export interface DocsTable {
  /** Section heading, e.g. "Text Models" (Mintlify prefixes a zero-width space, removed here). */
  heading: string;
  /** The section's prose, which states the unit ("Prices per 1M tokens."). */
  unitText: string;
  headers: string[];
  rows: string[][];
}

const clean = (text: string): string => text.replace(/[\u200b\s]+/g, " ").trim();

export function readDocsTables(html: string, documentName: string): DocsTable[] {
  const $ = loadHtml(html);
  const tables: DocsTable[] = [];
  for (const heading of $("h3").toArray()) {
    const section = $(heading).nextUntil("h2, h3");
    for (const table of section.filter("table").add(section.find("table")).toArray()) {
      const { headers, rows } = $(table).extract({
        headers: ["thead th"],
        rows: [{ selector: "tbody tr", value: { cells: ["td"] } }],
      });
      tables.push({
        heading: clean($(heading).text()),
        unitText: clean(section.filter("p, [data-as='p']").text()),
        headers: headers.map(clean),
        rows: rows.map((row) => row.cells.map(clean)),
      });
    }
  }
  if (tables.length !== $("table").length) {
    throw new PayloadError(ZAI_PRICING_SOURCE_ID, `${$("table").length - tables.length} table(s) outside an <h3> section: the layout changed`, documentName);
  }
  return tables;
}

/**
 * Reads the server-rendered tables of the HTML docs page with their heading and the prose
 * above them. Only the content `<article>` is read: the same content repeated in the Next.js
 * `self.__next_f.push(...)` script payloads is ignored.
 */
import * as cheerio from "cheerio";
import { normaliseSpace, type DocsTable } from "./docs-table.ts";
import { loadHtml } from "../lib/load-html.ts";

type HtmlSelection = ReturnType<ReturnType<cheerio.CheerioAPI["root"]>["children"]>;

export function readHtmlTables(html: string): DocsTable[] {
  const $ = loadHtml(html);
  // The page has an empty placeholder <article> before the one with the content.
  const blocks = $("article:has(table)").first().find("h1, h2, h3, h4, p, li, table");
  const tables: DocsTable[] = [];
  let heading = "";
  let context: string[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks.eq(index);
    const tagName = block.prop("tagName")?.toLowerCase() ?? "";
    if (tagName === "table") {
      tables.push({ heading, context: context.join(" "), ...readTable($, block) });
      context = [];
    } else if (block.closest("table").length === 0) {
      const text = normaliseSpace(block.text());
      if (/^h\d$/.test(tagName)) {
        heading = text;
        context = [];
      } else if (text) {
        context.push(text);
      }
    }
  }
  return tables;
}

function readTable($: cheerio.CheerioAPI, table: HtmlSelection): Pick<DocsTable, "header" | "rows"> {
  // Each row maps to an object: cheerio flattens arrays returned by an extract value function.
  const { header, rows } = table.extract({
    header: ["thead th"],
    rows: [{ selector: "tbody tr", value: (row) => ({ cells: $(row).children("td").toArray().map((cell) => cellText($(cell))) }) }],
  });
  return { header: header.map(normaliseSpace), rows: rows.map((row) => row.cells) };
}

/** A cell's text without footnote markers or a linked status note ("Claude Opus 3 (<a>deprecated</a>)"). */
function cellText(cell: HtmlSelection): string {
  const content = cell.clone();
  content.find("sup").remove();
  let text = content.text();
  const links = content.find("a");
  for (let index = 0; index < links.length; index++) text = text.replace(`(${links.eq(index).text()})`, "");
  return normaliseSpace(text);
}

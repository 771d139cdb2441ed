/**
 * Reads the rendered open.bigmodel.cn/pricing DOM. The page is a Vue single-page app: its
 * sections are `h3.model-title` ("旗舰模型", "模型推理", "模型微调", ...), a section's tabs
 * are `ul.tab-nav-list` items whose panes are the `div` siblings of that list (in order),
 * and every price table is an element-ui `div.el-table` split into a header `<table>` and a
 * body `<table>` whose cells share `el-table_<n>_column_<m>` classes.
 */
import { loadHtml } from "../lib/load-html.ts";
import type { Cheerio, CheerioAPI } from "cheerio";
import type { Element } from "domhandler";
import { PayloadError } from "../source.ts";
import { ZAI_BIGMODEL_PRICING_SOURCE_ID } from "./source-id.ts";

export interface BigmodelTable {
  section: string;
  /** The tab the table sits in, or null for a table outside the tabs ("查看历史模型", the legacy list). */
  tab: string | null;
  headers: string[];
  /** Each row's cells by header label; a cell is its lines (one per <p>). Cells covered by a rowspan are absent. */
  rows: Array<Map<string, string[]>>;
}

const COLUMN_CLASS = /\bel-table_\d+_column_\d+\b/;
const clean = (text: string): string => text.replace(/\s+/g, " ").trim();

function columnOf(cell: Cheerio<Element>): string {
  return COLUMN_CLASS.exec(cell.attr("class") ?? "")?.[0] ?? "";
}

function linesOf($: CheerioAPI, cell: Cheerio<Element>): string[] {
  const paragraphs = cell.find("p");
  const lines = paragraphs.length > 0 ? paragraphs.map((_, paragraph) => clean($(paragraph).text())).get() : [clean(cell.text())];
  return lines.filter((line) => line.length > 0);
}

function tabOf($: CheerioAPI, table: Element): string | null {
  for (const ancestor of $(table).parents().toArray()) {
    const nav = $(ancestor).parent().children("ul.tab-nav-list");
    if (nav.length === 0) continue;
    const index = $(ancestor).parent().children("div").index(ancestor);
    const label = clean(nav.find("li").eq(index).text());
    if (!label) throw new PayloadError(ZAI_BIGMODEL_PRICING_SOURCE_ID, `a table sits in tab pane ${index}, which has no tab label`);
    return label;
  }
  return null;
}

function readTable($: CheerioAPI, table: Element, section: string): BigmodelTable {
  const labels = new Map<string, string>();
  $(table)
    .find(".el-table__header-wrapper th")
    .each((_, header) => {
      labels.set(columnOf($(header)), clean($(header).text()));
    });
  const rows = $(table)
    .find(".el-table__body-wrapper tbody tr")
    .toArray()
    .map((row) => {
      const cells = new Map<string, string[]>();
      for (const cell of $(row).children("td").toArray()) {
        const label = labels.get(columnOf($(cell)));
        if (label !== undefined) cells.set(label, linesOf($, $(cell)));
      }
      return cells;
    });
  return { section, tab: tabOf($, table), headers: [...labels.values()], rows };
}

export function readBigmodelTables(html: string, documentName: string): BigmodelTable[] {
  const $ = loadHtml(html);
  const tables: BigmodelTable[] = [];
  let section: string | null = null;
  for (const element of $("h3.model-title, div.el-table").toArray()) {
    if ($(element).is("h3")) {
      section = clean($(element).text());
    } else if (section === null) {
      throw new PayloadError(ZAI_BIGMODEL_PRICING_SOURCE_ID, "a price table before any section title", documentName);
    } else {
      tables.push(readTable($, element, section));
    }
  }
  return tables;
}

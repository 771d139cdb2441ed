/**
 * Expands an HTML table into a rectangular grid: a cell with rowspan/colspan occupies every
 * position it covers, so row labels and model columns can be read by position whatever
 * the nesting (the DeepSeek table puts a `rowspan="3"` PRICING cell in front of its first
 * price row only).
 */
import type { Cheerio, CheerioAPI } from "cheerio";
import type { Element } from "domhandler";

function span(value: string | undefined): number {
  const parsed = Number(value ?? "1");
  return Number.isInteger(parsed) && parsed > 0 ? parsed : 1;
}

export function expandTable($: CheerioAPI, table: Cheerio<Element>): Element[][] {
  const grid: Element[][] = [];
  const rows = table.find("tr").filter((_, row) => $(row).closest("table").is(table));
  rows.each((rowIndex, row) => {
    let column = 0;
    for (const cell of $(row).children("td, th").toArray()) {
      while (grid[rowIndex]?.[column]) column++;
      const rowspan = span($(cell).attr("rowspan"));
      const colspan = span($(cell).attr("colspan"));
      for (let down = 0; down < rowspan; down++) {
        const target = (grid[rowIndex + down] ??= []);
        for (let across = 0; across < colspan; across++) target[column + across] = cell;
      }
      column += colspan;
    }
  });
  return grid.slice(0, rows.length);
}

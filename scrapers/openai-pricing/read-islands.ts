/**
 * Finds the pricing islands of developers.openai.com/api/docs/pricing (an Astro page).
 * Each `<astro-island>` carries its data in a `props` attribute; the text-token islands also
 * server-render a table, which is the only place the long-context prices appear. An island
 * inside a tier switcher sits in a pane `.content-switcher-panes > [data-value=batch]`.
 */
import * as cheerio from "cheerio";
import { decodeAstroProps } from "./astro-props.ts";
import { PricingLayoutError } from "./errors.ts";
import { loadHtml } from "../lib/load-html.ts";

const PRICING_COMPONENT = /Pricing/;

export interface PricingIsland {
  component: string;
  /** The service-tier pane the island sits in ("standard", "batch", "flex", "priority" or "fast"); undefined outside a switcher. */
  pane: string | undefined;
  props: unknown;
  table: RenderedTable | undefined;
}

export interface RenderedTable {
  /** One per column: the header group it sits under ("Short context", "Long context" or "") and its own label. */
  columns: { group: string; label: string }[];
  rows: string[][];
}

type HtmlSelection = ReturnType<ReturnType<cheerio.CheerioAPI["root"]>["children"]>;

export function readPricingIslands(html: string): PricingIsland[] {
  const $ = loadHtml(html);
  const { islands } = $.extract({
    islands: [
      {
        selector: "astro-island[component-export]",
        value: (element) => {
          const island = $(element);
          const component = island.attr("component-export") ?? "";
          return { component, pane: island.closest(".content-switcher-panes > [data-value]").attr("data-value"), props: island.attr("props"), island };
        },
      },
    ],
  });
  return islands
    .filter(({ component }) => PRICING_COMPONENT.test(component))
    .map(({ component, pane, props, island }) => {
      if (props === undefined) throw new PricingLayoutError(`${component} island has no props`);
      const table = island.find("table").first();
      return { component, pane, props: decodeAstroProps(props, component), table: table.length > 0 ? readRenderedTable($, table) : undefined };
    });
}

function readRenderedTable($: cheerio.CheerioAPI, table: HtmlSelection): RenderedTable {
  const cellText = (cell: HtmlSelection) => cell.text().replace(/\s+/g, " ").trim();
  // Rows map to objects: cheerio flattens arrays returned by an extract value function.
  const { headerRows, rows } = table.extract({
    headerRows: [
      {
        selector: "thead tr",
        value: (row) => ({ cells: $(row).children("th").toArray().map((cell) => ({ text: cellText($(cell)), span: Number($(cell).attr("colspan") ?? "1") })) }),
      },
    ],
    rows: [{ selector: "tbody tr", value: (row) => ({ cells: $(row).children("td").toArray().map((cell) => cellText($(cell))) }) }],
  });
  const labels = headerRows.at(-1)?.cells.map((cell) => cell.text) ?? [];
  const groups = headerRows.length > 1 ? (headerRows[0]?.cells ?? []).flatMap((cell) => Array<string>(cell.span).fill(cell.text)) : labels.map(() => "");
  if (groups.length !== labels.length) throw new PricingLayoutError(`rendered table header groups span ${groups.length} columns, labels ${labels.length}`);
  return { columns: labels.map((label, index) => ({ group: groups[index] ?? "", label })), rows: rows.map((row) => row.cells) };
}

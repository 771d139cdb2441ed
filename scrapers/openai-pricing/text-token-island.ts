/**
 * A TextTokenPricingTables island (one per service tier) lists every model's short-context
 * prices in its props, but server-renders only the latest few models, with their
 * long-context columns: the props carry no long-context prices at all. So the props give
 * the model list and the rendered rows add the long-context prices, after their
 * short-context cells are checked against the props.
 */
import { decimalEquals } from "../../src/domain/money.ts";
import { PricingLayoutError } from "./errors.ts";
import { propsCellName } from "./props-cell-name.ts";
import { textTokenPropsSchema } from "./props-schemas.ts";
import type { PricingIsland, RenderedTable } from "./read-islands.ts";
import { variantOfPane } from "./service-tier.ts";
import { pricesInColumns, splitContextQualifier, tokenColumn, tokenPrice, type TokenColumn, type TokenPriceRow } from "./token-prices.ts";
import { validateProps } from "./validate.ts";

export function textTokenIslandRows(island: PricingIsland): TokenPriceRow[] {
  const what = `${island.component} (${island.pane ?? "no tier"})`;
  const variant = variantOfPane(island.pane, island.component);
  const { rows } = validateProps(textTokenPropsSchema, island.props, what);
  if (!island.table) throw new PricingLayoutError(`${what}: no server-rendered pricing table (the long-context prices are only there)`);
  const table = renderedColumns(island.table, what);
  const shortColumns = table.priceColumns.filter((column) => column.context === "short");
  const listed = rows.map((row) => {
    const [name, ...cells] = row;
    const { model, shortContextLimit } = splitContextQualifier(propsCellName(name, what));
    return { model, variant, shortContextLimit, ...pricesInColumns(listedColumns(shortColumns, cells.length, `${what} ${model}`), cells, `${what} ${model}`) };
  });
  for (const rendered of island.table.rows) addRenderedRow(rendered, table, listed, what);
  return listed;
}

/** The rendered table's price columns, after its leading Model column. */
interface RenderedColumns {
  priceColumns: TokenColumn[];
}

function renderedColumns(table: RenderedTable, what: string): RenderedColumns {
  if (table.columns[0]?.label.toLowerCase() !== "model") throw new PricingLayoutError(`${what}: the rendered table does not start with a Model column`);
  const priceColumns = table.columns.slice(1).map((column) => {
    const priceColumn = tokenColumn(`${column.group} ${column.label}`);
    if (!priceColumn) throw new PricingLayoutError(`${what}: unexpected column "${column.group} ${column.label}"`);
    return priceColumn;
  });
  for (const field of ["input", "cacheRead", "output"] as const) {
    if (!priceColumns.some((column) => column.context === "short" && column.field === field)) {
      throw new PricingLayoutError(`${what}: expected a short-context ${field} column`);
    }
  }
  return { priceColumns };
}

/** Rows of models without cache-write prices have one cell less than the header when it has a "Cache writes" column. */
function listedColumns(shortColumns: TokenColumn[], cellCount: number, what: string): TokenColumn[] {
  if (cellCount === shortColumns.length) return shortColumns;
  const withoutCacheWrites = shortColumns.filter((column) => column.field !== "cacheWrite");
  if (cellCount === withoutCacheWrites.length) return withoutCacheWrites;
  throw new PricingLayoutError(`${what}: ${cellCount} price cells for the ${shortColumns.length} short-context columns`);
}

function addRenderedRow(cells: readonly string[], table: RenderedColumns, listed: TokenPriceRow[], what: string): void {
  const [name, ...priceCells] = cells;
  const model = splitContextQualifier(name ?? "").model;
  const row = listed.find((candidate) => candidate.model === model);
  if (!row) throw new PricingLayoutError(`${what}: rendered model "${name}" is not in the island's model list`);
  if (priceCells.length !== table.priceColumns.length) throw new PricingLayoutError(`${what} ${model}: ${priceCells.length} rendered cells for ${table.priceColumns.length} columns`);
  table.priceColumns.forEach((column, index) => {
    const price = tokenPrice(priceCells[index], `${what} ${model} rendered ${column.context}-context ${column.field}`);
    if (column.context === "long") {
      row.long[column.field] = price;
    } else if (!decimalEquals(price, row.short[column.field])) {
      throw new PricingLayoutError(`${what} ${model}: rendered ${column.field} ${price} differs from the listed ${row.short[column.field]}`);
    }
  });
}

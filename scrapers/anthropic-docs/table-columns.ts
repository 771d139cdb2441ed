/** Finds the pricing tables by their header and reads cells by column name, so a renamed or missing column fails loudly. */
import type { DocsTable } from "./docs-table.ts";
import { DocsLayoutError } from "./errors.ts";

export type ColumnIndexes<Key extends string> = Record<Key, number>;

export function hasColumn(table: DocsTable, column: string): boolean {
  return table.header.some((label) => label.toLowerCase() === column.toLowerCase());
}

export function columnIndexes<Key extends string>(table: DocsTable, columns: Record<Key, string>, what: string): ColumnIndexes<Key> {
  const indexes = {} as ColumnIndexes<Key>;
  const missing: string[] = [];
  for (const [key, label] of Object.entries(columns) as [Key, string][]) {
    const index = table.header.findIndex((header) => header.toLowerCase() === label.toLowerCase());
    if (index < 0) missing.push(label);
    indexes[key] = index;
  }
  if (missing.length > 0) {
    throw new DocsLayoutError(`${what}: expected columns ${missing.map((m) => `"${m}"`).join(", ")} missing (header: ${table.header.join(" | ")})`);
  }
  return indexes;
}

export function cellAt(row: readonly string[], index: number, what: string): string {
  const cell = row[index];
  if (cell === undefined) throw new DocsLayoutError(`${what}: row "${row.join(" | ")}" has no cell ${index + 1}`);
  return cell;
}

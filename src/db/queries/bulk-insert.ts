/**
 * Bulk inserts as one JSON parameter (json_to_recordset) instead of one bind parameter per
 * value: a run's thousands of periods are one statement whose parameter the database
 * parses in C. Bind lists of 10^5 parameters were most of a first start on PGlite
 * (serialised in JS, parsed in WASM). Rows are plain objects keyed by the table's
 * property names; every row should carry the same keys (a missing one is NULL, not the
 * column default).
 */
import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../client.ts";
import { rowsOf } from "../migrate.ts";

/** Rows per statement: bounds the JSON text held at once. */
const CHUNK_ROWS = 5_000;

const RECORD_TYPES: Readonly<Record<string, string>> = { bigserial: "bigint", serial: "integer" };

export async function insertJsonRows<R = never>(
  db: Executor,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  options: { returning?: SQL; onConflictDoNothing?: boolean } = {},
): Promise<R[]> {
  // Rows of one shape per statement: a key a row leaves out takes the column default.
  const byShape = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const shape = Object.keys(row).filter((key) => row[key] !== undefined).join(",");
    // Appended in place: copying the group for each row was quadratic (30,000 LMArena score periods: 94 s of a 158 s run).
    const group = byShape.get(shape);
    if (group) group.push(row);
    else byShape.set(shape, [row]);
  }
  const out: R[] = [];
  for (const [shape, group] of byShape) out.push(...(await insertShape<R>(db, table, shape.split(","), group, options)));
  return out;
}

async function insertShape<R>(
  db: Executor,
  table: PgTable,
  shapeKeys: readonly string[],
  rows: readonly Record<string, unknown>[],
  options: { returning?: SQL; onConflictDoNothing?: boolean },
): Promise<R[]> {
  const columns = getTableColumns(table);
  const keys = shapeKeys.filter((key) => columns[key] !== undefined);
  const columnNames = keys.map((key) => toSnakeCase(columns[key]!.name));
  const names = columnNames.map((name) => sql.identifier(name));
  const definitions = keys.map((key, i) => {
    const type = columns[key]!.getSQLType();
    return sql`${names[i]} ${sql.raw(RECORD_TYPES[type] ?? type)}`;
  });
  const out: R[] = [];
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    // The record's fields are matched by column name.
    const chunk = rows.slice(start, start + CHUNK_ROWS).map((row) => Object.fromEntries(keys.map((key, i) => [columnNames[i], row[key] ?? null])));
    const result = await db.execute(sql`insert into ${sql.identifier(getTableName(table))} (${sql.join(names, sql`, `)})
      select ${sql.join(names, sql`, `)} from json_to_recordset(${JSON.stringify(chunk)}::json) as row(${sql.join(definitions, sql`, `)})
      ${options.onConflictDoNothing ? sql`on conflict do nothing` : sql``}
      ${options.returning ? sql`returning ${options.returning}` : sql``}`);
    if (options.returning) out.push(...rowsOf<R>(result));
  }
  return out;
}

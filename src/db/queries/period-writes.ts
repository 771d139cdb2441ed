/**
 * The writes every period plan shares, whatever the series (prices, scores): mark
 * unchanged periods seen again, and close the periods a change or a delisting ends.
 * Closes run before the caller opens new periods: the exclusion constraint checks each statement.
 */
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../client.ts";
import { slices } from "./catalogue.ts";

export async function touchAndClosePeriods(
  db: Executor,
  table: PgTable,
  touched: readonly number[],
  closes: ReadonlyArray<{ id: number; validTo: Date }>,
  at: Date,
): Promise<void> {
  for (const slice of slices(touched)) {
    const ids = sql.join(slice.map((id) => sql`${id}::bigint`), sql`, `);
    await db.execute(sql`update ${table} set last_seen_at = ${at.toISOString()}::timestamptz where ${table}.id in (${ids})`);
  }
  for (const slice of slices(closes)) {
    const values = sql.join(slice.map(({ id, validTo }) => sql`(${id}::bigint, ${validTo.toISOString()}::timestamptz)`), sql`, `);
    await db.execute(sql`update ${table} set valid_to = closing.valid_to
      from (values ${values}) as closing(id, valid_to) where ${table}.id = closing.id`);
  }
}

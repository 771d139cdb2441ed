/**
 * Planner statistics after a large write. PGlite runs no autovacuum, and Postgres's
 * autoanalyze comes a minute late: a first start that fills empty tables would otherwise
 * be planned as if they were still empty (nested loops over thousands of periods; one
 * floating-pointer query took 84 s instead of 3 s on PGlite).
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../client.ts";

/** Rows a run must change before its tables are analysed. */
export const ANALYZE_AFTER_CHANGED = 200;

const TABLES = {
  price: ["models", "offerings", "aliases", "price_periods", "change_events"],
  benchmark: ["models", "aliases", "score_periods"],
} as const;

export async function refreshPlannerStatistics(db: Executor, kind: keyof typeof TABLES): Promise<void> {
  await db.execute(sql`analyze ${sql.join(TABLES[kind].map((table) => sql.identifier(table)), sql`, `)}`);
}

/**
 * Applies the committed drizzle-kit migrations. On a shared server several instances
 * may start at once: a session advisory lock makes them take turns.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { DatabaseConnection } from "./client.ts";

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "../../migrations");
const MIGRATION_LOCK_KEY = 7_150_301;

export async function migrateDatabase(connection: DatabaseConnection): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (connection.kind === "pglite") {
    await migratePglite(connection.db as unknown as PgliteDatabase, config);
    return;
  }
  const reserved = await connection.sql!.reserve();
  try {
    await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(connection.db as unknown as PostgresJsDatabase, config);
  } finally {
    await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    reserved.release();
  }
}

export interface MigrationState {
  applied: number;
  expected: number;
  upToDate: boolean;
}

function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(resolve(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function migrationState(connection: Pick<DatabaseConnection, "db">): Promise<MigrationState> {
  const expected = expectedMigrationCount();
  const exists = await connection.db.execute<{ present: boolean }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  const present = rowsOf<{ present: boolean }>(exists)[0]?.present ?? false;
  if (!present) return { applied: 0, expected, upToDate: expected === 0 };
  const counted = await connection.db.execute<{ applied: number }>(
    sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
  );
  const applied = Number(rowsOf<{ applied: number }>(counted)[0]?.applied ?? 0);
  return { applied, expected, upToDate: applied >= expected };
}

/** postgres.js returns rows as the result itself; PGlite wraps them in `.rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * A fresh database migrated only as far as an earlier release went (its first `count`
 * migrations), for upgrade tests: fill it as that release wrote, then run migrateDatabase.
 * PGlite in memory by default, or a throwaway database on TEST_DATABASE_URL's server.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { openDatabase, type DatabaseConnection } from "../../src/db/client.ts";
import { MIGRATIONS_FOLDER } from "../../src/db/migrate.ts";
import { openServerDatabase, TEST_DATABASE_URL } from "./database.ts";

/** The connection; close() also drops a server database. */
export async function openPreviousRelease(count: number): Promise<DatabaseConnection> {
  const folder = mkdtempSync(join(tmpdir(), "pricewar-previous-release-"));
  try {
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, "meta/_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: unknown[] };
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
    if (!TEST_DATABASE_URL) {
      const connection = await openDatabase({ pgliteDir: "memory://" });
      await migratePglite(connection.db as unknown as PgliteDatabase, { migrationsFolder: folder });
      return connection;
    }
    const connection = await openServerDatabase(2);
    await migratePostgres(connection.db as unknown as PostgresJsDatabase, { migrationsFolder: folder });
    return connection;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

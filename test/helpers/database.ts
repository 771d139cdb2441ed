/**
 * One migrated database per test file: PGlite in memory by default, or a fresh database
 * on the server named by TEST_DATABASE_URL (created here, dropped afterwards), so the
 * same suite runs on both engines. Tests inside a file isolate with withRollback().
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type DatabaseConnection, type Db, type Transaction } from "../../src/db/client.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";

export interface TestDatabase extends DatabaseConnection {
  /** The URL of the throwaway server database, for tests that open more connections. */
  url?: string;
}

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

let pgliteDump: Blob | undefined;

/** The migrated cluster test/global-setup.ts dumped, read once per worker (none when run without it). */
function migratedPgliteDump(): Blob | undefined {
  const file = inject("pgliteTemplateDump");
  if (file && !pgliteDump) pgliteDump = new Blob([readFileSync(file)]);
  return pgliteDump;
}

/** A migrated database: a copy of global-setup's template when there is one (migrating it again is a no-op). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const connection = TEST_DATABASE_URL
    ? await openServerDatabase(5, inject("serverTemplateDatabase") ?? undefined)
    : await openDatabase({ pgliteDir: "memory://", pgliteDump: migratedPgliteDump() });
  await migrateDatabase(connection);
  return connection;
}

/** A throwaway database on TEST_DATABASE_URL's server, empty or a copy of `template`; close() drops it. */
export async function openServerDatabase(maxConnections: number, template?: string): Promise<TestDatabase> {
  const name = `pricewar_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"${template ? ` template "${template}"` : ""}`);
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const connection = await openDatabase({ databaseUrl: url.toString(), maxConnections });
  return {
    ...connection,
    url: url.toString(),
    async close() {
      await connection.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** Registers beforeAll/afterAll for a file-wide database; call the returned getter inside tests. */
export function useTestDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error("test database not ready: call inside a test or hook");
    return database;
  };
}

class Rollback extends Error {}

/** Runs fn inside a transaction that is always rolled back, so a test leaves no rows behind. */
export async function withRollback<T>(db: Db, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await fn(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}

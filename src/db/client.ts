/**
 * One database module for both engines: DATABASE_URL set -> postgres.js on a real
 * server; unset -> PGlite (Postgres in WASM) persisted at PGLITE_DIR. The rest of the
 * code sees one `Db` type and never asks which engine it runs on, except for features
 * only a server has (LISTEN/NOTIFY across processes).
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle: query functions take `Executor` so callers may pass either. */
export type Transaction = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Transaction;

export type DatabaseKind = "postgres" | "pglite";

export interface DatabaseConnection {
  db: Db;
  kind: DatabaseKind;
  /** Where it lives, without credentials: a host/database or a folder. */
  location: string;
  /** The postgres.js client (server only), for LISTEN/NOTIFY and session-level locks. */
  sql?: postgres.Sql;
  /** The PGlite instance (embedded only). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** A folder, or "memory://" for a throwaway in-memory database. */
  pgliteDir?: string | undefined;
  maxConnections?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseConnection> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  return openPglite(options.pgliteDir ?? "./data");
}

function openPostgres(url: string, max: number): DatabaseConnection {
  const sql = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres({ client: sql, schema, casing: "snake_case" }) as unknown as Db;
  const parsed = new URL(url);
  return {
    db,
    kind: "postgres",
    location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    sql,
    close: () => sql.end({ timeout: 5 }),
  };
}

async function openPglite(dir: string): Promise<DatabaseConnection> {
  const inMemory = dir === "memory://" || dir === "";
  if (!inMemory) mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(inMemory ? undefined : dir, { extensions: { btree_gist } });
  const db = drizzlePglite({ client: pglite, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    location: inMemory ? "memory" : dir,
    pglite,
    close: () => pglite.close(),
  };
}

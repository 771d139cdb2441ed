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
import { holdsCluster, initPgliteDir } from "./pglite-initdb.ts";

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
  /** An in-memory PGlite starts from this dumped cluster (PGlite.dumpDataDir) instead of a new one: no initdb. */
  pgliteDump?: Blob;
  maxConnections?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseConnection> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  return openPglite(options.pgliteDir ?? "./data", options.pgliteDump);
}

/** Seconds to wait for a connection: a database that is down answers 503 soon, not after postgres.js's default 30 s. */
const CONNECT_TIMEOUT_S = 5;

/**
 * Seconds before a pool connection reconnects after its n-th failure in a row. postgres.js
 * grows this to 20 s (3^n / 100), so after an outage of a minute the service kept failing
 * requests for ~10-20 s after the database was back; capped at 2 s here.
 */
export function reconnectDelayS(retries: number): number {
  return Math.min(0.05 * 2 ** retries, 2);
}

function openPostgres(url: string, max: number): DatabaseConnection {
  const sql = postgres(url, { max, onnotice: () => {}, connect_timeout: CONNECT_TIMEOUT_S, backoff: reconnectDelayS });
  const db = drizzlePostgres({ client: sql, schema, casing: "snake_case" }) as unknown as Db;
  sessionFactories.set(db, () => openDedicatedSession(url));
  const parsed = new URL(url);
  return {
    db,
    kind: "postgres",
    location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    sql,
    close: () => sql.end({ timeout: 5 }),
  };
}

async function openPglite(dir: string, dump: Blob | undefined): Promise<DatabaseConnection> {
  const inMemory = dir === "memory://" || dir === "";
  if (dump && !inMemory) throw new Error("a PGlite dump is loaded into an in-memory database only");
  if (!inMemory) {
    mkdirSync(dir, { recursive: true });
    if (!holdsCluster(dir)) await initPgliteDir(dir);
  }
  const pglite = await PGlite.create(inMemory ? undefined : dir, { extensions: { btree_gist }, ...(dump && { loadDataDir: dump }) });
  const db = drizzlePglite({ client: pglite, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    location: inMemory ? "memory" : dir,
    pglite,
    close: () => pglite.close(),
  };
}

/**
 * A session on a connection of its own, for work that must stay on one backend: a write
 * transaction, a session-level lock. Not postgres.js's sql.begin() or sql.reserve():
 * in postgres.js 3.4.9, when the backend of such a connection dies (pg_terminate_backend,
 * a server restart), begin() sends its ROLLBACK, and reserve() its next query or its
 * release, on the closed connection; the write is scheduled with setImmediate on a socket
 * that closed() has set to null, and the TypeError thrown there is uncaught and kills the
 * process (upstream issue porsager/postgres#1208, unfixed in any release). Here the
 * session notices its connection closing (the `onclose` option), refuses every later
 * statement with CONNECTION_LOST (rather than letting the pool reconnect and run it
 * outside the transaction), and is ended, never returned to a pool.
 */
export interface DedicatedSession {
  /** Drizzle over the session's one connection. */
  db: Db;
  /** The same connection for raw SQL. */
  sql: postgres.Sql;
  /** True once the connection has closed: the session's transaction or lock is gone with it. */
  readonly lost: boolean;
  end(): Promise<void>;
}

export class ConnectionLostError extends Error {
  readonly code = "CONNECTION_LOST";
  constructor() {
    super("database connection lost: the session's connection closed");
    this.name = "ConnectionLostError";
  }
}

const sessionFactories = new WeakMap<Db, () => DedicatedSession>();

/** A dedicated session on the server behind `db`, or null on PGlite (one connection, in process). */
export function dedicatedSessionFor(db: Db): DedicatedSession | null {
  return sessionFactories.get(db)?.() ?? null;
}

function openDedicatedSession(url: string): DedicatedSession {
  let lost = false;
  // fetch_types off: postgres.js fetches array types on a client's first connection
  // without handling that query's failure, so a session terminated at that moment would be
  // an unhandled rejection that ends the process. Sessions connect often; no statement
  // they run returns a Postgres array. (The pool keeps it: its reserve() hangs without it.)
  const raw = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: CONNECT_TIMEOUT_S, fetch_types: false, onclose: () => void (lost = true) });
  // Every way into the connection (tagged template, unsafe, begin...) goes through the
  // guard, so nothing is written to a connection that closed() has already torn down.
  const guarded = new Proxy(raw, {
    apply(target, self, args) {
      if (lost) throw new ConnectionLostError();
      return Reflect.apply(target, self, args);
    },
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function" || property === "end" || property === "options") return value;
      return (...args: unknown[]) => {
        if (lost) throw new ConnectionLostError();
        return Reflect.apply(value, target, args);
      };
    },
  });
  const db = drizzlePostgres({ client: guarded, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    sql: guarded,
    get lost() {
      return lost;
    },
    end: () => raw.end({ timeout: 1 }),
  };
}

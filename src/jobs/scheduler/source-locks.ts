/**
 * A per-source lock held for the whole of a run (or of a first-start backfill), so two
 * runs of one source never overlap and the "has this tick already run?" check and the
 * run's insert happen under the same lock.
 *
 * Postgres: a session-level advisory lock on a connection reserved from the pool, so
 * every instance sharing the database sees it; it dies with the connection if the
 * process does. PGlite is one process: a set of held ids per database handle, shared by
 * every scheduler on that handle.
 */
import type postgres from "postgres";
import type { DatabaseConnection, Db } from "../../db/client.ts";

export interface HeldLock {
  release(): Promise<void>;
}

export interface SourceLocks {
  /** The lock, or null at once when someone else holds it. */
  tryAcquire(sourceId: string): Promise<HeldLock | null>;
}

/** First key of the two-key advisory lock: keeps pricewar's locks apart from anyone else's on the server. */
export const ADVISORY_LOCK_NAMESPACE = 0x70726377; // "prcw"

export function sourceLocksFor(connection: Pick<DatabaseConnection, "db" | "sql">): SourceLocks {
  return connection.sql ? advisoryLocks(connection.sql) : inProcessLocks(connection.db);
}

function advisoryLocks(sql: postgres.Sql): SourceLocks {
  return {
    async tryAcquire(sourceId) {
      const reserved = await sql.reserve();
      try {
        const [row] = await reserved<[{ locked: boolean }]>`
          select pg_try_advisory_lock(${ADVISORY_LOCK_NAMESPACE}::int, hashtext(${sourceId})) as locked`;
        if (!row?.locked) {
          reserved.release();
          return null;
        }
      } catch (error) {
        reserved.release();
        throw error;
      }
      return {
        async release() {
          try {
            await reserved`select pg_advisory_unlock(${ADVISORY_LOCK_NAMESPACE}::int, hashtext(${sourceId}))`;
          } finally {
            reserved.release();
          }
        },
      };
    },
  };
}

const heldByDatabase = new WeakMap<Db, Set<string>>();

function inProcessLocks(db: Db): SourceLocks {
  let held = heldByDatabase.get(db);
  if (!held) heldByDatabase.set(db, (held = new Set()));
  const locks = held;
  return {
    async tryAcquire(sourceId) {
      if (locks.has(sourceId)) return null;
      locks.add(sourceId);
      return {
        async release() {
          locks.delete(sourceId);
        },
      };
    },
  };
}

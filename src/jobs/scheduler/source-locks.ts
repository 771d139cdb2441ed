/**
 * A per-source lock held for the whole of a run (or of a first-start backfill), so two
 * runs of one source never overlap and the "has this tick already run?" check and the
 * run's insert happen under the same lock.
 *
 * Postgres: a session-level advisory lock on a connection of its own, so
 * every instance sharing the database sees it; it dies with the connection if the
 * process does. PGlite is one process: a set of held ids per database handle, shared by
 * every scheduler on that handle.
 */
import { ADVISORY_LOCK_NAMESPACE } from "../../db/advisory-locks.ts";
import { dedicatedSessionFor, type DatabaseConnection, type Db } from "../../db/client.ts";

export interface HeldLock {
  release(): Promise<void>;
}

export interface SourceLocks {
  /** The lock, or null at once when someone else holds it. */
  tryAcquire(sourceId: string): Promise<HeldLock | null>;
}

export function sourceLocksFor(connection: Pick<DatabaseConnection, "db" | "sql">): SourceLocks {
  return connection.sql ? advisoryLocks(connection.db) : inProcessLocks(connection.db);
}

/**
 * The lock lives on a dedicated session (client.ts), not a connection reserved from the
 * pool: if the backend dies while the lock is held, postgres.js 3.4.9 crashes the process
 * on the reserved connection's next query or release. A lost session has lost its lock
 * with it (the server drops session locks with the backend), so release only ends it.
 */
function advisoryLocks(db: Db): SourceLocks {
  return {
    async tryAcquire(sourceId) {
      const session = dedicatedSessionFor(db)!;
      try {
        const [row] = await session.sql<[{ locked: boolean }]>`
          select pg_try_advisory_lock(${ADVISORY_LOCK_NAMESPACE}::int, hashtext(${sourceId})) as locked`;
        if (!row?.locked) {
          await session.end();
          return null;
        }
      } catch (error) {
        await session.end().catch(() => {});
        throw error;
      }
      return {
        async release() {
          try {
            if (!session.lost) await session.sql`select pg_advisory_unlock(${ADVISORY_LOCK_NAMESPACE}::int, hashtext(${sourceId}))`;
          } catch {
            // The connection went while unlocking: the server released the lock with it.
          } finally {
            await session.end().catch(() => {});
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

/**
 * The one way a run writes the catalogue and history: a transaction that cannot deadlock
 * with another run, survives the loss of its connection, and is tried again with backoff
 * when the database fails it for a transient reason.
 *
 * No deadlocks: runs of different sources (and instances) insert the same models,
 * aliases, providers and offerings in different orders, and Postgres answered that with
 * deadlocks (14 with two instances on default schedules, 116 on a 5-second schedule). The
 * transaction's first statement takes one transaction-level advisory lock for catalogue
 * writes, so write phases queue behind each other instead (each lasts well under a
 * second; loading and parsing, the long part of a run, happen before it). Reads never
 * wait for it.
 *
 * Connection loss: on a server the transaction runs on a dedicated session (client.ts)
 * that refuses to send anything once its connection has closed, so a terminated backend
 * fails the attempt with a catchable error instead of crashing the process.
 */
import { sql } from "drizzle-orm";
import type { Db, Executor } from "./client.ts";
import { dedicatedSessionFor } from "./client.ts";
import { describeDatabaseError, isConnectionError, isTransientDatabaseError, shortMessage } from "./database-errors.ts";
import { ADVISORY_LOCK_NAMESPACE } from "./advisory-locks.ts";

/** Second key of the catalogue write lock (the first is pricewar's namespace). */
export const CATALOGUE_WRITE_LOCK = 1;

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  /** Delay before the n-th retry: baseMs * 4^(n-1), plus up to 50% jitter. */
  baseMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, baseMs: 200 };

/** The transient error that outlived every retry, with a message that says so in a few words. */
export class TransientDatabaseError extends Error {
  constructor(
    readonly attempts: number,
    cause: unknown,
  ) {
    super(`${describeDatabaseError(cause)} (retried ${attempts - 1} times)`, { cause });
    this.name = "TransientDatabaseError";
  }
}

/** Whether a stored run error is a TransientDatabaseError's: the database failed the run, not its payload. */
export function isTransientFailure(message: string | null): boolean {
  return message !== null && / \(retried \d+ times\)$/.test(message);
}

export interface WriteTransactionOptions {
  retry?: RetryPolicy;
  /** Told of each failed attempt that will be retried. */
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void;
}

/**
 * Runs `fn` in one transaction under the catalogue write lock. A transient failure
 * (deadlock, serialization failure, lost connection, server restart) rolls the attempt
 * back and runs `fn` again from the start, so `fn` must be a pure function of the
 * database state (a run's ingest is). Other errors are thrown at once, unchanged.
 */
export async function withWriteTransaction<T>(db: Db, fn: (tx: Executor) => Promise<T>, options: WriteTransactionOptions = {}): Promise<T> {
  try {
    return await retryTransient(() => attemptTransaction(db, fn), options);
  } catch (error) {
    throw readable(error);
  }
}

/**
 * Runs `fn`, and again after a backoff while it fails for a transient database reason;
 * the last transient failure becomes a TransientDatabaseError that says how often it was
 * tried. Other errors are thrown at once.
 */
export async function retryTransient<T>(fn: () => Promise<T>, options: WriteTransactionOptions = {}): Promise<T> {
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isTransientDatabaseError(error)) throw error;
      if (attempt > policy.retries) throw new TransientDatabaseError(attempt, error);
      const delayMs = backoffMs(policy, attempt);
      options.onRetry?.(attempt, error, delayMs);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** Drizzle's "Failed query: <SQL> params: <...>" becomes the driver's own reason; other errors pass unchanged. */
function readable(error: unknown): unknown {
  if (!(error instanceof Error) || !error.message.startsWith("Failed query:")) return error;
  return new Error(`database write failed: ${shortMessage(error)}`, { cause: error });
}

export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = policy.baseMs * 4 ** (attempt - 1);
  return Math.round(base * (1 + random() / 2));
}

const takeCatalogueLock = (tx: Executor) =>
  tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCK_NAMESPACE}::int, ${CATALOGUE_WRITE_LOCK}::int)`);

async function attemptTransaction<T>(db: Db, fn: (tx: Executor) => Promise<T>): Promise<T> {
  const session = dedicatedSessionFor(db);
  if (!session) {
    // PGlite: one connection in this process, nothing to deadlock with; the lock is taken for symmetry.
    return db.transaction(async (tx) => {
      await takeCatalogueLock(tx);
      return fn(tx);
    });
  }
  try {
    await session.sql`begin`;
    let result: T;
    try {
      // A writer that hangs (a frozen process, a half-open connection) must not hold the
      // lock forever: its transaction is ended after a minute idle, and a writer waiting
      // behind it gives up after 30 s (55P03, retried like any transient failure).
      await session.sql`set local lock_timeout = '30s'`;
      await session.sql`set local idle_in_transaction_session_timeout = '60s'`;
      await takeCatalogueLock(session.db);
      result = await fn(session.db);
    } catch (error) {
      // A dead connection took its transaction with it; a live one is rolled back here.
      if (!session.lost && !isConnectionError(error)) await session.sql`rollback`.catch(() => {});
      throw error;
    }
    await session.sql`commit`;
    return result;
  } finally {
    await session.end().catch(() => {});
  }
}

/**
 * Fault injection on a real server: terminates the backends of one database from an
 * admin connection (pg_terminate_backend, as an operator or a failover would), and keeps
 * a record of the statement each kill interrupted. Needs a Postgres server; PGlite has no
 * other connections to kill.
 */
import postgres from "postgres";
import { ADVISORY_LOCK_NAMESPACE } from "../../src/db/advisory-locks.ts";
import { CATALOGUE_WRITE_LOCK } from "../../src/db/write-transaction.ts";

export interface Kill {
  pid: number;
  /** What the backend was running (or last ran, if idle in its transaction), shortened. */
  statement: string;
  state: string;
}

export interface BackendKiller {
  readonly kills: Kill[];
  /** Terminates the backend holding the catalogue write lock (a run's write transaction), `delayMs` after it takes it. */
  killWriteTransaction(delayMs: number, timeoutMs?: number): Promise<Kill | null>;
  /** Lets the next write transaction (other than `pid`) run: returns once it has come and gone. */
  spareNextWriteTransaction(pid: number, timeoutMs?: number): Promise<void>;
  /** Terminates every busy backend of the database (running a statement or inside a transaction). */
  killBusyBackends(): Promise<Kill[]>;
  close(): Promise<void>;
}

/** "insert into price_periods", "select pg_advisory_xact_lock", "update scrape_runs": the kind of statement, without values. */
export function statementKind(query: string): string {
  const words = query.replace(/["\s]+/g, " ").trim().toLowerCase().split(" ");
  const verb = words[0] ?? "";
  const table = (after: string) => words[words.indexOf(after) + 1] ?? "";
  if (verb === "insert") return `insert into ${table("into")}`;
  if (verb === "update") return `update ${words[1] ?? ""}`;
  if (verb === "delete") return `delete from ${table("from")}`;
  if (verb === "select" && query.includes("pg_advisory")) return `select ${query.match(/pg_\w*advisory\w*/)?.[0] ?? ""}`;
  if (verb === "select") return `select from ${table("from")}`;
  return verb;
}

export function backendKiller(databaseUrl: string): BackendKiller {
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const database = new URL(databaseUrl).pathname.slice(1);
  const kills: Kill[] = [];

  const terminate = async (where: postgres.PendingQuery<postgres.Row[]>): Promise<Kill[]> => {
    const rows = await admin<Array<{ pid: number; query: string; state: string; killed: boolean }>>`
      select pid, query, state, pg_terminate_backend(pid) as killed from pg_stat_activity
      where datname = ${database} and pid <> pg_backend_pid() and backend_type = 'client backend' and ${where}`;
    const done = rows.filter((row) => row.killed).map((row) => ({ pid: row.pid, statement: statementKind(row.query), state: row.state }));
    kills.push(...done);
    return done;
  };

  // Advisory locks are per database, and pg_locks lists every database's: the write lock of
  // another test file's database (a CI worker beside this one) is not this database's.
  const writeLockHolder = async (): Promise<number | undefined> => {
    const [holder] = await admin<Array<{ pid: number }>>`
      select pid from pg_locks where locktype = 'advisory' and granted
        and database = (select oid from pg_database where datname = ${database})
        and classid = ${ADVISORY_LOCK_NAMESPACE} and objid = ${CATALOGUE_WRITE_LOCK} and objsubid = 2`;
    return holder?.pid;
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  return {
    kills,
    async spareNextWriteTransaction(pid, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let spared: number | undefined;
      while (Date.now() < deadline) {
        const holder = await writeLockHolder();
        if (spared === undefined && holder !== undefined && holder !== pid) spared = holder;
        if (spared !== undefined && holder !== spared) return;
        await pause(2);
      }
    },
    async killWriteTransaction(delayMs, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const holder = { pid: await writeLockHolder() };
        if (holder.pid !== undefined) {
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          // Only if it still holds the write lock: after the delay it may have committed and
          // moved on to a statement outside the retried write transaction (run bookkeeping).
          const [kill] = await terminate(admin`pid = ${holder.pid} and xact_start is not null and exists (
            select 1 from pg_locks where pg_locks.pid = ${holder.pid} and locktype = 'advisory' and granted
              and classid = ${ADVISORY_LOCK_NAMESPACE} and objid = ${CATALOGUE_WRITE_LOCK} and objsubid = 2)`);
          return kill ?? null;
        }
        await pause(2);
      }
      return null;
    },
    killBusyBackends: () => terminate(admin`(state = 'active' or state like 'idle in transaction%')`),
    close: () => admin.end({ timeout: 1 }),
  };
}

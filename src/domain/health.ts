/**
 * What /healthz and the `health` procedure report: is the database reachable and
 * migrated, and per source its last run and whether its data is stale. Staleness is
 * reported, not folded into the status: a fresh install is stale until its first runs
 * finish, and it serves all the same.
 */
import { sql } from "drizzle-orm";
import type { DatabaseConnection, Db } from "../db/client.ts";
import { describeDatabaseError } from "../db/database-errors.ts";
import { migrationState, type MigrationState } from "../db/migrate.ts";
import { sourceStatuses } from "../db/queries/sources.ts";
import { resolveSchedules, type SourceSchedule } from "../jobs/scheduler/schedules.ts";
import { SOURCES } from "../../scrapers/registry.ts";

export interface SourceHealth {
  id: string;
  enabled: boolean;
  schedule: string;
  lastRun: { status: string; trigger: string; startedAt: Date; finishedAt: Date | null; error: string | null } | null;
  lastSuccessAt: Date | null;
  /** Last success older than twice the schedule's interval (or none yet); null for a source disabled by configuration or by a missing API key. */
  stale: boolean | null;
}

export interface HealthReport {
  status: "ok" | "degraded";
  database: { kind: DatabaseConnection["kind"]; location: string; reachable: boolean; error?: string };
  migrations: MigrationState | null;
  sources: SourceHealth[];
}

export interface HealthContext {
  db: Db;
  connection: Pick<DatabaseConnection, "kind" | "location">;
  /** The effective schedules (with PRICEWAR_SCHEDULES applied); the sources' own when absent. */
  schedules?: readonly SourceSchedule[];
}

export async function healthReport(ctx: HealthContext): Promise<HealthReport> {
  const database = { kind: ctx.connection.kind, location: ctx.connection.location };
  const availability = await pingDatabase(ctx.db);
  if (!availability.reachable) return { status: "degraded", database: { ...database, ...availability }, migrations: null, sources: [] };
  try {
    const migrations = await migrationState(ctx);
    const sources = migrations.upToDate ? await sourceHealth(ctx.db, ctx.schedules ?? defaultSchedules(), new Date()) : [];
    return { status: migrations.upToDate ? "ok" : "degraded", database: { ...database, reachable: true }, migrations, sources };
  } catch (error) {
    return { status: "degraded", database: { ...database, reachable: false, error: describeDatabaseError(error) }, migrations: null, sources: [] };
  }
}

export type DatabaseAvailability = { reachable: true } | { reachable: false; error: string };

/**
 * `select 1`, given up after `timeoutMs`: while the server is unreachable, postgres.js
 * may hold a query while it keeps reconnecting instead of failing it, and an answer
 * "down" now is worth more than a late one.
 */
export async function pingDatabase(db: Db, timeoutMs = 3_000): Promise<DatabaseAvailability> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.execute(sql`select 1`), timeout]);
    return { reachable: true };
  } catch (error) {
    return { reachable: false, error: describeDatabaseError(error) };
  } finally {
    clearTimeout(timer);
  }
}

export interface DatabaseProbe {
  /** Whether the database answers, as of at most `ttlMs` ago; concurrent callers share one check. */
  check(): Promise<DatabaseAvailability>;
}

/**
 * Answers "is the database up?" cheaply enough to ask before every request: one ping per
 * `ttlMs` at most. While the database is down, requests get a clear 503 at once instead of
 * each waiting for a connection.
 */
export function databaseProbe(db: Db, options: { ttlMs?: number; timeoutMs?: number } = {}): DatabaseProbe {
  const ttlMs = options.ttlMs ?? 2_000;
  let last: { at: number; availability: DatabaseAvailability } | undefined;
  let inFlight: Promise<DatabaseAvailability> | undefined;
  return {
    check() {
      if (last && Date.now() - last.at < ttlMs) return Promise.resolve(last.availability);
      inFlight ??= pingDatabase(db, options.timeoutMs).then((availability) => {
        last = { at: Date.now(), availability };
        inFlight = undefined;
        return availability;
      });
      return inFlight;
    },
  };
}

let registrySchedules: SourceSchedule[] | undefined;
const defaultSchedules = () => (registrySchedules ??= resolveSchedules(SOURCES));

async function sourceHealth(db: Db, schedules: readonly SourceSchedule[], now: Date): Promise<SourceHealth[]> {
  const statuses = await sourceStatuses(db, schedules.map(({ source }) => source));
  return schedules.map(({ source, enabled, intervalMs }, index) => {
    const status = statuses[index]!;
    const lastSuccessAt = status.lastSuccess?.finishedAt ?? null;
    return {
      id: source.id,
      enabled,
      schedule: status.schedule,
      lastRun: status.lastRun && {
        status: status.lastRun.status,
        trigger: status.lastRun.trigger,
        startedAt: status.lastRun.startedAt,
        finishedAt: status.lastRun.finishedAt,
        error: status.lastRun.error,
      },
      lastSuccessAt,
      stale: enabled && status.lastRun?.status !== "disabled" ? isStale(lastSuccessAt, intervalMs, now) : null,
    };
  });
}

/** Stale: no success yet, or the last one is older than twice the interval between runs. */
export function isStale(lastSuccessAt: Date | null, intervalMs: number, now: Date): boolean {
  return lastSuccessAt === null || now.getTime() - lastSuccessAt.getTime() > 2 * intervalMs;
}

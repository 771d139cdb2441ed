/**
 * What /healthz and the `health` procedure report: is the database reachable and
 * migrated, and per source its last run and whether its data is stale.
 *
 * Status: `down` when the database does not answer (nothing can be served); `degraded`
 * when it is not migrated, or when no enabled source has succeeded within its staleness
 * window (every price and score is then old, a fresh install included, until its first
 * runs finish); `ok` otherwise. A source's staleness window is twice the longest gap
 * between two runs of its cron schedule (PRICEWAR_SCHEDULES applied): a daily source is
 * stale after 48 h without a success, a weekday-only one after 144 h.
 *
 * The database location (host or PGlite path) is shown only when asked for, which the
 * HTTP server does for a caller holding the admin token.
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
  /** Twice the longest gap between the schedule's runs: a last success older than this is stale. */
  stalenessWindowSeconds: number;
  /** No success within the staleness window (or none yet); null for a source disabled by configuration or by a missing API key. */
  stale: boolean | null;
}

export type HealthStatus = "ok" | "degraded" | "down";

export interface HealthReport {
  status: HealthStatus;
  /** `location` only for callers allowed to see it (HealthOptions.showLocation). */
  database: { kind: DatabaseConnection["kind"]; location?: string; reachable: boolean; error?: string };
  migrations: MigrationState | null;
  sources: SourceHealth[];
}

export interface HealthContext {
  db: Db;
  connection: Pick<DatabaseConnection, "kind" | "location">;
  /** The effective schedules (with PRICEWAR_SCHEDULES applied); the sources' own when absent. */
  schedules?: readonly SourceSchedule[];
}

export interface HealthOptions {
  /** Show the database host or PGlite path (admin callers only). */
  showLocation?: boolean;
  now?: Date;
}

export async function healthReport(ctx: HealthContext, options: HealthOptions = {}): Promise<HealthReport> {
  const database = { kind: ctx.connection.kind, ...(options.showLocation ? { location: ctx.connection.location } : {}) };
  const availability = await pingDatabase(ctx.db);
  if (!availability.reachable) return { status: "down", database: { ...database, ...availability }, migrations: null, sources: [] };
  try {
    const migrations = await migrationState(ctx);
    const sources = migrations.upToDate ? await sourceHealth(ctx.db, ctx.schedules ?? defaultSchedules(), options.now ?? new Date()) : [];
    return { status: overallStatus(migrations.upToDate, sources), database: { ...database, reachable: true }, migrations, sources };
  } catch (error) {
    return { status: "down", database: { ...database, reachable: false, error: describeDatabaseError(error) }, migrations: null, sources: [] };
  }
}

/** Degraded when not migrated, or when no enabled source is fresh: every answer would then be served from old data. */
export function overallStatus(migrated: boolean, sources: readonly Pick<SourceHealth, "stale">[]): HealthStatus {
  if (!migrated) return "degraded";
  const judged = sources.filter((source) => source.stale !== null);
  return judged.length > 0 && judged.every((source) => source.stale) ? "degraded" : "ok";
}

/** HTTP status of /healthz: 503 only when down. A degraded instance still serves (all instances share the data), so load balancers keep it. */
export function healthHttpStatus(status: HealthStatus): number {
  return status === "down" ? 503 : 200;
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

const EMBEDDED_DATABASE: DatabaseProbe = { check: () => Promise.resolve({ reachable: true }) };

/**
 * Answers "is the database up?" cheaply enough to ask before every request: one ping per
 * `ttlMs` at most. While the database is down, requests get a clear 503 at once instead of
 * each waiting for a connection. The embedded database lives in this process and cannot be
 * unreachable while it runs: it is not pinged (a ping there only queues behind its one
 * connection's work, a market-view rebuild, and holds up answers the view gives without it).
 */
export function databaseProbe(db: Db, kind: DatabaseConnection["kind"], options: { ttlMs?: number; timeoutMs?: number } = {}): DatabaseProbe {
  if (kind === "pglite") return EMBEDDED_DATABASE;
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
      stalenessWindowSeconds: stalenessWindowMs(intervalMs) / 1000,
      stale: enabled && status.lastRun?.status !== "disabled" ? isStale(lastSuccessAt, intervalMs, now) : null,
    };
  });
}

/** Twice the longest gap between scheduled runs: one missed run is tolerated, two are not. */
export function stalenessWindowMs(intervalMs: number): number {
  return 2 * intervalMs;
}

/** Stale: no success yet, or the last one is older than the staleness window. */
export function isStale(lastSuccessAt: Date | null, intervalMs: number, now: Date): boolean {
  return lastSuccessAt === null || now.getTime() - lastSuccessAt.getTime() > stalenessWindowMs(intervalMs);
}

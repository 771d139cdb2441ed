/** What /healthz and the `health` procedure report: is the database reachable and migrated. */
import { sql } from "drizzle-orm";
import type { DatabaseConnection, Db } from "../db/client.ts";
import { migrationState, type MigrationState } from "../db/migrate.ts";

export interface HealthReport {
  status: "ok" | "degraded";
  database: { kind: DatabaseConnection["kind"]; location: string; reachable: boolean; error?: string };
  migrations: MigrationState | null;
}

export async function healthReport(ctx: {
  db: Db;
  connection: Pick<DatabaseConnection, "kind" | "location">;
}): Promise<HealthReport> {
  const database = { kind: ctx.connection.kind, location: ctx.connection.location };
  try {
    await ctx.db.execute(sql`select 1`);
    const migrations = await migrationState(ctx);
    return { status: migrations.upToDate ? "ok" : "degraded", database: { ...database, reachable: true }, migrations };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: "degraded", database: { ...database, reachable: false, error: message }, migrations: null };
  }
}

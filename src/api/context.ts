import type { Logger } from "../config/logger.ts";
import type { DatabaseConnection, Db } from "../db/client.ts";
import type { SourceSchedule } from "../jobs/scheduler/schedules.ts";

/** Inner context: everything a procedure needs, built from a database so tests can call createCaller({ db, ... }). */
export interface ApiContext {
  db: Db;
  connection: Pick<DatabaseConnection, "kind" | "location"> & Partial<DatabaseConnection>;
  logger?: Logger;
  /** The effective schedules (PRICEWAR_SCHEDULES applied), for health; the sources' own when absent. */
  schedules?: readonly SourceSchedule[];
}

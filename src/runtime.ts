/**
 * Opens what every command needs: validated configuration, a logger and a database
 * connection. Commands close it when done.
 */
import { loadEnv, type Env } from "./config/env.ts";
import { createLogger, type Logger } from "./config/logger.ts";
import { openDatabase, type DatabaseConnection } from "./db/client.ts";

export interface Runtime {
  env: Env;
  logger: Logger;
  connection: DatabaseConnection;
}

export interface RuntimeOptions {
  /** The log level to use instead of LOG_LEVEL (the CLI's quiet default). */
  logLevel?: Env["LOG_LEVEL"];
}

export async function openRuntime(env: Env = loadEnv(), options: RuntimeOptions = {}): Promise<Runtime> {
  const logger = createLogger(options.logLevel ?? env.LOG_LEVEL);
  const connection = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  logger.debug({ database: connection.kind, location: connection.location }, "database opened");
  return { env, logger, connection };
}

/**
 * Opens what every command needs: validated configuration and a logger (configureRuntime,
 * instant), then a database connection (openRuntime). Commands close it when done.
 */
import { loadEnv, type Env } from "./config/env.ts";
import { createLogger, type Logger } from "./config/logger.ts";
import type { DatabaseConnection } from "./db/client.ts";

export interface Configured {
  env: Env;
  logger: Logger;
}

export interface Runtime extends Configured {
  connection: DatabaseConnection;
}

export interface RuntimeOptions {
  /** The log level to use instead of LOG_LEVEL (the CLI's quiet default). */
  logLevel?: Env["LOG_LEVEL"];
}

export function configureRuntime(env: Env = loadEnv(), options: RuntimeOptions = {}): Configured {
  return { env, logger: createLogger(options.logLevel ?? env.LOG_LEVEL) };
}

export async function openRuntime(env: Env = loadEnv(), options: RuntimeOptions & { logger?: Logger } = {}): Promise<Runtime> {
  // Loaded here, not at the top: a command that has not opened the database yet has not paid for its driver.
  const { openDatabase } = await import("./db/client.ts");
  const logger = options.logger ?? configureRuntime(env, options).logger;
  const connection = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  logger.debug({ database: connection.kind, location: connection.location }, "database opened");
  return { env, logger, connection };
}

/** `pricewar start`: migrate, serve HTTP, and stop cleanly on SIGINT/SIGTERM. */
import { startHttpServer } from "../../api/server.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import type { Runtime } from "../../runtime.ts";
import { parseCommandArgs } from "../args.ts";

export async function startCommand(args: string[], open: () => Promise<Runtime>): Promise<void> {
  parseCommandArgs("start", args, {});
  const { env, logger, connection } = await open();
  await migrateDatabase(connection);
  logger.info({ database: connection.kind, location: connection.location }, "database migrated");

  const http = await startHttpServer({ db: connection.db, connection, logger }, env.PORT, env.HOST);
  logger.info({ port: http.port }, `pricewar listening on http://localhost:${http.port}`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, "shutting down");
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await http.close();
}

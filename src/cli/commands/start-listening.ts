/**
 * `pricewar start`: listens first, then loads the service (start.ts: seconds of module
 * loading, then the database) and hands it the listening server. Until the service serves,
 * /healthz answers "starting" and other requests wait (see gated-server.ts).
 */
import type { Configured, Runtime } from "../../runtime.ts";
import { parseCommandArgs } from "../args.ts";
import { listenGated } from "../gated-server.ts";

export async function startListeningCommand(args: string[], open: () => Promise<Runtime>, configure: () => Configured): Promise<void> {
  parseCommandArgs("start", args, {});
  const { env, logger } = configure();
  const http = await listenGated(env.PORT, env.HOST);
  logger.info({ port: http.port }, `pricewar listening on http://localhost:${http.port}`);
  const { startCommand } = await import("./start.ts");
  await startCommand(http, open);
}

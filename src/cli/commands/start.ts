/**
 * `pricewar start` (after start-listening.ts): migrate, serve HTTP, re-resolve the
 * catalogue and schedule the scrapers (both in the background), and on SIGINT/SIGTERM
 * stop in order, within SHUTDOWN_DEADLINE_MS: cron tasks, running runs (bounded wait),
 * webhooks, market view rebuilds, the data-change listener, the HTTP server; the caller
 * closes the database.
 */
import { resolve } from "node:path";
import { SOURCES } from "../../../scrapers/registry.ts";
import type { ApiContext } from "../../api/context.ts";
import { createServiceMetrics } from "../../api/metrics.ts";
import { warmFeeds } from "../../api/feeds/handlers.ts";
import { createRequestListener } from "../../api/server.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { syncTaskCatalogue } from "../../db/queries/benchmarks.ts";
import { reresolveCatalogue } from "../../db/queries/model-merge.ts";
import { openDataChangeBus } from "../../jobs/scheduler/data-change-bus.ts";
import { Scheduler } from "../../jobs/scheduler/scheduler.ts";
import { resolveSchedules } from "../../jobs/scheduler/schedules.ts";
import { WebhookDispatcher } from "../../jobs/webhooks/dispatcher.ts";
import { MarketViews } from "../../market/market-views.ts";
import type { Runtime } from "../../runtime.ts";
import type { GatedServer } from "../gated-server.ts";

/** Runs the service on `http`, which listens already and serves once the database is open and migrated. */
export async function startCommand(http: GatedServer, open: () => Promise<Runtime>): Promise<void> {
  const { env, logger, connection } = await open();
  const schedules = resolveSchedules(SOURCES, env.PRICEWAR_SCHEDULES);
  await migrateDatabase(connection);
  await syncTaskCatalogue(connection.db, SOURCES);
  logger.info({ database: connection.kind, location: connection.location }, "database migrated, task catalogue synced");

  const metrics = createServiceMetrics();
  const bus = await openDataChangeBus(connection);
  bus.subscribe((sourceId) => logger.debug({ source: sourceId }, "data changed"));
  // The market view is built now and on every announced change, in the background: requests read the last complete one.
  const markets = new MarketViews(connection.db, { logger, onBuilt: (view) => warmFeeds(view, connection.db) });
  const stopWatching = markets.watch(bus);
  void markets.refresh().catch(() => {});
  const context: ApiContext = { db: connection.db, connection, logger, schedules, markets };
  http.open(createRequestListener(context, metrics, { requestTimeoutMs: env.REQUEST_TIMEOUT_MS, adminToken: env.PRICEWAR_ADMIN_TOKEN }));
  logger.info("serving");

  let scheduler: Scheduler | undefined;
  // Webhook delivery writes the outbox, so it runs where the scheduler does (not on read-only replicas).
  let webhooks: WebhookDispatcher | undefined;
  const catchUp = (async () => {
    // A database filled by an older resolver catches up while the service serves: duplicate ids merged, nothing lost.
    // It runs in one transaction: readers see the catalogue before or after it; if it fails, the data stays as it was.
    await reresolveCatalogue(connection.db, { logger }).catch((error: unknown) => logger.error({ err: error }, "re-resolution failed; catalogue left as it was"));
    // Re-resolution announces nothing on the bus; the view picks up a merge here (a no-op when the data version is unchanged).
    void markets.refresh().catch(() => {});
    if (env.PRICEWAR_SCHEDULER !== "true") return logger.info("scheduler off (PRICEWAR_SCHEDULER=false)");
    webhooks = new WebhookDispatcher(connection, { logger });
    await webhooks.start();
    const replayDir = env.PRICEWAR_REPLAY_DIR && resolve(env.PRICEWAR_REPLAY_DIR);
    scheduler = new Scheduler({ connection, schedules, logger, env, replayDir, bus, observer: metrics });
    scheduler.start().catch((error: unknown) => logger.error({ err: error }, "first start failed"));
  })();

  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      logger.info({ signal }, "shutting down");
      done();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  // Each step is logged as it ends; one that stalls past the deadline is named, and the process exits.
  let current = "start-up work";
  const deadline = setTimeout(() => {
    logger.error({ step: current, ms: SHUTDOWN_DEADLINE_MS }, "shutdown did not finish in time: exiting");
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  const step = async (name: string, work: () => Promise<unknown>) => {
    current = name;
    const started = performance.now();
    await work();
    logger.debug({ step: name, ms: Math.round(performance.now() - started) }, "shutdown step done");
  };
  await step("start-up work", () => catchUp.catch(() => {}));
  await step("scheduler", async () => scheduler?.stop());
  await step("webhooks", async () => webhooks?.stop());
  stopWatching();
  await step("market view", () => markets.close());
  await step("data-change listener", () => bus.close());
  await step("http server", () => http.close());
  clearTimeout(deadline);
}

/** Stopping takes at most the scheduler's 10 s grace for running runs, then seconds; past this it is stuck. */
const SHUTDOWN_DEADLINE_MS = 30_000;

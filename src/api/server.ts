/**
 * The HTTP server: tRPC at /trpc, /healthz, /metrics, and (as the service grows) the plain
 * JSON API, feeds and dashboard. Routing by path prefix keeps each handler apart; the
 * route label of the request-latency metric is the procedure or the matched prefix (route-label.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { closeServer, listenOn } from "./server-lifecycle.ts";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { requestContext, type ApiContext } from "./context.ts";
import { appRouter } from "./router.ts";
import { databaseProbe, healthHttpStatus, healthReport } from "../domain/health.ts";
import { describeDatabaseError, isConnectionError } from "../db/database-errors.ts";
import type { ServiceMetrics } from "./metrics.ts";
import { FEEDS, serveFeed } from "./feeds/handlers.ts";
import { cacheViewAnswers, pinnedView } from "./view-answer-cache.ts";
import { requestView } from "../market/request-view.ts";
import { createRestHandler } from "./rest/handler.ts";
import { sendJson } from "./send-json.ts";
import { DEFAULT_REQUEST_TIMEOUT_MS, withTimeLimit } from "./request-time-limit.ts";
import { batchLimitProblem, MAX_BATCH_CALLS } from "./trpc-batch-limit.ts";
import { serveDashboardAsset, serveDashboardPage } from "../dashboard/handler.ts";
import { serveReprice } from "./stream/reprice.ts";
import { createChangeStream, type ChangeStreamOptions } from "./stream/changes-stream.ts";
import { ADMIN_WEBHOOKS_PATH, createWebhookAdmin, tokenMatches } from "./webhooks/admin.ts";
import { createRouteLabeller } from "./route-label.ts";
import { API_DOCUMENTATION } from "./schemas/index.ts";
import { serveChangesAtom } from "./feeds/changes-atom.ts";

export type RouteHandler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> | void;

/** Routes that read the database: while it is down they answer 503 at once (/healthz and /metrics report the outage themselves). */
const DATABASE_ROUTES = ["/trpc/", "/api/v1/", "/feeds/"];

function sendDatabaseUnavailable(response: ServerResponse, reason: string): void {
  response.setHeader("retry-after", "5");
  sendJson(response, 503, { error: `database unavailable (${reason}): try again shortly` });
}

export interface RequestLimits {
  /** Time limit of one request (REQUEST_TIMEOUT_MS); past it the caller gets a 503. */
  requestTimeoutMs?: number;
}

export interface ServerFeatures {
  /** PRICEWAR_ADMIN_TOKEN: the admin routes (webhooks) exist only when set. */
  adminToken?: string | undefined;
  changeStream?: ChangeStreamOptions;
}

export function createRequestListener(context: ApiContext, metrics?: ServiceMetrics, limits: RequestLimits & ServerFeatures = {}) {
  const database = databaseProbe(context.db, context.connection.kind);
  const trpc = createHTTPHandler({ router: appRouter, basePath: "/trpc/", createContext: () => requestContext(context), maxBatchSize: MAX_BATCH_CALLS });
  // Each request reads one market view: the one its ETag was decided on, else the current one.
  const rest = createRestHandler(appRouter, (request) => {
    const view = pinnedView(request);
    return view ? { ...context, view } : requestContext(context);
  }, API_DOCUMENTATION);
  const routes: Array<[prefix: string, handler: RouteHandler]> = [
    [
      "/trpc/",
      (request, response, url) => {
        const problem = batchLimitProblem(url, "/trpc/");
        if (problem) return sendJson(response, 400, { error: { code: "BAD_REQUEST", message: problem } });
        return trpc(request, response);
      },
    ],
    // Before the /api/v1/ procedures: a streamed body in, NDJSON out; SSE; admin routes.
    ["/api/v1/reprice", (request, response, url) => serveReprice(context, request, response, url)],
    ["/api/v1/changes/stream", createChangeStream(context, limits.changeStream).handle],
    [ADMIN_WEBHOOKS_PATH, createWebhookAdmin(context, limits.adminToken)],
    ["/api/v1/", context.markets ? cacheViewAnswers(rest, context.markets) : rest],
    ...FEEDS.map((feed): [string, RouteHandler] => [feed.path, async (request, response, url) => serveFeed(feed, await requestView(context), context.db, request, response, url)]),
    ["/feeds/changes.atom", (request, response, url) => serveChangesAtom(context, request, response, url)],
    [
      "/healthz",
      async (request, response) => {
        // The database location only for the admin token's holder; 503 only when down (see domain/health.ts).
        const showLocation = limits.adminToken !== undefined && tokenMatches(limits.adminToken, request.headers.authorization);
        const report = await healthReport(context, { showLocation });
        sendJson(response, healthHttpStatus(report.status), report);
      },
    ],
  ];
  const labelRoute = createRouteLabeller(appRouter);
  metrics?.observeDatabase(context.db);
  if (metrics) {
    routes.push([
      "/metrics",
      async (_request, response) => {
        const body = await metrics.registry.metrics();
        response.writeHead(200, { "content-type": metrics.registry.contentType }).end(body);
      },
    ]);
  }
  // Last: "/" is a prefix of every path, so the dashboard page answers only what no route above took.
  routes.push(["/dashboard/", serveDashboardAsset], ["/", serveDashboardPage]);
  const timeLimit = {
    timeoutMs: limits.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    onTimeout: (url: URL) => context.logger?.warn({ path: url.pathname }, "request passed its time limit"),
  };
  // Matched by the exact path (the prefix without its slash) or by the prefix; both, and whether it reads the database, worked out once here.
  const limitedRoutes = routes.map(([prefix, handler]) => ({
    prefix,
    exact: prefix.replace(/\/$/, ""),
    readsDatabase: DATABASE_ROUTES.some((databasePrefix) => prefix.startsWith(databasePrefix)),
    handle: withTimeLimit(handler, timeLimit),
  }));

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const route = limitedRoutes.find(({ prefix, exact }) => url.pathname === exact || url.pathname.startsWith(prefix));
    if (metrics) {
      const finished = metrics.requestStarted(request.method ?? "GET");
      response.once("finish", () => finished(labelRoute(route?.prefix, url.pathname), response.statusCode));
    }
    try {
      if (!route) return sendJson(response, 404, { error: `no route for ${url.pathname}` });
      if (route.readsDatabase) {
        const availability = await database.check();
        if (!availability.reachable) return sendDatabaseUnavailable(response, availability.error);
      }
      await route.handle(request, response, url);
    } catch (error) {
      if (isConnectionError(error) && !response.headersSent) return sendDatabaseUnavailable(response, describeDatabaseError(error));
      context.logger?.error({ err: error, path: url.pathname }, "request failed");
      if (!response.headersSent) sendJson(response, 500, { error: "internal error" });
      else response.end();
    }
  };
}

export interface RunningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(
  context: ApiContext,
  port: number,
  host = "0.0.0.0",
  metrics?: ServiceMetrics,
  limits?: RequestLimits & ServerFeatures,
): Promise<RunningServer> {
  const server = createServer(createRequestListener(context, metrics, limits));
  return { server, port: await listenOn(server, port, host), close: () => closeServer(server) };
}

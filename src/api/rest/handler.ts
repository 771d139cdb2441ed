/**
 * The plain JSON face of the tRPC API, for routers and tools that do not speak tRPC:
 * every query at GET /api/v1/<group>/<name>, inputs as query parameters, and the
 * OpenAPI document at /api/v1/openapi.json. Calls go through a tRPC caller, so
 * middlewares and validation run exactly as they do at /trpc.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiContext } from "../context.ts";
import type { RouteHandler } from "../server.ts";
import { createCallerFactory } from "../trpc.ts";
import { badRequest, errorResponse, notFound, type RestErrorResponse } from "./error-response.ts";
import { buildOpenApiDocument, type OpenApiDocument } from "./openapi.ts";
import { indexQueryProcedures, REST_BASE_PATH } from "./procedure-index.ts";
import { queryToInput } from "./query-input.ts";
import { sendJson } from "../send-json.ts";
import type { ApiDocumentation } from "./operation-docs.ts";

export type RestRouter = Parameters<typeof createCallerFactory>[0];

/** A caller is a proxy: any path of keys ends in a function that calls the procedure there. */
type CallerNode = ((input: unknown) => Promise<unknown>) & { [key: string]: CallerNode };

export function createRestHandler(
  router: RestRouter,
  createContext: (request: IncomingMessage) => ApiContext | Promise<ApiContext>,
  documentation: ApiDocumentation = { outputs: {}, operations: {} },
): RouteHandler {
  const procedures = indexQueryProcedures(router, documentation.outputs);
  const byUrlPath = new Map(procedures.flatMap((procedure) => procedure.urlPaths.map((urlPath) => [urlPath, procedure] as const)));
  const createCaller = createCallerFactory(router);
  let openApi: OpenApiDocument | undefined;

  return async (request, response, url) => {
    const send = ({ status, body }: RestErrorResponse) => sendJson(response, status, body);
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("allow", "GET, HEAD");
      return sendJson(response, 405, { error: { code: "METHOD_NOT_SUPPORTED", message: "only GET is supported" } });
    }
    const pathname = url.pathname.replace(/\/+$/, "");
    if (pathname === `${REST_BASE_PATH}/openapi.json`) return sendJson(response, 200, (openApi ??= buildOpenApiDocument(procedures, documentation.operations, documentation.parameters)));

    const procedure = byUrlPath.get(pathname);
    if (!procedure) return send(notFound(`no procedure at ${pathname}; see ${REST_BASE_PATH}/openapi.json`));
    const input = queryToInput(url.searchParams, procedure.input);
    if (!input.ok) return send(badRequest(input.issues));
    // A context that cannot be built is a server fault: it propagates to the server's own handler, which logs it.
    const caller = createCaller(await createContext(request)) as unknown as CallerNode;
    const call = procedure.path.split(".").reduce((node, key) => node[key]!, caller);
    let result: unknown;
    try {
      result = await call(input.input);
    } catch (error) {
      return send(errorResponse(error));
    }
    // JSON has no undefined: a procedure that returns nothing answers null.
    sendJson(response, 200, result ?? null);
  };
}

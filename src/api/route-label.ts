/**
 * The `route` label of the request-latency metric: the procedure for API calls (`best`,
 * `prices.current`, whether called at /api/v1/<path> or /trpc/<path>), the matched prefix
 * for every other route, `trpc.batch` for a tRPC batch of several procedures, and
 * `unrouted` for anything else, so a scanner's random paths cannot grow the label set.
 */
import type { AnyRouter } from "@trpc/server";
import { indexQueryProcedures, REST_BASE_PATH } from "./rest/procedure-index.ts";

export const UNROUTED = "unrouted";
export const TRPC_BATCH = "trpc.batch";
const TRPC_PREFIX = "/trpc/";
const REST_PREFIX = `${REST_BASE_PATH}/`;

export type RouteLabeller = (prefix: string | undefined, pathname: string) => string;

export function createRouteLabeller(router: Pick<AnyRouter, "_def">): RouteLabeller {
  const procedures = new Set(Object.keys(router._def.procedures as Record<string, unknown>));
  const restPaths = new Map(indexQueryProcedures(router).flatMap((procedure) => procedure.urlPaths.map((urlPath) => [urlPath, procedure.path] as const)));
  restPaths.set(`${REST_BASE_PATH}/openapi.json`, "openapi.json");

  return (prefix, pathname) => {
    if (prefix === undefined) return UNROUTED;
    if (prefix === TRPC_PREFIX) {
      const called = decodeSafely(pathname.slice(TRPC_PREFIX.length)).split(",");
      if (!called.every((path) => procedures.has(path))) return UNROUTED;
      return called.length > 1 ? TRPC_BATCH : called[0]!;
    }
    if (prefix === REST_PREFIX) return restPaths.get(pathname.replace(/\/+$/, "")) ?? UNROUTED;
    // The dashboard page answers "/" only; other paths under it are 404s.
    if (prefix === "/" && pathname !== "/") return UNROUTED;
    return prefix;
  };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return "";
  }
}

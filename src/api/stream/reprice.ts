/**
 * POST /api/v1/reprice: the request body is a usage log (JSONL or CSV), read as it
 * arrives; the answer is NDJSON, one object per line as it is priced, then a totals
 * object. Writes wait for the socket to drain, so a slow reader holds the log back
 * instead of filling memory. `?compare=now|best` adds a comparison per line (best: the
 * route GET /api/v1/best names for the line's task class).
 */
import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRepriceLookup } from "../../db/queries/reprice-prices.ts";
import { readUsageLog } from "../../domain/reprice/read-log.ts";
import { COMPARE_MODES, repriceLog, type CompareMode } from "../../domain/reprice/reprice-log.ts";
import { defaultBestRoute } from "../best-route.ts";
import type { ApiContext } from "../context.ts";
import { sendJson } from "../send-json.ts";

export async function serveReprice(context: ApiContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  // The server routes by prefix: /api/v1/repriceX is not this route.
  if (url.pathname.replace(/\/$/, "") !== "/api/v1/reprice") return sendJson(response, 404, { error: `no route for ${url.pathname}` });
  if (request.method !== "POST") {
    response.setHeader("allow", "POST");
    return sendJson(response, 405, { error: "POST a usage log (JSONL or CSV) to /api/v1/reprice" });
  }
  const compare = url.searchParams.get("compare");
  if (compare !== null && !COMPARE_MODES.includes(compare as CompareMode)) {
    return sendJson(response, 400, { error: `compare must be one of ${COMPARE_MODES.join(", ")}, not "${compare}"` });
  }
  response.writeHead(200, { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" });
  const lookup = createRepriceLookup(context.db, { bestRoute: defaultBestRoute(context) });
  for await (const item of repriceLog(readUsageLog(request), lookup, compare ? { compare: compare as CompareMode } : {})) {
    if (response.destroyed) return;
    if (!response.write(`${JSON.stringify(item)}\n`)) await Promise.race([once(response, "drain"), once(response, "close")]);
  }
  response.end();
}

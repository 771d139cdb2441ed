/**
 * Answers of /api/v1 procedures that are a function of the data alone (those served from
 * the market view, and models.*), cached as bytes per data version and URL.
 *
 * - Every such answer carries the view's version as its ETag and in `x-data-version`; a
 *   request whose If-None-Match names it gets 304.
 * - The first request of a URL under a version runs the procedure (against the view pinned
 *   for that request, see pinnedView) and its 200 body is kept; later ones are written from
 *   memory. Entries of older versions age out of the LRU (ANSWER_CACHE_BYTES in all).
 * - Requests for a URL whose first answer is being computed wait for it instead of
 *   computing it again (50 connections asking at once cost one computation).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import { versionTag } from "../market/feed-cache.ts";
import type { MarketView } from "../market/market-view.ts";
import type { MarketViews } from "../market/market-views.ts";
import { notModified } from "./feeds/handlers.ts";
import type { RouteHandler } from "./server.ts";

export const ANSWER_CACHE_BYTES = 64 * 1024 * 1024;

/** Procedures whose answer depends only on the data version and the URL. */
const DATA_ONLY_PATHS = new Set([
  "/api/v1/best",
  "/api/v1/pareto",
  "/api/v1/simulate",
  "/api/v1/prices/current",
  "/api/v1/prices/at",
  "/api/v1/models",
  "/api/v1/models/list",
  "/api/v1/models/get",
  "/api/v1/models/resolve",
  "/api/v1/models/audit",
]);

const pinned = new WeakMap<IncomingMessage, MarketView>();

/** The view a request was pinned to when its ETag was decided, so its body and ETag agree. */
export function pinnedView(request: IncomingMessage): MarketView | undefined {
  return pinned.get(request);
}

interface CachedAnswer {
  body: Buffer;
  /** Every header of the 200, built once when the answer is kept (its version is in the key). */
  headers: Record<string, string | number>;
}

/** The version headers of a view's answers, built once per view rather than per request. */
const versionHeadersOf = new WeakMap<MarketView, Record<string, string>>();

function versionHeaders(view: MarketView): Record<string, string> {
  let headers = versionHeadersOf.get(view);
  if (!headers) {
    headers = { etag: versionTag(view.version), "x-data-version": view.version, "last-modified": view.changedAt.toUTCString() };
    versionHeadersOf.set(view, headers);
  }
  return headers;
}

export function cacheViewAnswers(handler: RouteHandler, markets: MarketViews): RouteHandler {
  const answers = new LRUCache<string, CachedAnswer>({ maxSize: ANSWER_CACHE_BYTES, sizeCalculation: (answer) => answer.body.length + 64 });
  const computing = new Map<string, Promise<CachedAnswer | undefined>>();
  const send = (request: IncomingMessage, response: ServerResponse, answer: CachedAnswer) => {
    response.writeHead(200, answer.headers);
    response.end(request.method === "HEAD" ? undefined : answer.body);
  };
  return async (request, response, url) => {
    const path = url.pathname.replace(/\/+$/, "");
    if ((request.method !== "GET" && request.method !== "HEAD") || !DATA_ONLY_PATHS.has(path)) return handler(request, response, url);
    const view = await markets.current();
    const headers = versionHeaders(view);
    if (notModified(request, headers.etag!)) {
      response.writeHead(304, headers).end();
      return;
    }
    const key = `${view.version} ${path}${url.search}`;
    const cached = answers.get(key) ?? (await computing.get(key));
    if (cached) return send(request, response, cached);
    let settle: (answer: CachedAnswer | undefined) => void = () => {};
    const first = !computing.has(key);
    if (first) computing.set(key, new Promise((resolve) => (settle = resolve)));
    const done = (answer?: CachedAnswer) => {
      if (!first) return;
      if (answer) answers.set(key, answer);
      computing.delete(key);
      settle(answer);
    };
    response.once("close", () => done());
    pinned.set(request, view);
    keepAnswer(response, headers, done);
    return handler(request, response, url);
  };
}

/** Adds the version headers to a 200 and hands its body over once written in one piece. */
function keepAnswer(response: ServerResponse, headers: Record<string, string>, keep: (answer: CachedAnswer) => void): void {
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status === 200) for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    return writeHead(status, ...rest);
  }) as ServerResponse["writeHead"];
  response.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (response.statusCode === 200 && (typeof chunk === "string" || Buffer.isBuffer(chunk))) {
      const contentType = String(response.getHeader("content-type") ?? "application/json; charset=utf-8");
      const body = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, "utf8");
      keep({ body, headers: { ...headers, "content-type": contentType, "content-length": body.length } });
    }
    return end(chunk, ...rest);
  }) as ServerResponse["end"];
}

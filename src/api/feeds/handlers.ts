/**
 * HTTP handlers of the feed files. A feed's bytes are built once per market view (so once
 * per data version) and per variant, with gzip and brotli alongside (src/market/feed-cache.ts);
 * a request only negotiates the encoding and writes them. The ETag is the data version and
 * the feed's key, so If-None-Match answers 304 until the data change.
 *
 * A feed is one row of FEEDS: its path, content type, the query parameters that select a
 * variant (each distinct value is its own cached variant; any other parameter is ignored)
 * and a builder from the view (and the database, for a feed that needs more) to text.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "../../db/client.ts";
import type { FeedBytes } from "../../market/feed-cache.ts";
import type { MarketView } from "../../market/market-view.ts";
import { litellmNaming } from "../../db/queries/feed-litellm.ts";
import { sendJson } from "../send-json.ts";
import { FeedUnavailable, litellmDocument } from "./litellm-documents.ts";
import { buildModelsDevFeed } from "./models-dev-feed.ts";
import { buildPricesCsv } from "./prices-csv.ts";

export interface FeedSource {
  view: MarketView;
  db: Db;
  /** The variant's parameters (only those the feed declares). */
  params: URLSearchParams;
}

export interface Feed {
  path: string;
  contentType: string;
  /** Extra response headers (e.g. content-disposition). */
  headers?: Record<string, string>;
  /** Query parameters that select a variant of the feed. */
  variantParams?: readonly string[];
  /** Variants (query strings) built with each new view besides the plain one, for readers with short timeouts. */
  warmVariants?: readonly string[];
  build(source: FeedSource): string | Promise<string>;
}

/** The consolidated current prices with each model's limits, as the LiteLLM feed reads them. */
function pricesWithLimits(view: MarketView) {
  return view.prices.map((price) => ({
    ...price,
    contextWindow: view.models.get(price.model)?.contextWindow ?? null,
    maxOutputTokens: view.models.get(price.model)?.maxOutputTokens ?? null,
  }));
}

export const FEEDS: readonly Feed[] = [
  {
    path: "/feeds/litellm.json",
    contentType: "application/json; charset=utf-8",
    // complete=1: LiteLLM's whole map with our prices over it (LITELLM_MODEL_COST_MAP_URL); manifest=1: its integrity manifest.
    variantParams: ["complete", "manifest"],
    // LiteLLM gives up on a remote map after 5 s and falls back to its bundled one.
    warmVariants: ["complete=1", "complete=1&manifest=1"],
    build: async ({ view, db, params }) =>
      litellmDocument(
        { prices: pricesWithLimits(view), ...(await litellmNaming(db)) },
        { complete: params.get("complete") === "1", manifest: params.get("manifest") === "1", dataVersion: view.version, generatedAt: view.builtAt },
      ),
  },
  {
    path: "/feeds/api.json",
    contentType: "application/json; charset=utf-8",
    build: async ({ view, db }) =>
      JSON.stringify(
        buildModelsDevFeed({
          prices: pricesWithLimits(view),
          ...(await litellmNaming(db)),
          displayNames: new Map([...view.models].map(([id, model]) => [id, model.displayName])),
        }),
      ),
  },
  {
    path: "/feeds/prices.csv",
    contentType: "text/csv; charset=utf-8",
    headers: { "content-disposition": 'attachment; filename="prices.csv"' },
    build: ({ view }) => buildPricesCsv(view.prices),
  },
];

/** The cache key of a feed variant: its path and the declared parameters it was asked with, in a fixed order. */
export function feedKey(feed: Feed, params: URLSearchParams): { key: string; params: URLSearchParams } {
  const chosen = new URLSearchParams();
  for (const name of feed.variantParams ?? []) {
    const value = params.get(name);
    if (value !== null) chosen.set(name, value);
  }
  const query = chosen.toString();
  return { key: query ? `${feed.path}?${query}` : feed.path, params: chosen };
}

/** The bytes of a feed variant in a view (built on first use, shared afterwards). */
export function feedBytes(feed: Feed, view: MarketView, db: Db, params = new URLSearchParams()): Promise<FeedBytes> {
  const variant = feedKey(feed, params);
  return view.feeds.bytes(variant.key, () => feed.build({ view, db, params: variant.params }));
}

type Encoding = "br" | "gzip" | "identity";

/** br, then gzip, when the client accepts them (a q=0 refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...options] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = options.map((option) => /^\s*q=([\d.]+)\s*$/.exec(option)?.[1]).find((value) => value !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const wants = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (wants("br")) return "br";
  if (wants("gzip")) return "gzip";
  return "identity";
}

/** True when the request's If-None-Match names this ETag (or is *). */
export function notModified(request: IncomingMessage, etag: string): boolean {
  const header = request.headers["if-none-match"];
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

export async function serveFeed(feed: Feed, view: MarketView, db: Db, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  let bytes: FeedBytes;
  try {
    bytes = await feedBytes(feed, view, db, url.searchParams);
  } catch (error) {
    if (!(error instanceof FeedUnavailable)) throw error;
    sendJson(response, 503, { error: error.message });
    return;
  }
  const common = {
    etag: bytes.etag,
    "last-modified": view.changedAt.toUTCString(),
    "cache-control": "public, max-age=300",
    vary: "accept-encoding",
    "x-data-version": view.version,
  };
  if (notModified(request, bytes.etag)) {
    response.writeHead(304, common).end();
    return;
  }
  const encoding = chooseEncoding(request.headers["accept-encoding"]);
  const body = bytes[encoding];
  response.writeHead(200, {
    ...common,
    ...feed.headers,
    "content-type": feed.contentType,
    "content-length": body.length,
    ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
  });
  response.end(request.method === "HEAD" ? undefined : body);
}

/** Builds every feed's default variant (and its warmVariants) of a new view before it serves, so no request pays for it; a failing feed is built again on request. */
export async function warmFeeds(view: MarketView, db: Db): Promise<void> {
  const variants = FEEDS.flatMap((feed) => ["", ...(feed.warmVariants ?? [])].map((query) => [feed, new URLSearchParams(query)] as const));
  await Promise.all(variants.map(([feed, params]) => feedBytes(feed, view, db, params).catch(() => undefined)));
}

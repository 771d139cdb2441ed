/**
 * Serves the dashboard: the page at "/" and its static assets under "/dashboard/" (the
 * client script, the stylesheet, and Chart.js's browser bundle from node_modules).
 */
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sendJson } from "../api/send-json.ts";
import { renderDashboardPage } from "./page.ts";

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;

const here = dirname(fileURLToPath(import.meta.url));
/** chart.js exports only its module entries; its UMD bundle sits beside the CommonJS one. */
const chartJsDist = dirname(createRequire(import.meta.url).resolve("chart.js"));

interface Asset {
  path: string;
  type: string;
  /** Vendor files change only with the package version. */
  immutable?: boolean;
}

export const DASHBOARD_ASSETS: Readonly<Record<string, Asset>> = {
  "/dashboard/app.js": { path: join(here, "assets/app.js"), type: "text/javascript; charset=utf-8" },
  "/dashboard/dashboard.css": { path: join(here, "assets/dashboard.css"), type: "text/css; charset=utf-8" },
  "/dashboard/vendor/chart.umd.min.js": { path: join(chartJsDist, "chart.umd.min.js"), type: "text/javascript; charset=utf-8", immutable: true },
};

const CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

function allowRead(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method === "GET" || request.method === "HEAD") return true;
  response.setHeader("allow", "GET, HEAD");
  sendJson(response, 405, { error: `method ${request.method ?? ""} not allowed` });
  return false;
}

function send(request: IncomingMessage, response: ServerResponse, body: string | Buffer, headers: Record<string, string>): void {
  response.writeHead(200, { ...headers, "content-length": String(Buffer.byteLength(body)), "x-content-type-options": "nosniff" });
  response.end(request.method === "HEAD" ? undefined : body);
}

/** "/" only: any other path this prefix catches is not found. */
export const serveDashboardPage: Handler = async (request, response, url) => {
  if (url.pathname !== "/") return sendJson(response, 404, { error: `no route for ${url.pathname}` });
  if (!allowRead(request, response)) return;
  send(request, response, renderDashboardPage(), {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-cache",
    "content-security-policy": CONTENT_SECURITY_POLICY,
  });
};

const cache = new Map<string, Buffer>();

/** A fixed list of files: no path from the URL ever reaches the file system. */
export const serveDashboardAsset: Handler = async (request, response, url) => {
  const asset = DASHBOARD_ASSETS[url.pathname];
  if (!asset) return sendJson(response, 404, { error: `no route for ${url.pathname}` });
  if (!allowRead(request, response)) return;
  let body = cache.get(asset.path);
  if (!body) {
    body = await readFile(asset.path);
    if (asset.immutable) cache.set(asset.path, body);
  }
  send(request, response, body, { "content-type": asset.type, "cache-control": asset.immutable ? "public, max-age=86400" : "no-cache" });
};

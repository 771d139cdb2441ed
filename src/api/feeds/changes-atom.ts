/**
 * /feeds/changes.atom: the newest price changes as an Atom 1.0 feed for people (feed
 * readers), with the change stream's filters as query parameters (model, seller,
 * direction, minPct, kind). Entry ids are stable (the change event id).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiContext } from "../context.ts";
import { latestChanges, type ChangeItem } from "../../db/queries/change-feed.ts";
import { sendJson } from "../send-json.ts";
import { resolveChangeFilter } from "../stream/changes-stream.ts";

const ENTRIES = 100;

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}

function pricePair(price: Record<string, string | null> | null): string {
  if (!price) return "none";
  return `${price.input ?? "?"} in / ${price.output ?? "?"} out ${price.currency ?? "USD"} per 1M`;
}

export function changeTitle(change: ChangeItem): string {
  const what = change.kind === "price" ? (change.direction === "none" ? "price change" : change.direction) : change.kind;
  const pct = change.changeRatio === null ? "" : ` (${Number(change.changeRatio) > 0 ? "+" : ""}${(Number(change.changeRatio) * 100).toFixed(1)}%)`;
  const variant = change.variant === "standard" ? "" : ` ${change.variant}`;
  return `${change.model}${variant} on ${change.seller}: ${what}${pct}`;
}

function entry(change: ChangeItem, base: string): string {
  const summary = `${pricePair(change.old)} -> ${pricePair(change.new)}; effective ${change.effectiveAt.toISOString().slice(0, 10)}; source ${change.source}`;
  return [
    "<entry>",
    `<id>tag:pricewar,2024:change-event/${change.id}</id>`,
    `<title>${escapeXml(changeTitle(change))}</title>`,
    `<updated>${change.recordedAt.toISOString()}</updated>`,
    `<published>${change.effectiveAt.toISOString()}</published>`,
    `<link rel="alternate" href="${escapeXml(`${base}/api/v1/pricewar/changes?model=${encodeURIComponent(change.model)}`)}"/>`,
    `<category term="${escapeXml(change.kind === "price" ? change.direction : change.kind)}"/>`,
    `<summary>${escapeXml(summary)}</summary>`,
    "</entry>",
  ].join("");
}

export async function serveChangesAtom(context: ApiContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const resolved = await resolveChangeFilter(context, url.searchParams);
  if ("error" in resolved) return sendJson(response, resolved.status, { error: resolved.error });
  const changes = await latestChanges(context.db, resolved.filter, ENTRIES);
  const base = `http://${request.headers.host ?? "localhost"}`;
  const updated = changes.reduce((latest, change) => (change.recordedAt > latest ? change.recordedAt : latest), new Date(0));
  const self = `${base}${url.pathname}${url.search}`;
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>${escapeXml(self)}</id>`,
    "<title>pricewar: LLM price changes</title>",
    `<updated>${updated.toISOString()}</updated>`,
    `<link rel="self" href="${escapeXml(self)}"/>`,
    "<author><name>pricewar</name></author>",
    ...changes.map((change) => entry(change, base)),
    "</feed>",
  ].join("\n");
  response.writeHead(200, { "content-type": "application/atom+xml; charset=utf-8", "content-length": Buffer.byteLength(xml) }).end(xml);
}

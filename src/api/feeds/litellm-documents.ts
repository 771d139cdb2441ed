/**
 * The three documents served at /feeds/litellm.json, from the same rows: our keyed map
 * (default), the drop-in map (`?complete=1`) and the drop-in map's integrity manifest
 * (`?complete=1&manifest=1`). LiteLLM rejects an empty map (`{}`) and would fall back to
 * its bundled one, so with nothing to serve the answer is FeedUnavailable (503), never `{}`.
 */
import { buildCompleteLitellmMap } from "./litellm-complete.ts";
import { buildLitellmFeed, type FeedPrice } from "./litellm-feed.ts";
import { litellmManifest } from "./litellm-manifest.ts";
import type { LitellmName } from "./litellm-names.ts";
import type { CapabilityFlags } from "./models-dev-capabilities.ts";
import type { StoredLitellmMap } from "../../db/queries/feed-litellm.ts";

/** The feed has nothing to serve yet; the message says why and what to do. */
export class FeedUnavailable extends Error {
  override readonly name = "FeedUnavailable";
}

export interface LitellmDocumentRows {
  prices: readonly FeedPrice[];
  names: readonly LitellmName[];
  capabilities: ReadonlyMap<string, CapabilityFlags>;
  stored: StoredLitellmMap | null;
}

export interface LitellmDocumentRequest {
  complete: boolean;
  manifest: boolean;
  dataVersion: string;
  generatedAt: Date;
}

export function litellmDocument(rows: LitellmDocumentRows, request: LitellmDocumentRequest): string {
  const feed = buildLitellmFeed(rows);
  if (!request.complete) {
    if (Object.keys(feed).length === 0) throw new FeedUnavailable("no current prices yet: the LiteLLM feed is served once a price source has run (see /healthz)");
    return JSON.stringify(feed);
  }
  if (!rows.stored) throw new FeedUnavailable("LiteLLM's map has not been scraped here yet, so the drop-in map cannot be complete: run the litellm source (pricewar scrape litellm), or use /feeds/litellm.json meanwhile");
  const body = JSON.stringify(buildCompleteLitellmMap(rows.stored.map, feed));
  if (!request.manifest) return body;
  return JSON.stringify(litellmManifest(body, { generatedAt: request.generatedAt, dataVersion: request.dataVersion, litellmMap: rows.stored }));
}

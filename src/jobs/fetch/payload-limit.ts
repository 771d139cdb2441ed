/**
 * The size limit of one payload document. A body past it is refused while it streams in
 * (live fetch) or before it is read (replay), never after it has been buffered whole:
 * parsing a document costs several times its size in memory, so an oversized body must
 * not reach a parser. The limit is per document (a file, a URL), decoded bytes.
 */
import type { SourceDefinition } from "../../../scrapers/source.ts";

/** 64 MiB: LiteLLM's cost map, the largest real payload, is 1.5 MB; a 50 MB one still parses and writes within budget (bench/large-payloads.ts). */
export const DEFAULT_PAYLOAD_LIMIT_BYTES = 64 * 1024 * 1024;

export interface PayloadLimit {
  bytes: number;
  /** Who the limit belongs to, for the message: a source id, or "replay" when read without one. */
  owner: string;
}

export function payloadLimitOf(source: Pick<SourceDefinition, "id" | "maxPayloadBytes">): PayloadLimit {
  return { bytes: source.maxPayloadBytes ?? DEFAULT_PAYLOAD_LIMIT_BYTES, owner: source.id };
}

export const DEFAULT_REPLAY_LIMIT: PayloadLimit = { bytes: DEFAULT_PAYLOAD_LIMIT_BYTES, owner: "replay" };

/** "64 MB", "0.5 MB", "50.3 MB": MiB with at most one decimal. */
export function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return `${Number.isInteger(value) ? value : Number(value.toFixed(1))} MB`;
}

/**
 * "payload of 80 MB exceeds the 64 MB limit of litellm"; without `bytes` (the reading
 * stopped at the limit, so the true size is unknown) "payload of more than 64 MB ...".
 */
export function payloadTooLargeMessage(limit: PayloadLimit, bytes?: number): string {
  const size = bytes === undefined ? `more than ${megabytes(limit.bytes)}` : megabytes(bytes);
  return `payload of ${size} exceeds the ${megabytes(limit.bytes)} limit of ${limit.owner}`;
}

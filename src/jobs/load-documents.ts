/**
 * Where a run's payload comes from. Live: every URL of the source through the fetch
 * layer (conditional requests against the archive, the source's timeout and retries,
 * its API key), then the source's second round (followUrls). Replay: files on disk.
 * Fetched bodies are archived as they arrive, so a 304 next time reuses them.
 */
import type { Db } from "../db/client.ts";
import { archivedBody, saveValidators, sha256Of, validatorsFor, storePayload } from "../db/queries/runs.ts";
import type { PayloadDocument, SourceDefinition } from "../../scrapers/source.ts";
import { fetchDocument } from "./fetch/fetch-document.ts";
import type { PayloadFormat } from "./fetch/payload-checks.ts";
import { payloadLimitOf } from "./fetch/payload-limit.ts";
import { readReplayDocuments } from "./fetch/replay.ts";
import { apiKeyOf, type DocumentLoader, type SecretEnv } from "./run-source.ts";

export function replayLoader(path: string): DocumentLoader {
  return (source) => readReplayDocuments(path, payloadLimitOf(source));
}

export interface LiveLoaderOptions {
  env: SecretEnv;
  /** Upper bound on one request, whatever the source's schedule says (HTTP_TIMEOUT_MS). */
  timeoutMs: number;
  /** Parallel requests of a second round. */
  concurrency?: number;
  signal?: AbortSignal;
}

const EXTENSION_FORMATS: Record<string, PayloadFormat> = { json: "json", csv: "csv", yml: "yaml", yaml: "yaml", md: "markdown", html: "html" };

/** A mixed source (LiveBench: CSV tables and JSON maps) is checked by each URL's own extension. */
export function formatOfUrl(url: string, fallback: PayloadFormat): PayloadFormat {
  const extension = /\.([a-z]+)(?:[?#].*)?$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return (extension && EXTENSION_FORMATS[extension]) || fallback;
}

export function liveLoader(db: Db, options: LiveLoaderOptions): DocumentLoader {
  return async (source) => {
    const headers = apiKeyHeaders(source, options.env);
    const fetchOne = (url: string) => fetchThroughArchive(db, source, url, headers, options);
    const documents: PayloadDocument[] = [];
    for (const url of source.urls) documents.push(await fetchOne(url));
    const follow = source.followUrls?.(documents) ?? [];
    documents.push(...(await inBatches(follow, options.concurrency ?? 4, fetchOne)));
    return documents;
  };
}

function apiKeyHeaders(source: SourceDefinition, env: SecretEnv): Record<string, string> {
  const key = apiKeyOf(source, env);
  if (!key) return {};
  const header = source.apiKeyHeader ?? "authorization";
  return { [header]: header.toLowerCase() === "authorization" ? `Bearer ${key}` : key };
}

async function fetchThroughArchive(
  db: Db,
  source: SourceDefinition,
  url: string,
  headers: Record<string, string>,
  options: LiveLoaderOptions,
): Promise<PayloadDocument> {
  const known = await validatorsFor(db, url);
  const result = await fetchDocument(url, {
    format: formatOfUrl(url, source.format),
    timeoutMs: Math.min(source.schedule.timeoutMs, options.timeoutMs),
    retries: source.schedule.retries,
    sizeLimit: payloadLimitOf(source),
    headers,
    signal: options.signal,
    validators: known ? { etag: known.etag ?? undefined, lastModified: known.lastModified ?? undefined } : undefined,
  });
  if (result.kind === "not-modified") {
    const body = known ? await archivedBody(db, known.sha256) : null;
    if (body === null) throw new Error(`${source.id}: ${url} answered 304 Not Modified but its last body is not archived`);
    return { name: url, body };
  }
  const { document, validators } = result;
  const sha256 = sha256Of(document.body);
  await storePayload(db, document);
  if (validators.etag || validators.lastModified) {
    await saveValidators(db, url, { etag: validators.etag ?? null, lastModified: validators.lastModified ?? null, sha256 });
  }
  return document;
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}

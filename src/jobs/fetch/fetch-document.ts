/**
 * The one HTTP fetch every source uses: timeout over the whole request (body included),
 * retries with backoff for transient failures only, conditional requests, and the
 * payload checks of payload-checks.ts before a parser ever sees the body.
 */
import { setTimeout as delay } from "node:timers/promises";
import packageJson from "../../../package.json" with { type: "json" };
import type { PayloadDocument } from "../../../scrapers/source.ts";
import { decodeBody } from "./decode-body.ts";
import { FetchError } from "./fetch-error.ts";
import { checkPayload, type PayloadFormat } from "./payload-checks.ts";
import { DEFAULT_PAYLOAD_LIMIT_BYTES, payloadTooLargeMessage, type PayloadLimit } from "./payload-limit.ts";
import { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from "./retry-policy.ts";

export const USER_AGENT = `pricewar/${packageJson.version} (+https://github.com/pricewar/pricewar)`;

/** HTTP cache validators: sent back as If-None-Match / If-Modified-Since on the next run. */
export interface CacheValidators {
  etag?: string;
  lastModified?: string;
}

export interface FetchDocumentOptions {
  format: PayloadFormat;
  /** Limit for one attempt, from sending the request to the last body byte. Default 30 s. */
  timeoutMs?: number;
  /** Largest body accepted (decoded bytes); a larger one is refused while it streams in. Default DEFAULT_PAYLOAD_LIMIT_BYTES (8 MB), owner "fetch". */
  sizeLimit?: PayloadLimit;
  /** Further attempts after a timeout, network error, 429 or 5xx. Default 2. */
  retries?: number;
  /** Extra request headers (an API key header, ...); they override the defaults. */
  headers?: Record<string, string>;
  userAgent?: string;
  signal?: AbortSignal;
  /** Validators from the previous successful fetch of this URL. */
  validators?: CacheValidators;
  backoff?: BackoffPolicy;
  /** Injectable for tests; must reject when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

type Outcome =
  | { kind: "document"; document: PayloadDocument; validators: CacheValidators }
  | { kind: "not-modified"; validators: CacheValidators };

/** `attempts` counts requests made, for logs and run records. */
export type FetchDocumentResult = Outcome & { attempts: number };

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 2;

const ACCEPT: Record<PayloadFormat, string> = {
  json: "application/json, text/json;q=0.9, */*;q=0.1",
  html: "text/html, application/xhtml+xml;q=0.9, */*;q=0.1",
  markdown: "text/markdown, text/plain;q=0.9, */*;q=0.1",
  yaml: "application/yaml, text/yaml;q=0.9, text/plain;q=0.8, */*;q=0.1",
  csv: "text/csv, text/plain;q=0.9, */*;q=0.1",
  text: "text/plain, */*;q=0.1",
};

type Attempt = { outcome: Outcome } | { error: FetchError; retryAfter: string | null };

/**
 * GET `url` and return its body as a checked PayloadDocument named by the URL, or
 * "not-modified" when the validators still match. Throws FetchError for a bad response
 * or a failed request, and the signal's reason when the caller aborts.
 */
export async function fetchDocument(url: string, options: FetchDocumentOptions): Promise<FetchDocumentResult> {
  const retries = options.retries ?? DEFAULT_RETRIES;
  const sleep = options.sleep ?? defaultSleep;
  const headers = requestHeaders(options);
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    const result = await attemptFetch(url, headers, options);
    if ("outcome" in result) return { ...result.outcome, attempts: attempt };

    const { error, retryAfter } = result;
    if (!error.retryable) throw error;
    if (attempt > retries) throw attempt > 1 ? amend(error, `gave up after ${attempt} attempts`) : error;
    const backoff = options.backoff ?? DEFAULT_BACKOFF;
    const wait = retryDelayMs(attempt - 1, retryAfter, backoff, options.random ?? Math.random, Date.now());
    if (wait === undefined) {
      throw amend(error, `not retried: Retry-After "${retryAfter}" exceeds ${backoff.maxRetryAfterMs} ms`);
    }
    await sleep(wait, options.signal);
  }
}

/** Sleeps, or rejects with the caller's own abort reason (not a generic AbortError). */
function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return delay(ms, undefined, { signal }).catch((error: unknown) => {
    signal?.throwIfAborted();
    throw error;
  });
}

function requestHeaders(options: FetchDocumentOptions): Headers {
  const headers = new Headers({ accept: ACCEPT[options.format], "user-agent": options.userAgent ?? USER_AGENT });
  if (options.validators?.etag) headers.set("if-none-match", options.validators.etag);
  if (options.validators?.lastModified) headers.set("if-modified-since", options.validators.lastModified);
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  return headers;
}

async function attemptFetch(url: string, headers: Headers, options: FetchDocumentOptions): Promise<Attempt> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
  // Caller cancellation is not a fetch failure: it propagates as the caller's own reason.
  const failed = (error: () => FetchError): Attempt => {
    if (options.signal?.aborted) throw options.signal.reason;
    return { error: error(), retryAfter: null };
  };
  try {
    let response: Response;
    try {
      response = await fetch(url, { headers, signal, redirect: "follow" });
    } catch (error) {
      return failed(() =>
        timeout.signal.aborted
          ? new FetchError("timeout", url, `no response within ${timeoutMs} ms`, { cause: error })
          : new FetchError("network", url, `request failed: ${describeCause(error)}`, { cause: error }),
      );
    }

    if (response.status === 304) return notModified(url, response, options.validators);

    const limit = options.sizeLimit ?? { bytes: DEFAULT_PAYLOAD_LIMIT_BYTES, owner: "fetch" };
    // Content-Length counts encoded bytes, never more than the decoded body: past the limit, refuse unread.
    const declared = Number(response.headers.get("content-length") ?? Number.NaN);
    if (Number.isInteger(declared) && declared > limit.bytes) {
      await response.body?.cancel().catch(() => undefined);
      return { error: tooLarge(url, response.status, limit, declared), retryAfter: null };
    }
    const read = await readBody(response.body, limit.bytes);
    if (read.overLimit) return { error: tooLarge(url, response.status, limit), retryAfter: null };
    if (read.error !== undefined) {
      return failed(() => bodyFailure(url, response, read, timeout.signal.aborted, timeoutMs));
    }

    const contentType = response.headers.get("content-type") ?? undefined;
    const document: PayloadDocument = { name: url, body: decodeBody(read.bytes, contentType), contentType };
    try {
      checkPayload(document, options.format, {
        status: response.status,
        headers: response.headers,
        receivedBytes: read.bytes.byteLength,
      });
    } catch (error) {
      if (error instanceof FetchError) return { error, retryAfter: response.headers.get("retry-after") };
      throw error;
    }
    return { outcome: { kind: "document", document, validators: validatorsOf(response.headers) } };
  } finally {
    clearTimeout(timer);
  }
}

function notModified(url: string, response: Response, sent: CacheValidators | undefined): Attempt {
  if (!sent?.etag && !sent?.lastModified) {
    return { error: new FetchError("http", url, "HTTP 304 to a request without validators", { status: 304 }), retryAfter: null };
  }
  // A 304 need not repeat the validators: keep the ones that still match.
  return { outcome: { kind: "not-modified", validators: { ...sent, ...validatorsOf(response.headers) } } };
}

function validatorsOf(headers: Headers): CacheValidators {
  const etag = headers.get("etag");
  const lastModified = headers.get("last-modified");
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

interface BodyRead {
  bytes: Uint8Array;
  error?: unknown;
  /** The stream went past the limit and was cancelled (`bytes` is then empty). */
  overLimit?: boolean;
}

/** The whole body, or the bytes received before the stream failed (and why), or stopped past `limitBytes`. */
async function readBody(body: ReadableStream<Uint8Array> | null, limitBytes: number): Promise<BodyRead> {
  if (!body) return { bytes: new Uint8Array() };
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes: Buffer.concat(chunks) };
      received += value.byteLength;
      if (received > limitBytes) {
        await reader.cancel().catch(() => undefined);
        return { bytes: new Uint8Array(), overLimit: true };
      }
      chunks.push(value);
    }
  } catch (error) {
    return { bytes: Buffer.concat(chunks), error: error ?? new Error("body stream failed") };
  }
}

/** Not retried: the same URL will answer the same size. */
function tooLarge(url: string, status: number, limit: PayloadLimit, declaredBytes?: number): FetchError {
  return new FetchError("too-large", url, payloadTooLargeMessage(limit, declaredBytes), { status, retryable: false });
}

function bodyFailure(url: string, response: Response, read: BodyRead, timedOut: boolean, timeoutMs: number): FetchError {
  const received = read.bytes.byteLength;
  const status = response.status;
  if (timedOut) {
    return new FetchError("timeout", url, `body not complete within ${timeoutMs} ms (${received} bytes received)`, {
      status,
      cause: read.error,
    });
  }
  const declared = Number(response.headers.get("content-length"));
  const encoded = response.headers.has("content-encoding");
  if (!encoded && Number.isInteger(declared) && declared > received) {
    // The connection dropped mid-body: worth another attempt, unlike a truncated file.
    return new FetchError(
      "truncated",
      url,
      `truncated body: connection closed after ${received} of the ${declared} bytes announced by Content-Length`,
      { status, retryable: true, cause: read.error },
    );
  }
  return new FetchError("network", url, `connection failed after ${received} body bytes: ${describeCause(read.error)}`, {
    status,
    cause: read.error,
  });
}

/** Node's fetch reports "fetch failed" and keeps the useful part (ECONNRESET, ...) in `cause`. */
function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? `${code} (${cause.message})` : cause.message;
  }
  return error.message;
}

function amend(error: FetchError, note: string): FetchError {
  return new FetchError(error.kind, error.url, `${error.detail}; ${note}`, {
    status: error.status,
    retryable: error.retryable,
    cause: error,
  });
}

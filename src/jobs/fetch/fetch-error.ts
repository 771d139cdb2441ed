/**
 * The one error the fetch layer throws for a bad response or a failed request. `kind`
 * says what went wrong so the run record, logs and retry policy can tell a bot wall from
 * an outage from a broken file; the message names the URL (with secrets redacted).
 */
export type FetchErrorKind = "http" | "timeout" | "network" | "blocked" | "wrong-format" | "truncated" | "empty" | "too-large";

export interface FetchErrorOptions {
  /** HTTP status of the response, when there was one. */
  status?: number;
  /** Whether another attempt may succeed; by default timeouts, network errors, 429 and 5xx. */
  retryable?: boolean;
  cause?: unknown;
}

export class FetchError extends Error {
  readonly status?: number;
  readonly retryable: boolean;

  constructor(
    readonly kind: FetchErrorKind,
    readonly url: string,
    /** The message without the URL, to build a follow-up error from. */
    readonly detail: string,
    options: FetchErrorOptions = {},
  ) {
    super(`${redactUrl(url)}: ${detail}`, { cause: options.cause });
    this.name = "FetchError";
    this.status = options.status;
    this.retryable = options.retryable ?? defaultRetryable(kind, options.status);
  }
}

function defaultRetryable(kind: FetchErrorKind, status: number | undefined): boolean {
  if (kind === "timeout" || kind === "network") return true;
  if (kind === "http" && status !== undefined) return status === 429 || status >= 500;
  return false;
}

const SECRET_PARAM = /key|token|secret|signature|password|auth/i;

/** Error messages end up in run records and logs: never copy a `?key=` API key there. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  let redacted = false;
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAM.test(name)) {
      parsed.searchParams.set(name, "REDACTED");
      redacted = true;
    }
  }
  if (parsed.password) {
    parsed.password = "REDACTED";
    redacted = true;
  }
  return redacted ? parsed.toString() : url;
}

/**
 * When to try a request again and how long to wait first. Pure: the clock and the
 * random source are arguments, so tests can assert exact delays.
 */
export interface BackoffPolicy {
  /** Delay scale: retry n (0-based) waits about baseDelayMs * 2^n. */
  baseDelayMs: number;
  /** Cap on one computed backoff delay. */
  maxDelayMs: number;
  /** A server asking to wait longer than this (Retry-After) is not retried in this run. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseDelayMs: 1_000, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };

/**
 * Exponential backoff with "equal jitter": half the delay fixed, half random, so that
 * several instances retrying the same host spread out but never retry at once.
 */
export function backoffDelayMs(retryIndex: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After as milliseconds from `nowMs`: delta-seconds or an HTTP date; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  // HTTP dates name the day and month; Date.parse would take "-5" for a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * The wait before retry `retryIndex` (0-based): the server's Retry-After when it sent
 * one, else the jittered backoff. Undefined when the server asks for longer than the
 * policy allows: waiting that long would hold the run past its schedule.
 */
export function retryDelayMs(
  retryIndex: number,
  retryAfter: string | null | undefined,
  policy: BackoffPolicy,
  random: () => number,
  nowMs: number,
): number | undefined {
  const requested = parseRetryAfter(retryAfter, nowMs);
  if (requested === undefined) return backoffDelayMs(retryIndex, policy, random);
  return requested <= policy.maxRetryAfterMs ? requested : undefined;
}

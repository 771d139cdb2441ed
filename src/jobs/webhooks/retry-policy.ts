/**
 * When a failed delivery is tried again: exponential backoff (base x 2^(attempt-1),
 * capped), and after `maxAttempts` tries the event goes to the dead-letter state. With
 * the defaults an event is tried 8 times over about 4 hours (30 s, 1, 2, 4, 8, 16, 32 min, 1 h).
 */
export interface WebhookRetryPolicy {
  maxAttempts: number;
  baseMs: number;
  maxDelayMs: number;
}

export const DEFAULT_WEBHOOK_RETRY_POLICY: WebhookRetryPolicy = { maxAttempts: 8, baseMs: 30_000, maxDelayMs: 60 * 60_000 };

/** Delay before the next try after `attempts` failed tries; null when the event is dead. */
export function retryDelayMs(attempts: number, policy: WebhookRetryPolicy): number | null {
  if (attempts >= policy.maxAttempts) return null;
  return Math.min(policy.maxDelayMs, policy.baseMs * 2 ** (attempts - 1));
}

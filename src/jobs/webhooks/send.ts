/** One signed POST to a receiver, with a time limit; the answer reduced to what the log keeps. */
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signatureHeader } from "./signature.ts";

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export async function sendSigned(url: string, secret: string, body: string, headers: { idempotencyKey: string; attempt: number }, timeoutMs: number): Promise<SendResult> {
  const started = performance.now();
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "pricewar-webhooks/1",
        [SIGNATURE_HEADER]: signatureHeader(secret, timestamp, body),
        [IDEMPOTENCY_HEADER]: headers.idempotencyKey,
        "pricewar-delivery-attempt": String(headers.attempt),
      },
    });
    // The body is not needed; reading (and dropping) it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, error: ok ? null : `receiver answered ${response.status}`, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    const message = timedOut ? `no answer within ${timeoutMs} ms` : `${error instanceof Error ? error.message : String(error)}${cause}`;
    return { ok: false, statusCode: null, error: message.slice(0, 500), durationMs: Math.round(performance.now() - started) };
  }
}

/**
 * Webhook signatures in the style of Stripe's: `Pricewar-Signature: t=<unix seconds>,v1=<hex>`
 * where v1 = HMAC-SHA256(secret, `${t}.${body}`). Signing the timestamp with the body
 * lets a receiver refuse replays older than its tolerance. Receivers verify with the
 * same few lines (README, "Webhooks").
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "pricewar-signature";
export const IDEMPOTENCY_HEADER = "pricewar-idempotency-key";

export function signature(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signature(secret, timestamp, body)}`;
}

export interface VerifyOptions {
  /** Oldest accepted timestamp, in seconds from now (default 300). */
  toleranceSeconds?: number;
  now?: Date;
}

/** True when the header carries a v1 signature of this body by this secret, recent enough. */
export function verifySignature(secret: string, header: string | undefined, body: string, options: VerifyOptions = {}): boolean {
  if (!header) return false;
  const parts = header.split(",").map((part) => part.trim().split("="));
  const t = Number(parts.find(([key]) => key === "t")?.[1]);
  if (!Number.isInteger(t)) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signature(secret, t, body), "hex");
  return parts.some(([key, value]) => {
    if (key !== "v1" || !value || !/^[0-9a-f]{64}$/.test(value)) return false;
    return timingSafeEqual(expected, Buffer.from(value, "hex"));
  });
}

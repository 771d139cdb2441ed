import { describe, expect, it } from "vitest";
import { backoffDelayMs, parseRetryAfter, retryDelayMs, type BackoffPolicy } from "./retry-policy.ts";

const POLICY: BackoffPolicy = { baseDelayMs: 1_000, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 };
const NOW = Date.parse("2026-07-01T12:00:00Z");

describe("backoffDelayMs", () => {
  it("doubles per retry up to the cap, half of it jittered", () => {
    expect([0, 1, 2, 3, 4].map((retry) => backoffDelayMs(retry, POLICY, () => 0))).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
    expect([0, 1, 2, 3, 4].map((retry) => backoffDelayMs(retry, POLICY, () => 0.999999))).toEqual([
      1_000, 2_000, 4_000, 8_000, 8_000,
    ]);
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120_000);
    expect(parseRetryAfter("Wed, 01 Jul 2026 12:00:30 GMT", NOW)).toBe(30_000);
    expect(parseRetryAfter("Wed, 01 Jul 2026 11:00:00 GMT", NOW)).toBe(0);
  });

  it("ignores absent or unreadable values", () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter("", NOW)).toBeUndefined();
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
    expect(parseRetryAfter("-5", NOW)).toBeUndefined();
  });
});

describe("retryDelayMs", () => {
  it("prefers the server's Retry-After to the backoff", () => {
    expect(retryDelayMs(2, "7", POLICY, () => 0.5, NOW)).toBe(7_000);
    expect(retryDelayMs(2, null, POLICY, () => 0.5, NOW)).toBe(3_000);
  });

  it("refuses to wait longer than the policy allows", () => {
    expect(retryDelayMs(0, "3600", POLICY, () => 0.5, NOW)).toBeUndefined();
  });
});

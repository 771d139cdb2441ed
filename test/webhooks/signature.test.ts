import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { retryDelayMs, DEFAULT_WEBHOOK_RETRY_POLICY } from "../../src/jobs/webhooks/retry-policy.ts";
import { signatureHeader, verifySignature } from "../../src/jobs/webhooks/signature.ts";

const secret = "whsec_test";
const body = '{"id":"pricewar-change-1"}';
const at = new Date("2026-01-01T00:00:00Z");
const t = Math.floor(at.getTime() / 1000);

describe("webhook signatures", () => {
  it("is HMAC-SHA256 over `${t}.${body}` in a t=,v1= header (a known vector)", () => {
    // printf '1767225600.{"id":"pricewar-change-1"}' | openssl dgst -sha256 -hmac whsec_test
    expect(signatureHeader(secret, t, body)).toBe("t=1767225600,v1=bd15aee5990c3a03a60b66949183c53a8cf7e797ff32994735037e7a438becee");
  });

  it("verifies the right secret and body within the tolerance, and nothing else", () => {
    const header = signatureHeader(secret, t, body);
    expect(verifySignature(secret, header, body, { now: at })).toBe(true);
    expect(verifySignature(secret, header, body, { now: new Date(at.getTime() + 299_000) })).toBe(true);
    expect(verifySignature(secret, header, body, { now: new Date(at.getTime() + 301_000) })).toBe(false);
    expect(verifySignature("whsec_other", header, body, { now: at })).toBe(false);
    expect(verifySignature(secret, header, `${body} `, { now: at })).toBe(false);
    expect(verifySignature(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, { now: at })).toBe(false);
    expect(verifySignature(secret, undefined, body, { now: at })).toBe(false);
    expect(verifySignature(secret, "v1=abc", body, { now: at })).toBe(false);
  });
});

describe("the README's receiver verification", () => {
  it("accepts a pricewar signature of the raw body, and refuses another body, secret or a stale timestamp", async () => {
    const readme = readFileSync(resolve(import.meta.dirname, "../../README.md"), "utf8");
    const snippet = /A receiver verifies[^\n]*\n\n```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(snippet).toContain("function verify(");
    const dir = mkdtempSync(join(tmpdir(), "pricewar-readme-verify-"));
    try {
      const file = join(dir, "verify.mjs");
      writeFileSync(file, `${snippet}\nexport { verify };\n`);
      const { verify } = (await import(pathToFileURL(file).href)) as { verify: (secret: string, header: string, rawBody: string) => boolean };
      const now = Math.floor(Date.now() / 1000);
      const header = signatureHeader(secret, now, body);
      expect(verify(secret, header, body)).toBe(true);
      expect(verify(secret, header, `${body} `)).toBe(false);
      expect(verify("whsec_other", header, body)).toBe(false);
      expect(verify(secret, signatureHeader(secret, now - 301, body), body)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("webhook retry policy", () => {
  it("backs off exponentially, capped, and stops after the last try", () => {
    const delays = Array.from({ length: 8 }, (_, index) => retryDelayMs(index + 1, DEFAULT_WEBHOOK_RETRY_POLICY));
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, null]);
    expect(retryDelayMs(7, { maxAttempts: 10, baseMs: 1_000, maxDelayMs: 5_000 })).toBe(5_000);
  });
});

import { describe, expect, it } from "vitest";
import { FetchError, redactUrl } from "./fetch-error.ts";

describe("FetchError", () => {
  it("retries transient failures only by default", () => {
    const url = "https://example.com/models.json";
    expect(new FetchError("timeout", url, "slow").retryable).toBe(true);
    expect(new FetchError("network", url, "reset").retryable).toBe(true);
    expect(new FetchError("http", url, "busy", { status: 429 }).retryable).toBe(true);
    expect(new FetchError("http", url, "down", { status: 502 }).retryable).toBe(true);
    expect(new FetchError("http", url, "gone", { status: 404 }).retryable).toBe(false);
    expect(new FetchError("blocked", url, "challenge", { status: 503 }).retryable).toBe(false);
    expect(new FetchError("truncated", url, "cut").retryable).toBe(false);
  });

  it("never puts an API key from the URL into its message", () => {
    const url = "https://generativelanguage.googleapis.com/v1beta/models?key=AIza123&pageSize=50";
    const error = new FetchError("http", url, "HTTP 400");
    expect(error.message).toBe("https://generativelanguage.googleapis.com/v1beta/models?key=REDACTED&pageSize=50: HTTP 400");
    expect(error.url).toContain("AIza123");
    expect(redactUrl("https://user:pw@example.com/a")).toBe("https://user:REDACTED@example.com/a");
    expect(redactUrl("https://example.com/a?b=1")).toBe("https://example.com/a?b=1");
  });
});

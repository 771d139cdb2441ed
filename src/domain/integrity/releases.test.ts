import { describe, expect, it } from "vitest";
import { findRelease, loadReleases, parseReleases, shrinkReleasesFor } from "./releases.ts";

describe("reviewed releases", () => {
  it("loads the committed file", () => {
    expect(loadReleases()).toEqual({ prices: expect.any(Array), shrinks: expect.any(Array) });
  });

  it("refuses an entry without a reason, naming the field", () => {
    expect(() => parseReleases("prices:\n  - { source: litellm, raw: gpt-4o, input: '25', output: '100' }\n", "releases.yaml")).toThrow(
      /^releases\.yaml: prices\.0\.reason: /,
    );
  });

  it("matches a held price by source, raw name and both headline amounts", () => {
    const { prices } = parseReleases("prices:\n  - { source: litellm, raw: gpt-4o, input: '25', output: '100.0', reason: checked }\n", "r");
    const value = { currency: "USD" as const, input: "25", output: "100", cacheRead: null, cacheWrite: null, cacheWrite1h: null, tiers: [] };
    expect(findRelease(prices, "litellm", "gpt-4o", value)?.reason).toBe("checked");
    expect(findRelease(prices, "openrouter", "gpt-4o", value)).toBeUndefined();
    expect(findRelease(prices, "litellm", "gpt-4o", { ...value, input: "2.5" })).toBeUndefined();
  });

  it("applies a reviewed shrink from its first day for a week, or up to its last day", () => {
    const { shrinks } = parseReleases(
      "shrinks:\n  - { source: openai-pricing, from: 2026-08-21, lost: 41, reason: legacy models }\n  - { source: modelsdev, from: 2026-06-13, until: 2026-06-13, lost: 300, reason: churn }\n",
      "r",
    );
    const at = (iso: string) => new Date(iso);
    expect(shrinkReleasesFor(shrinks, "openai-pricing", at("2026-08-20T23:59:59Z"))).toEqual([]);
    expect(shrinkReleasesFor(shrinks, "openai-pricing", at("2026-08-27T23:59:59Z"))).toHaveLength(1);
    expect(shrinkReleasesFor(shrinks, "openai-pricing", at("2026-08-28T00:00:00Z"))).toEqual([]);
    expect(shrinkReleasesFor(shrinks, "modelsdev", at("2026-06-13T12:00:00Z"))).toHaveLength(1);
    expect(shrinkReleasesFor(shrinks, "modelsdev", at("2026-06-14T00:00:00Z"))).toEqual([]);
  });
});

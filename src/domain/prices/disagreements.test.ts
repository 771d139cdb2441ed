import { describe, expect, it } from "vitest";
import { findDisagreements, relativeDifference, type SourcedOfferingPrice } from "./disagreements.ts";

const row = (source: string, authority: string, input: string | null, output: string | null, currency = "USD"): SourcedOfferingPrice => ({
  offeringId: 7,
  provider: "anthropic",
  model: "anthropic/claude-opus-4.1",
  variant: "standard",
  region: "",
  source,
  authority,
  currency,
  input,
  output,
  validFrom: new Date("2026-08-01"),
  lastSeenAt: new Date("2026-08-17"),
});

describe("findDisagreements", () => {
  it("measures the difference relative to the larger price", () => {
    expect(relativeDifference("15", "5")).toBeCloseTo(2 / 3);
    expect(relativeDifference("0", "0")).toBe(0);
  });

  it("lists pairs beyond 1% with both values, the authoritative source first", () => {
    const found = findDisagreements([row("litellm", "community", "15", "75"), row("anthropic-docs", "first-party", "5", "25")]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ fields: ["input", "output"], difference: 0.6667, a: { source: "anthropic-docs", input: "5" }, b: { source: "litellm", input: "15" } });
  });

  it("ignores differences within the threshold, unknown prices, and other currencies", () => {
    expect(findDisagreements([row("a", "community", "1.00", "2"), row("b", "community", "1.005", "2")])).toEqual([]);
    expect(findDisagreements([row("a", "community", null, "2"), row("b", "community", "9", "2")])).toEqual([]);
    expect(findDisagreements([row("a", "community", "1", "2", "USD"), row("b", "community", "7", "14", "CNY")])).toEqual([]);
  });
});

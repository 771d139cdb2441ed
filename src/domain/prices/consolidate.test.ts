import { describe, expect, it } from "vitest";
import { consolidate, type SourcedPrice } from "./consolidate.ts";

const row = (source: string, authority: string, lastSeen: string, input: string): SourcedPrice => ({
  offeringId: 1,
  source,
  authority,
  lastSeenAt: new Date(lastSeen),
  input,
  output: "10",
});

describe("consolidate", () => {
  it("prefers first-party over aggregator over community when all are fresh", () => {
    const [price] = consolidate([
      row("litellm", "community", "2026-08-20", "2.4"),
      row("openai-pricing", "first-party", "2026-08-19", "2.5"),
      row("openrouter", "aggregator", "2026-08-21", "2.6"),
    ]);
    expect(price!.source).toBe("openai-pricing");
    expect(price!.alternatives.map((alternative) => alternative.source)).toEqual(["openrouter", "litellm"]);
  });

  it("lets a fresh aggregator win over a stale first-party page", () => {
    const [price] = consolidate([row("openai-pricing", "first-party", "2026-06-01", "5"), row("openrouter", "aggregator", "2026-08-21", "2.5")]);
    expect(price!.source).toBe("openrouter");
  });

  it("keeps one price per offering", () => {
    const prices = consolidate([row("a", "community", "2026-01-01", "1"), { ...row("b", "community", "2026-01-01", "2"), offeringId: 2 }]);
    expect(prices.map((price) => price.offeringId).sort()).toEqual([1, 2]);
  });
});

import { describe, expect, it } from "vitest";
import { bestScoresAt, cheapestMeeting, firstMet, fitDecline, meetsThreshold, type ScorePeriodRow } from "./cost-of-capability.ts";
import type { ModelQuotes, SellerQuote } from "./seller-quotes.ts";

const score = (model: string, value: string, validFrom: string, validTo: string | null = null, setting = ""): ScorePeriodRow => ({
  model,
  setting,
  source: "aider",
  score: value,
  validFrom: new Date(validFrom),
  validTo: validTo ? new Date(validTo) : null,
});
const quoted = (provider: string, blended: string): ModelQuotes => ({
  quotes: [{ provider, providerKind: "host", region: "", source: "litellm", input: blended, output: blended, blended } satisfies SellerQuote],
  outliers: [],
});

describe("cost of capability", () => {
  it("compares scores with the threshold in the benchmark's direction", () => {
    expect(meetsThreshold("51.6", 50, true)).toBe(true);
    expect(meetsThreshold("50", 50, true)).toBe(true);
    expect(meetsThreshold("49.9", 50, true)).toBe(false);
    expect(meetsThreshold("12", 15, false)).toBe(true);
  });

  it("takes each model's best score valid at the date, over settings", () => {
    const rows = [
      score("openai/o3", "76.9", "2025-06-25", null, "diff"),
      score("openai/o3", "81.3", "2025-06-25", null, "high, diff"),
      score("x/old", "40", "2025-01-01", "2025-03-01"),
      score("x/later", "90", "2025-08-01"),
    ];
    const best = bestScoresAt(rows, new Date("2025-07-01T00:00:00Z"), true);
    expect([...best.entries()]).toEqual([["openai/o3", { score: "81.3", setting: "high, diff", source: "aider" }]]);
    expect(firstMet(rows, 80, true)?.toISOString()).toBe("2025-06-25T00:00:00.000Z");
    expect(firstMet(rows, 95, true)).toBeNull();
  });

  it("picks the cheapest priced model meeting the bar", () => {
    const scores = new Map([
      ["a", { score: "72", setting: "", source: "aider" }],
      ["b", { score: "71.4", setting: "", source: "aider" }],
      ["c", { score: "40", setting: "", source: "aider" }],
      ["d", { score: "88", setting: "", source: "aider" }],
    ]);
    const quotes = new Map([
      ["a", quoted("azure", "1.925")],
      ["b", quoted("hyperbolic", "0.25")],
      ["c", quoted("cheap", "0.01")],
    ]);
    expect(cheapestMeeting("2025-08-31", scores, quotes, 70, true)).toEqual({
      date: "2025-08-31",
      model: "b",
      provider: "hyperbolic",
      price: "0.25",
      score: "71.4",
      setting: "",
      qualifying: 2,
    });
    expect(cheapestMeeting("2025-08-31", scores, quotes, 95, true)).toBeNull();
  });

  it("fits the yearly decline: a price halving every year falls 2x a year", () => {
    const points = [0, 1, 2, 3].map((year) => ({
      date: `${2022 + year}-01-01`,
      at: new Date(Date.UTC(2022, 0, 1) + year * 365.25 * 24 * 3600 * 1000),
      price: String(8 / 2 ** year),
    }));
    expect(fitDecline(points)).toEqual({
      points: 4,
      from: "2022-01-01",
      to: "2025-01-01",
      slopePerYear: -0.693147,
      factorPerYear: 2,
      declinePerYear: 0.5,
      halvingMonths: 12,
      r2: 1,
    });
  });

  it("reports a rising price as a negative decline, and no fit below four points", () => {
    const rising = [1, 2, 4, 8].map((price, month) => ({ date: `m${month}`, at: new Date(Date.UTC(2025, month, 1)), price: String(price) }));
    const fit = fitDecline(rising)!;
    expect(fit.declinePerYear).toBeLessThan(0);
    expect(fit.factorPerYear).toBeLessThan(1);
    expect(fit.halvingMonths).toBeNull();
    expect(fitDecline(rising.slice(0, 3))).toBeNull();
  });
});

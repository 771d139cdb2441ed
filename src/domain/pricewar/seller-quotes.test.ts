import { describe, expect, it } from "vitest";
import { changeInstants, firstListing, quotesAt, withoutOutliers, type PricePeriodRow, type SellerQuote } from "./seller-quotes.ts";

let nextOffering = 1;
function period(overrides: Partial<PricePeriodRow>): PricePeriodRow {
  return {
    offeringId: nextOffering++,
    provider: "together",
    providerKind: "host",
    model: "meta/llama-3.3-70b-instruct",
    variant: "standard",
    region: "",
    source: "litellm",
    authority: "community",
    currency: "USD",
    input: "0.88",
    output: "0.88",
    validFrom: new Date("2025-01-01T00:00:00Z"),
    validTo: null,
    lastSeenAt: new Date("2025-01-01T00:00:00Z"),
    ...overrides,
  };
}

const quote = (provider: string, blended: string): SellerQuote => ({ provider, providerKind: "host", region: "", source: "litellm", input: blended, output: blended, blended });
const at = new Date("2025-03-01T00:00:00Z");

describe("seller quotes", () => {
  it("quotes each seller once, by blended 3:1 price, cheapest first", () => {
    const quotes = quotesAt([period({ provider: "together" }), period({ provider: "deepinfra", input: "0.23", output: "0.4" })], at);
    expect(quotes.get("meta/llama-3.3-70b-instruct")!.quotes.map((q) => [q.provider, q.blended])).toEqual([
      ["deepinfra", "0.2725"],
      ["together", "0.88"],
    ]);
  });

  it("reads only periods valid at the instant: validFrom included, validTo excluded", () => {
    const rows = [
      period({ provider: "a", validFrom: new Date("2025-03-01T00:00:00Z") }),
      period({ provider: "b", validTo: new Date("2025-03-01T00:00:00Z") }),
      period({ provider: "c", validFrom: new Date("2025-03-02T00:00:00Z") }),
    ];
    expect(quotesAt(rows, at).get("meta/llama-3.3-70b-instruct")!.quotes.map((q) => q.provider)).toEqual(["a"]);
  });

  it("leaves out other variants, currencies, reference figures, free and incomplete prices", () => {
    const rows = [
      period({ provider: "openai", variant: "batch" }),
      period({ provider: "deepseek", currency: "CNY" }),
      period({ provider: "artificial-analysis-median", providerKind: "reference" }),
      period({ provider: "google", input: "0", output: "0" }),
      period({ provider: "groq", output: null }),
    ];
    expect(quotesAt(rows, at).size).toBe(0);
  });

  it("consolidates an offering's sources by authority, capping last sightings at the instant", () => {
    // Seen later by the community table only: without the cap it would look fresher and win.
    const aggregator = period({ offeringId: 900, source: "openrouter", authority: "aggregator", input: "0.1", output: "0.32", lastSeenAt: new Date("2025-03-01T00:00:00Z") });
    const community = period({ offeringId: 900, source: "litellm", authority: "community", input: "0.2", output: "0.2", lastSeenAt: new Date("2025-12-01T00:00:00Z") });
    const [only] = quotesAt([aggregator, community], at).get("meta/llama-3.3-70b-instruct")!.quotes;
    expect(only).toMatchObject({ source: "openrouter", blended: "0.155" });
  });

  it("keeps a seller's cheapest region", () => {
    const rows = [
      period({ provider: "bedrock", providerKind: "cloud", region: "us", input: "0.72", output: "0.72" }),
      period({ provider: "bedrock", providerKind: "cloud", region: "eu", input: "0.78", output: "0.78" }),
    ];
    expect(quotesAt(rows, at).get("meta/llama-3.3-70b-instruct")!.quotes).toEqual([expect.objectContaining({ provider: "bedrock", region: "us", blended: "0.72" })]);
  });

  it("sets aside implausible prices and quotes 50x away from the other sellers' median", () => {
    expect(withoutOutliers([quote("deepinfra", "0.7"), quote("wandb", "112500")])).toEqual({
      quotes: [quote("deepinfra", "0.7")],
      outliers: [quote("wandb", "112500")],
    });
    const result = withoutOutliers([quote("broken", "0.001"), quote("a", "0.2"), quote("b", "0.3"), quote("c", "0.9"), quote("d", "9")]);
    expect(result.outliers.map((q) => q.provider)).toEqual(["broken"]);
    expect(result.quotes.map((q) => q.provider)).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps two sellers however far apart under the ceiling: neither can be judged", () => {
    expect(withoutOutliers([quote("a", "0.01"), quote("b", "10")]).outliers).toEqual([]);
  });

  it("lists change instants and the first listing of quotable periods", () => {
    const rows = [
      period({ validFrom: new Date("2025-01-01T00:00:00Z"), validTo: new Date("2025-02-01T00:00:00Z") }),
      period({ validFrom: new Date("2024-06-01T00:00:00Z"), variant: "batch" }),
      period({ validFrom: new Date("2025-02-01T00:00:00Z") }),
    ];
    expect(changeInstants(rows).map((date) => date.toISOString())).toEqual(["2025-01-01T00:00:00.000Z", "2025-02-01T00:00:00.000Z"]);
    expect(firstListing(rows)?.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(firstListing([])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import type { SellerQuote } from "./seller-quotes.ts";
import { spreadPoint, undercutEvents, type QuoteSnapshot } from "./spread.ts";

const quote = (provider: string, blended: string): SellerQuote => ({ provider, providerKind: "host", region: "", source: "litellm", input: blended, output: blended, blended });
const snapshot = (date: string, ...quotes: SellerQuote[]): QuoteSnapshot => ({ date, quotes });

describe("spread", () => {
  it("gives min, exact median, max, their ratio and the cheapest seller", () => {
    const point = spreadPoint("2025-02-28", { quotes: [quote("friendli", "0.6"), quote("sambanova", "0.75"), quote("bedrock", "0.99"), quote("azure", "2.895")], outliers: [] });
    expect(point).toMatchObject({ sellers: 4, min: "0.6", median: "0.87", max: "2.895", maxOverMin: 4.825, cheapest: { provider: "friendli", price: "0.6" } });
  });

  it("keeps a point with no seller, all figures null", () => {
    expect(spreadPoint("2023-01-31", undefined)).toMatchObject({ sellers: 0, min: null, median: null, max: null, cheapest: null, quotes: [] });
  });
});

describe("undercuts", () => {
  it("records a new seller listing below the cheapest one", () => {
    const events = undercutEvents("m", [snapshot("d1", quote("friendli", "0.6"), quote("bedrock", "0.99")), snapshot("d2", quote("hyperbolic", "0.165"), quote("friendli", "0.6"), quote("bedrock", "0.99"))]);
    expect(events).toEqual([
      { date: "d2", model: "m", seller: "hyperbolic", price: "0.165", sellerPreviousPrice: null, previousCheapest: { provider: "friendli", price: "0.6" }, percentBelow: 72.5 },
    ]);
  });

  it("records a seller cutting below the cheapest other seller", () => {
    const events = undercutEvents("m", [snapshot("d1", quote("a", "1"), quote("b", "2")), snapshot("d2", quote("b", "0.5"), quote("a", "1"))]);
    expect(events).toMatchObject([{ seller: "b", sellerPreviousPrice: "2", previousCheapest: { provider: "a", price: "1" }, percentBelow: 50 }]);
  });

  it("does not count the cheapest seller cutting further, a seller matching the cheapest, or a delisting", () => {
    const timeline = [
      snapshot("d1", quote("a", "1"), quote("b", "2"), quote("c", "3")),
      snapshot("d2", quote("a", "0.8"), quote("b", "2"), quote("c", "3")),
      snapshot("d3", quote("a", "0.8"), quote("c", "0.8")),
    ];
    expect(undercutEvents("m", timeline)).toEqual([]);
  });

  it("counts a seller that shared the lowest price and went below it", () => {
    const events = undercutEvents("m", [snapshot("d1", quote("a", "1"), quote("b", "1")), snapshot("d2", quote("b", "0.9"), quote("a", "1"))]);
    expect(events).toMatchObject([{ seller: "b", previousCheapest: { provider: "a", price: "1" }, percentBelow: 10 }]);
  });

  it("has no undercut for a lone seller or at the baseline", () => {
    expect(undercutEvents("m", [snapshot("d1", quote("a", "1")), snapshot("d2", quote("a", "0.5"))])).toEqual([]);
    expect(undercutEvents("m", [snapshot("d1", quote("a", "1"), quote("b", "0.5"))])).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { medianGap, priceIndex, type IndexInput } from "./price-index.ts";

const at = (date: string, prices: Record<string, string>): IndexInput => ({ date, prices: new Map(Object.entries(prices)) });

describe("price index", () => {
  it("chains matched-model price ratios: a cheaper newcomer moves the median, not the chain", () => {
    const points = priceIndex([
      at("m0", {}),
      at("m1", { a: "10", b: "4" }),
      at("m2", { a: "5", b: "4", c: "0.1" }),
      at("m3", { a: "5", b: "1", c: "0.1" }),
    ]);
    expect(points[0]).toEqual({ date: "m0", members: 0, matched: 0, median: null, geometricMean: null, chained: null });
    expect(points[1]).toMatchObject({ members: 2, matched: 0, median: "7", chained: 100 });
    // a halves, b holds: sqrt(0.5 * 1) = 0.7071; c joins without weight in the chain.
    expect(points[2]).toMatchObject({ members: 3, matched: 2, median: "4", chained: 70.7107 });
    // b falls to a quarter, a and c hold: (1 * 0.25 * 1)^(1/3) = 0.63
    expect(points[3]!.chained).toBeCloseTo(70.7107 * 0.25 ** (1 / 3), 3);
    expect(points[3]!.geometricMean).toBeCloseTo((5 * 1 * 0.1) ** (1 / 3), 5);
  });

  it("carries the chain over a date where no member is matched", () => {
    const points = priceIndex([at("m1", { a: "2" }), at("m2", { b: "1" }), at("m3", { b: "0.5" })]);
    expect(points.map((point) => point.chained)).toEqual([100, 100, 50]);
  });

  it("divides the dearer group's median by the cheaper one's", () => {
    const frontier = priceIndex([at("m1", { a: "7.5" }), at("m2", {})]);
    const small = priceIndex([at("m1", { b: "0.25" }), at("m2", { b: "0.25" })]);
    expect(medianGap(frontier, small)).toEqual([
      { date: "m1", ratio: 30 },
      { date: "m2", ratio: null },
    ]);
  });
});

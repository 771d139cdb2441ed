import { describe, expect, it } from "vitest";
import { decimalMedian, geometricMean, linearFit, medianOf } from "./statistics.ts";

describe("statistics", () => {
  it("takes the median of odd and even counts, in any order", () => {
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(() => medianOf([])).toThrow(RangeError);
  });

  it("takes an exact decimal median, halving the two middle values without float noise", () => {
    expect(decimalMedian(["0.2", "0.1"])).toBe("0.15");
    expect(decimalMedian(["0.6", "0.99", "0.75", "2.895"])).toBe("0.87");
    expect(decimalMedian(["7.5"])).toBe("7.5");
  });

  it("takes a geometric mean of positive values only", () => {
    expect(geometricMean([1, 100])).toBeCloseTo(10, 12);
    expect(() => geometricMean([1, 0])).toThrow(RangeError);
  });

  it("fits a least-squares line and says how much it explains", () => {
    const exact = linearFit([0, 1, 2], [1, 3, 5]);
    expect(exact).toMatchObject({ slope: 2, intercept: 1, r2: 1 });
    const noisy = linearFit([0, 1, 2, 3], [0, 2, 1, 3])!;
    expect(noisy.slope).toBeCloseTo(0.8, 12);
    expect(noisy.r2).toBeCloseTo(0.64, 12);
    expect(linearFit([1, 1], [2, 3])).toBeNull();
  });
});

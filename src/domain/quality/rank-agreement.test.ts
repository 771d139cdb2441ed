import { describe, expect, it } from "vitest";
import { median, pairwiseAccuracy, ranks, spearman } from "./rank-agreement.ts";

describe("rank agreement", () => {
  it("scores a perfect, a reversed and a tied prediction", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBeCloseTo(-1);
    expect(pairwiseAccuracy([1, 2, 3], [5, 6, 7])).toBe(1);
    expect(pairwiseAccuracy([1, 1, 1], [5, 6, 7])).toBe(0.5);
    expect(pairwiseAccuracy([3, 2, 1], [5, 6, 7])).toBe(0);
  });

  it("averages tied ranks and takes the middle of an even list", () => {
    expect(ranks([5, 1, 5])).toEqual([2.5, 1, 2.5]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

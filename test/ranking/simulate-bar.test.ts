/** simulate's bar per workload item: its own, else not worse than the baseline, else the default answer. */
import { describe, expect, it } from "vitest";
import { barOfItem } from "../../src/market/simulate-routing.ts";

const baseline = { model: "opus", callCost: "0.05", quality: { quality: 80, low: 76, high: 84 } };

describe("simulate's bar for a workload item", () => {
  it("keeps an item's own bar", () => {
    expect(barOfItem({ task: "legal", share: 1, withinOfBest: 2 }, baseline)).toEqual({ minQuality: undefined, withinOfBest: 2, indistinguishable: undefined });
    expect(barOfItem({ task: "legal", share: 1, minQuality: 70 }, baseline)).toMatchObject({ minQuality: 70 });
    expect(barOfItem({ task: "legal", share: 1, indistinguishable: true }, baseline)).toMatchObject({ indistinguishable: true });
  });

  it("without one, routes within the baseline's quality in the class", () => {
    expect(barOfItem({ task: "chat", share: 1 }, baseline)).toEqual({ notWorseThan: { model: "opus", quality: 80, low: 76, high: 84 } });
  });

  it("without one and without a baseline quality in the class, leaves the default answer", () => {
    expect(barOfItem({ task: "chat", share: 1 }, { ...baseline, quality: null })).toEqual({});
  });
});

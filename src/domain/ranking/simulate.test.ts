import { describe, expect, it } from "vitest";
import { callsFromShares, simulateWorkload, withinBaseline } from "./simulate.ts";

const q = (quality: number, half = 2) => ({ quality, low: quality - half, high: quality + half });

describe("simulateWorkload", () => {
  it("adds the routed and baseline costs from their parts and gives the savings factor and quality per class", () => {
    const result = simulateWorkload([
      { task: "legal", calls: 200_000, routed: { model: "frontier", callCost: "0.02", ...q(80) }, baseline: { model: "frontier", callCost: "0.02", quality: q(80) } },
      { task: "chat", calls: 800_000, routed: { model: "small", callCost: "0.0005", ...q(60) }, baseline: { model: "frontier", callCost: "0.015", quality: q(75) } },
    ]);
    expect(result.lines.map((line) => [line.routedMonthly, line.baselineMonthly])).toEqual([
      ["4000", "4000"],
      ["400", "12000"],
    ]);
    expect(result.routedMonthly).toBe("4400");
    expect(result.baselineMonthly).toBe("16000");
    expect(result.savingsFactor).toBe(3.64);
    expect(result.lines.map((line) => [line.qualityDifference, line.withinBaseline])).toEqual([
      [0, true],
      [-15, false],
    ]);
    expect(result.allWithinBaseline).toBe(false);
  });

  it("counts a gap inside the intervals as within the baseline, a larger one not", () => {
    const line = (routed: number, half: number) => ({ routed: { model: "r", callCost: "1", ...q(routed, half) }, baseline: { model: "b", callCost: "1", quality: q(80, half) } });
    expect(withinBaseline(line(78, 3))).toBe(true);
    expect(withinBaseline(line(78, 0.5))).toBe(false);
    expect(withinBaseline(line(85, 0.5))).toBe(true);
  });

  it("is unknown when a class has no routed model", () => {
    const result = simulateWorkload([{ task: "math", calls: 10, routed: null, baseline: { model: "x", callCost: "1", quality: null } }]);
    expect(result.routedMonthly).toBeNull();
    expect(result.savingsFactor).toBeNull();
    expect(result.allWithinBaseline).toBeNull();
  });

  it("splits a monthly volume by shares", () => {
    expect(callsFromShares([{ share: 20 }, { share: 80 }], 1000)).toEqual([200, 800]);
  });
});

import { describe, expect, it } from "vitest";
import { callsFromShares, simulateWorkload } from "./simulate.ts";

describe("simulateWorkload", () => {
  it("adds the routed and baseline costs from their parts and gives the savings factor", () => {
    const result = simulateWorkload([
      { task: "legal", calls: 200_000, routed: { model: "frontier", callCost: "0.02", quality: 0.9 }, baseline: { model: "frontier", callCost: "0.02", quality: 0.9 } },
      { task: "chat", calls: 800_000, routed: { model: "small", callCost: "0.0005", quality: 0.7 }, baseline: { model: "frontier", callCost: "0.015", quality: 0.8 } },
    ]);
    expect(result.lines.map((line) => [line.routedMonthly, line.baselineMonthly])).toEqual([
      ["4000", "4000"],
      ["400", "12000"],
    ]);
    expect(result.routedMonthly).toBe("4400");
    expect(result.baselineMonthly).toBe("16000");
    expect(result.savingsFactor).toBe(3.64);
  });

  it("is unknown when a class has no routed model", () => {
    const result = simulateWorkload([{ task: "math", calls: 10, routed: null, baseline: { model: "x", callCost: "1", quality: null } }]);
    expect(result.routedMonthly).toBeNull();
    expect(result.savingsFactor).toBeNull();
  });

  it("splits a monthly volume by shares", () => {
    expect(callsFromShares([{ share: 20 }, { share: 80 }], 1000)).toEqual([200, 800]);
  });
});

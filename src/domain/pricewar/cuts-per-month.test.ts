import { describe, expect, it } from "vitest";
import { movesPerMonth } from "./cuts-per-month.ts";

describe("moves per month", () => {
  it("counts an offering once per month and direction, and every month of the range", () => {
    const moves = [
      { offeringId: 1, effectiveAt: new Date("2024-11-13T00:00:00Z"), direction: "cut" as const },
      // The same cut seen by a second source two weeks later.
      { offeringId: 1, effectiveAt: new Date("2024-11-27T00:00:00Z"), direction: "cut" as const },
      { offeringId: 2, effectiveAt: new Date("2024-11-08T00:00:00Z"), direction: "cut" as const },
      { offeringId: 2, effectiveAt: new Date("2024-11-08T00:00:01Z"), direction: "hike" as const },
      { offeringId: 3, effectiveAt: new Date("2025-01-31T23:59:59Z"), direction: "none" as const },
      { offeringId: 4, effectiveAt: new Date("2025-03-01T00:00:00Z"), direction: "mixed" as const },
    ];
    expect(movesPerMonth(moves, ["2024-11", "2024-12", "2025-01"], new Map([["2024-11", 5]]))).toEqual([
      { month: "2024-11", cut: 2, hike: 1, mixed: 0, none: 0, total: 3, priceRuns: 5 },
      { month: "2024-12", cut: 0, hike: 0, mixed: 0, none: 0, total: 0, priceRuns: 0 },
      { month: "2025-01", cut: 0, hike: 0, mixed: 0, none: 1, total: 1, priceRuns: 0 },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { dateInName, groupByDate, observationTime, orderSameDay, planBackfill } from "./backfill-plan.ts";

describe("backfill planning", () => {
  it("reads dates in every spelling the snapshots use", () => {
    expect(dateInName("model_prices_2024-11-13_e7543378b8.json")).toBe("2024-11-13");
    expect(dateInName("fboulnois.lmsys.v2025.01.16.4fcabce.csv")).toBe("2025-01-16");
    expect(dateInName("livebench.github.io.table_2024_11_25.4bf96c8.csv")).toBe("2024-11-25");
    expect(dateInName("snapshot-20240806.json")).toBe("2024-08-06");
    expect(dateInName("jasontrigg0.key_to_model.8862846.csv")).toBeNull();
    expect(dateInName("2026-03-17")).toBe("2026-03-17");
  });

  it("orders dated entries and lists undated ones", () => {
    const plan = planBackfill(["b_2025-01-02.json", "notes.txt", "a_2024-12-31.json", "c_2025-01-02.json"]);
    expect(plan.dated.map((entry) => entry.name)).toEqual(["a_2024-12-31.json", "b_2025-01-02.json", "c_2025-01-02.json"]);
    expect(plan.undated).toEqual(["notes.txt"]);
    expect(groupByDate(plan.dated).map((group) => group.length)).toEqual([1, 2]);
  });

  it("puts last the same-day entry closest to the next day's payload", () => {
    const group = [
      { name: "x_2025-02-07_346d.json", date: "2025-02-07" },
      { name: "x_2025-02-07_778b.json", date: "2025-02-07" },
    ];
    const facts = new Map([
      ["x_2025-02-07_346d.json", new Set(["deepseek=0.27/1.1", "gpt-4o=2.5/10"])],
      ["x_2025-02-07_778b.json", new Set(["deepseek=0.14/0.28", "gpt-4o=2.5/10"])],
    ]);
    const next = new Set(["deepseek=0.27/1.1", "gpt-4o=2.5/10"]);
    expect(orderSameDay(group, facts, next).map((entry) => entry.name)).toEqual(["x_2025-02-07_778b.json", "x_2025-02-07_346d.json"]);
    expect(orderSameDay(group, facts, null).map((entry) => entry.name)).toEqual(["x_2025-02-07_346d.json", "x_2025-02-07_778b.json"]);
  });

  it("spaces same-day observation times by a second", () => {
    expect(observationTime("2024-11-08", 1).toISOString()).toBe("2024-11-08T00:00:01.000Z");
  });
});

import { describe, expect, it } from "vitest";
import { asOfFromDocumentName, isoDateFromCompact, isoDateFromMonthDayYear } from "./as-of.ts";

describe("asOfFromDocumentName", () => {
  it.each([
    ["fboulnois.lmsys.v2025.04.24.20e2eef.csv", "2025-04-24"],
    ["fboulnois.lmsys.2024-06-19.3792cf0.csv", "2024-06-19"],
    ["benchmarks/lmarena/arena-catalog.leaderboard-text.2025-12-11.ea8297b.json", "2025-12-11"],
    ["elo_results_20250326.pkl", "2025-03-26"],
    ["2024-01-01/leaderboard-text.2025-05-24.json", "2025-05-24"],
  ])("%s -> %s", (name, date) => {
    expect(asOfFromDocumentName(name)).toBe(date);
  });

  it.each([
    "https://raw.githubusercontent.com/lmarena/arena-catalog/main/data/leaderboard-text.json",
    "jasontrigg0.key_to_model.8862846.csv",
    "leaderboard.2025-02-30.json",
    "commit-a20250326b.json",
  ])("finds no date in %s", (name) => {
    expect(asOfFromDocumentName(name)).toBeNull();
  });
});

describe("content dates", () => {
  it("reads YYYYMMDD and arena.ai's 'Jul 1, 2026'", () => {
    expect(isoDateFromCompact("20230508")).toBe("2023-05-08");
    expect(isoDateFromCompact("20231301")).toBeNull();
    expect(isoDateFromMonthDayYear("Jul 1, 2026")).toBe("2026-07-01");
    expect(isoDateFromMonthDayYear("September 30, 2025")).toBe("2025-09-30");
    expect(isoDateFromMonthDayYear("Feb 30, 2026")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { changeDays, endOfDay, monthEnds, monthsBetween, seriesDates, weekEnds } from "./series-dates.ts";

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe("series dates", () => {
  it("evaluates month-ends at the last millisecond of the month, then `until`", () => {
    expect(iso(monthEnds(new Date("2024-01-15T00:00:00Z"), new Date("2024-04-10T00:00:00Z")))).toEqual([
      "2024-01-31T23:59:59.999Z",
      "2024-02-29T23:59:59.999Z",
      "2024-03-31T23:59:59.999Z",
      "2024-04-10T00:00:00.000Z",
    ]);
  });

  it("does not repeat `until` when it is a month-end", () => {
    const until = new Date("2024-02-29T23:59:59.999Z");
    expect(iso(monthEnds(new Date("2024-02-01T00:00:00Z"), until))).toEqual(["2024-02-29T23:59:59.999Z"]);
  });

  it("steps weeks from the end of the first day", () => {
    expect(iso(weekEnds(new Date("2024-01-01T10:00:00Z"), new Date("2024-01-16T00:00:00Z")))).toEqual([
      "2024-01-01T23:59:59.999Z",
      "2024-01-08T23:59:59.999Z",
      "2024-01-15T23:59:59.999Z",
      "2024-01-16T00:00:00.000Z",
    ]);
  });

  it("reads change days once each, at the end of the day, from `since` to `until`", () => {
    const changes = [
      new Date("2025-02-07T00:00:00Z"),
      new Date("2025-02-07T00:00:01Z"),
      new Date("2024-12-01T00:00:00Z"),
      new Date("2025-05-31T00:00:00Z"),
      new Date("2026-01-01T00:00:00Z"),
    ];
    expect(iso(changeDays(changes, new Date("2025-01-01T00:00:00Z"), new Date("2025-06-30T00:00:00Z")))).toEqual([
      "2025-01-01T00:00:00.000Z",
      "2025-02-07T23:59:59.999Z",
      "2025-05-31T23:59:59.999Z",
      "2025-06-30T00:00:00.000Z",
    ]);
    expect(seriesDates("change", new Date("2025-01-01"), new Date("2025-01-02"), changes)).toHaveLength(2);
  });

  it("clamps a change day to `until` when `until` falls inside that day", () => {
    const until = new Date("2025-02-07T12:00:00Z");
    expect(iso(changeDays([new Date("2025-02-07T00:00:00Z")], new Date("2025-02-01T00:00:00Z"), until))).toEqual([
      "2025-02-01T00:00:00.000Z",
      "2025-02-07T12:00:00.000Z",
    ]);
  });

  it("lists calendar months and day ends", () => {
    expect(monthsBetween(new Date("2024-11-13T00:00:00Z"), new Date("2025-02-01T00:00:00Z"))).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    expect(endOfDay(new Date("2024-02-29T05:00:00Z")).toISOString()).toBe("2024-02-29T23:59:59.999Z");
  });
});

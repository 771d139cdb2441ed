import { describe, expect, it } from "vitest";
import { isUndatedStart, observedPeriod, UNDATED_START } from "./first-observation.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("first real observation of a period", () => {
  it("keeps a dated period as it is", () => {
    const period = { validFrom: day("2024-11-11"), validTo: null, firstSeenAt: day("2024-11-11") };
    expect(observedPeriod(period)).toBe(period);
  });

  it("starts an undated period at its first sighting when that came before its end", () => {
    const period = { validFrom: UNDATED_START, validTo: day("2026-09-01"), firstSeenAt: day("2026-08-06"), model: "anthropic/claude-sonnet-5" };
    expect(observedPeriod(period)).toEqual({ ...period, validFrom: day("2026-08-06") });
  });

  it("starts an open undated period at its first sighting", () => {
    expect(observedPeriod({ validFrom: UNDATED_START, validTo: null, firstSeenAt: day("2025-01-02") })?.validFrom).toEqual(day("2025-01-02"));
  });

  it("leaves out an undated period first seen only after it ended, or never seen by a run", () => {
    expect(observedPeriod({ validFrom: UNDATED_START, validTo: day("2025-02-08"), firstSeenAt: day("2026-03-17") })).toBeNull();
    expect(observedPeriod({ validFrom: UNDATED_START, validTo: day("2025-02-08"), firstSeenAt: day("2025-02-08") })).toBeNull();
    expect(observedPeriod({ validFrom: UNDATED_START, validTo: day("2025-02-08"), firstSeenAt: null })).toBeNull();
  });

  it("reads the placeholder start, and anything before it, as undated", () => {
    expect(isUndatedStart(UNDATED_START)).toBe(true);
    expect(isUndatedStart(new Date("1969-12-31T00:00:00Z"))).toBe(true);
    expect(isUndatedStart(day("2023-11-14"))).toBe(false);
  });
});

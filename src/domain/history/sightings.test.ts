import { describe, expect, it } from "vitest";
import { planSightings, type SeenPeriod } from "./sightings.ts";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const period = (id: number, lastSeen: string, seenInLatestRun: boolean, validTo: string | null = null): SeenPeriod => ({
  id,
  validTo: validTo ? d(validTo) : null,
  lastSeenAt: d(lastSeen),
  seenInLatestRun,
});

describe("planSightings", () => {
  it("writes nothing for periods a current run sees again that its source's latest run saw", () => {
    const plan = planSightings([period(1, "2026-01-01", true), period(2, "2026-01-01", true)], new Set(), d("2026-01-02"), false);
    expect(plan).toEqual({ stillSeen: [1, 2], promote: [], refresh: [] });
  });

  it("promotes an open period the latest run did not see", () => {
    const plan = planSightings([period(1, "2025-12-01", false), period(2, "2026-01-01", true)], new Set(), d("2026-01-02"), false);
    expect(plan).toEqual({ stillSeen: [2], promote: [1], refresh: [] });
  });

  it("leaves closed periods alone, whether closed before or by this run", () => {
    const plan = planSightings([period(1, "2025-12-01", false, "2025-12-15"), period(2, "2026-01-01", true)], new Set([2]), d("2026-01-02"), false);
    expect(plan).toEqual({ stillSeen: [], promote: [], refresh: [] });
  });

  it("a history run moves only the own last sighting of periods not seen in the latest run, and only forward", () => {
    const seen = [period(1, "2025-11-01", false), period(2, "2026-01-01", true), period(3, "2025-12-20", false)];
    expect(planSightings(seen, new Set(), d("2025-12-01"), true)).toEqual({ stillSeen: [], promote: [], refresh: [1] });
  });
});

import { describe, expect, it } from "vitest";
import { planSeries, type RecordedPeriod } from "./period-plan.ts";

const d = (day: string) => new Date(`${day}T00:00:00Z`);
const same = (a: string, b: string) => a === b;
const recorded = (id: number, from: string, to: string | null, value: string, lastSeen = to ?? from): RecordedPeriod<string> => ({
  id,
  validFrom: d(from),
  validTo: to ? d(to) : null,
  lastSeenAt: d(lastSeen),
  value,
});
const seen = (from: string, value: string, to: string | null = null) => ({ validFrom: d(from), validTo: to ? d(to) : null, value });

describe("planSeries", () => {
  it("opens a first period with a listed event", () => {
    const plan = planSeries([], [seen("2024-01-01", "5")], d("2024-01-01"), true, same);
    expect(plan.open).toEqual([{ validFrom: d("2024-01-01"), validTo: null, value: "5" }]);
    expect(plan.events).toEqual([{ kind: "listed", effectiveAt: d("2024-01-01"), period: { kind: "planned", index: 0 }, value: "5" }]);
  });

  it("only touches an unchanged period", () => {
    const plan = planSeries([recorded(1, "2024-01-01", null, "5")], [seen("2024-02-01", "5")], d("2024-02-01"), true, same);
    expect(plan).toEqual({ touch: [1], close: [], open: [], events: [], rejected: [] });
  });

  it("changes nothing when the same observation comes again (seen again at its last sighting)", () => {
    const plan = planSeries([recorded(1, "2024-01-01", null, "5", "2024-02-01")], [seen("2024-02-01", "5")], d("2024-02-01"), true, same);
    expect(plan).toEqual({ touch: [1], close: [], open: [], events: [], rejected: [] });
  });

  it("closes and opens on a change, with a change event", () => {
    const plan = planSeries([recorded(1, "2024-01-01", null, "5")], [seen("2024-11-13", "2.5")], d("2024-11-13"), true, same);
    expect(plan.close).toEqual([{ id: 1, validTo: d("2024-11-13") }]);
    expect(plan.open).toEqual([{ validFrom: d("2024-11-13"), validTo: null, value: "2.5" }]);
    expect(plan.events).toEqual([
      { kind: "changed", effectiveAt: d("2024-11-13"), from: { kind: "recorded", id: 1 }, to: { kind: "planned", index: 0 }, oldValue: "5", newValue: "2.5" },
    ]);
  });

  it("delists a series absent from a full snapshot, and relists it later", () => {
    const delist = planSeries([recorded(1, "2024-01-01", null, "5")], [], d("2024-03-01"), true, same);
    expect(delist.close).toEqual([{ id: 1, validTo: d("2024-03-01") }]);
    expect(delist.events[0]).toMatchObject({ kind: "delisted", effectiveAt: d("2024-03-01") });

    const relist = planSeries([recorded(1, "2024-01-01", "2024-03-01", "5")], [seen("2024-05-01", "5")], d("2024-05-01"), true, same);
    expect(relist.open).toEqual([{ validFrom: d("2024-05-01"), validTo: null, value: "5" }]);
    expect(relist.events[0]).toMatchObject({ kind: "listed", effectiveAt: d("2024-05-01") });
  });

  it("does not delist from a partial snapshot", () => {
    const plan = planSeries([recorded(1, "2024-01-01", null, "5")], [], d("2024-03-01"), false, same);
    expect(plan.close).toEqual([]);
  });

  it("rejects an older observation that disagrees with recorded history, and accepts one that agrees", () => {
    const history = [recorded(1, "2024-01-01", "2024-06-01", "5"), recorded(2, "2024-06-01", null, "4", "2024-09-01")];
    const disagrees = planSeries(history, [seen("2024-03-01", "3")], d("2024-03-01"), true, same);
    expect(disagrees.rejected).toHaveLength(1);
    expect(disagrees.open).toEqual([]);
    const agrees = planSeries(history, [seen("2024-03-01", "5")], d("2024-03-01"), true, same);
    expect(agrees).toEqual({ touch: [], close: [], open: [], events: [], rejected: [] });
    const beforeHistory = planSeries(history, [seen("2023-01-01", "5")], d("2023-01-01"), true, same);
    expect(beforeHistory.rejected[0]).toMatch(/predates recorded history/);
  });

  it("does not delist on an older snapshot that lacks a series seen later", () => {
    const plan = planSeries([recorded(1, "2024-01-01", null, "5", "2024-09-01")], [], d("2024-03-01"), true, same);
    expect(plan.close).toEqual([]);
  });

  it("builds a dated history in one run: consecutive periods are changes, an end is a delisting", () => {
    const plan = planSeries(
      [],
      [seen("2024-01-01", "0.14", "2025-02-08"), seen("2025-02-08", "0.27")],
      d("2026-08-21"),
      true,
      same,
    );
    expect(plan.open).toEqual([
      { validFrom: d("2024-01-01"), validTo: d("2025-02-08"), value: "0.14" },
      { validFrom: d("2025-02-08"), validTo: null, value: "0.27" },
    ]);
    expect(plan.events.map((e) => [e.kind, e.effectiveAt.toISOString().slice(0, 10)])).toEqual([
      ["listed", "2024-01-01"],
      ["changed", "2025-02-08"],
    ]);
  });

  it("re-ingesting a dated history changes nothing", () => {
    const history = [recorded(1, "2024-01-01", "2025-02-08", "0.14", "2026-08-21"), recorded(2, "2025-02-08", null, "0.27", "2026-08-21")];
    const plan = planSeries(history, [seen("2024-01-01", "0.14", "2025-02-08"), seen("2025-02-08", "0.27")], d("2026-08-21"), true, same);
    expect(plan).toEqual({ touch: [1, 2], close: [], open: [], events: [], rejected: [] });
  });

  it("rejects two different values at the same instant", () => {
    const plan = planSeries([recorded(1, "2024-01-01", null, "5")], [seen("2024-01-01", "6")], d("2024-01-01"), true, same);
    expect(plan.rejected[0]).toMatch(/different value is already recorded/);
  });

  describe("a run older than the source's newest one (history)", () => {
    const historyUntil = d("2024-03-01");

    it("bounds a new offering's period by the source's next observation: never current, delisted there", () => {
      const plan = planSeries([], [seen("2024-02-01", "5")], d("2024-02-01"), true, same, { historyUntil });
      expect(plan.open).toEqual([{ validFrom: d("2024-02-01"), validTo: historyUntil, value: "5" }]);
      expect(plan.events.map((event) => [event.kind, event.effectiveAt])).toEqual([
        ["listed", d("2024-02-01")],
        ["delisted", historyUntil],
      ]);
    });

    it("bounds a period before recorded history by the next recorded period, without a delisting", () => {
      const plan = planSeries([recorded(1, "2024-02-15", null, "4", "2024-03-01")], [seen("2024-02-01", "5")], d("2024-02-01"), true, same, {
        historyUntil,
      });
      expect(plan.open).toEqual([{ validFrom: d("2024-02-01"), validTo: d("2024-02-15"), value: "5" }]);
      expect(plan.close).toEqual([]);
      expect(plan.events.map((event) => event.kind)).toEqual(["listed"]);
    });

    it("never replaces a current value the source reported later", () => {
      const plan = planSeries([recorded(1, "2024-01-01", null, "4", "2024-03-01")], [seen("2024-02-01", "5")], d("2024-02-01"), true, same, {
        historyUntil,
      });
      expect(plan).toMatchObject({ close: [], open: [], events: [] });
      expect(plan.rejected).toEqual([expect.stringMatching(/older than the source's newest one and disagrees/)]);
    });

    it("never delists", () => {
      const plan = planSeries([recorded(1, "2024-01-01", null, "4", "2024-01-01")], [], d("2024-02-01"), true, same, { historyUntil });
      expect(plan).toEqual({ touch: [], close: [], open: [], events: [], rejected: [] });
    });
  });
});

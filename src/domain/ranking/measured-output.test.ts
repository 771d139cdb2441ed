import { describe, expect, it } from "vitest";
import { compareDecimal } from "../money.ts";
import { MAX_FACTOR, costBases, withMeasuredCallCosts, type MeasuredCandidate } from "./measured-output.ts";
import { runPriceFrom, type OutputPricePeriod } from "./price-at-run.ts";

const profile = { inputTokens: 2000, outputTokens: 400, cachedShare: 0 };

/** A model priced at `output` $/1M out and 1/4 of it in, whose run of `setting` cost `cost` on each benchmark. */
function candidate(model: string, output: number, runs: Record<string, number>, setting = "default"): MeasuredCandidate {
  const callCost = ((profile.inputTokens * output) / 4 + profile.outputTokens * output) / 1_000_000;
  return {
    model,
    callCost: String(callCost),
    blendedPerMillion: String((callCost * 1_000_000) / (profile.inputTokens + profile.outputTokens)),
    offering: { output: String(output) },
    components: Object.keys(runs).map((benchmark) => ({ benchmark, setting })),
    measuredCosts: Object.entries(runs).map(([benchmark, costUsd]) => ({ benchmark, setting, source: "s", costUsd: String(costUsd), asOf: "2026-01-01" })),
  };
}

const cohort = [candidate("a", 10, { aider: 10, vals: 1 }), candidate("b", 2, { aider: 2, vals: 0.2 }), candidate("c", 5, { aider: 5, vals: 0.5 })];

describe("cost per task from measured runs", () => {
  it("gives models that spend the same tokens the profile's output (factor 1), whatever their price", () => {
    for (const basis of costBases(cohort, profile).values()) {
      expect(basis.kind).toBe("measured");
      expect(basis.factor).toBeCloseTo(1, 9);
      expect(basis.outputTokens).toBe(profile.outputTokens);
    }
  });

  it("is monotone: a model whose scored run cost more gets more output and a dearer call", () => {
    const costs = [5, 10, 20, 40].map((spent) => {
      const priced = withMeasuredCallCosts([...cohort, candidate("d", 5, { aider: spent, vals: spent / 10 })], profile);
      return priced.find((entry) => entry.model === "d")!;
    });
    for (let i = 1; i < costs.length; i++) {
      expect(costs[i]!.costBasis.outputTokens).toBeGreaterThan(costs[i - 1]!.costBasis.outputTokens);
      expect(compareDecimal(costs[i]!.callCost, costs[i - 1]!.callCost)).toBe(1);
    }
  });

  it("does not depend on the run's unit: per run or per task on one benchmark is the same ratio", () => {
    const perRun = costBases([...cohort, candidate("d", 5, { aider: 20 })], profile).get("d")!;
    const perTask = costBases([...cohort.map((c) => ({ ...c, measuredCosts: c.measuredCosts.map((run) => ({ ...run, costUsd: String(Number(run.costUsd) / 225) })) })), candidate("d", 5, { aider: 20 / 225 })], profile).get("d")!;
    expect(perTask.factor).toBeCloseTo(perRun.factor, 9);
  });

  it("reads only the run of the setting whose score counts", () => {
    const scoredLow = candidate("d", 5, { aider: 40 }, "high");
    const mismatched: MeasuredCandidate = { ...scoredLow, components: [{ benchmark: "aider", setting: "low" }] };
    const [, , , priced] = withMeasuredCallCosts([...cohort, mismatched], profile);
    expect(priced!.costBasis.kind).toBe("profile");
    expect(priced!.callCost).toBe(mismatched.callCost);
  });

  it("keeps the profile without a measured run or a cohort, and bounds the factor", () => {
    const alone = withMeasuredCallCosts([candidate("x", 3, {}), candidate("y", 3, { aider: 1 })], profile);
    expect(alone.map((entry) => entry.costBasis.kind)).toEqual(["profile", "profile"]);
    expect(alone.map((entry) => entry.callCost)).toEqual([candidate("x", 3, {}).callCost, candidate("y", 3, { aider: 1 }).callCost]);
    const extreme = costBases([...cohort, candidate("d", 5, { aider: 5000 })], profile).get("d")!;
    expect(extreme.factor).toBe(MAX_FACTOR);
    expect(extreme.outputTokens).toBe(profile.outputTokens * MAX_FACTOR);
  });

  describe("a run is read at the output price in force at its date", () => {
    const offering = { provider: "lab", variant: "standard", region: "", source: "lab-pricing" };
    const period = (output: string, validFrom: string, validTo: string | null): OutputPricePeriod => ({ ...offering, output, validFrom: new Date(validFrom), validTo: validTo === null ? null : new Date(validTo) });
    // d spent as many tokens as the cohort: its run (2026-01-01) cost 10 at $10/1M out; the price was cut to $5 on 2026-03-01.
    const cut = { ...candidate("d", 5, { aider: 10, vals: 1 }), offering: { output: "5", ...offering } };
    const cutHistory = new Map([["d", [period("10", "2025-06-01", "2026-03-01"), period("5", "2026-03-01", null)]]]);

    it("a model whose price was cut after its run keeps the cohort's output, not double", () => {
      const dated = costBases([...cohort, cut], profile, runPriceFrom(cutHistory)).get("d")!;
      expect(dated.factor).toBeCloseTo(1, 9);
      expect(dated.runs.map((run) => [run.outputPrice, run.priceAt])).toEqual([["10", "run date"], ["10", "run date"]]);
      // Read at today's price the same run looks like twice the tokens.
      const current = costBases([...cohort, cut], profile).get("d")!;
      expect(current.factor).toBeCloseTo(2, 9);
      expect(current.runs.every((run) => run.priceAt === "current (no price in force at the run date)")).toBe(true);
    });

    it("the extra output of the call is priced at today's price", () => {
      const dearer = { ...cut, measuredCosts: cut.measuredCosts.map((run) => ({ ...run, costUsd: String(Number(run.costUsd) * 2) })) };
      const [priced] = withMeasuredCallCosts([dearer, ...cohort], profile, runPriceFrom(cutHistory));
      expect(priced!.costBasis.outputTokens).toBe(profile.outputTokens * 2);
      expect(Number(priced!.callCost) - Number(dearer.callCost)).toBeCloseTo((profile.outputTokens * 5) / 1_000_000, 12);
    });

    it("falls back to the current price, stated, when the offering had no price at the run's date", () => {
      const later = new Map([["d", [period("10", "2026-02-01", "2026-03-01"), period("5", "2026-03-01", null)]]]);
      const basis = costBases([...cohort, cut], profile, runPriceFrom(later)).get("d")!;
      expect(basis.runs.map((run) => [run.outputPrice, run.priceAt])).toEqual([["5", "current (no price in force at the run date)"], ["5", "current (no price in force at the run date)"]]);
    });

    it("reads the offering's own price, not another seller's", () => {
      const otherSeller = new Map([["d", [{ ...period("1", "2025-01-01", null), provider: "host" }]]]);
      const basis = costBases([...cohort, cut], profile, runPriceFrom(otherSeller)).get("d")!;
      expect(basis.runs.every((run) => run.outputPrice === "5")).toBe(true);
    });
  });
});

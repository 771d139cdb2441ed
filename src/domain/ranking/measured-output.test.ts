import { describe, expect, it } from "vitest";
import { compareDecimal } from "../money.ts";
import { MAX_FACTOR, costBases, withMeasuredCallCosts, type MeasuredCandidate } from "./measured-output.ts";

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
});

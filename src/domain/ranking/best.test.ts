import { describe, expect, it } from "vitest";
import { rankBest, type Candidate } from "./best.ts";
import { dominates, paretoFrontier } from "./pareto.ts";

const c = (model: string, quality: number, callCost: string): Candidate => ({
  model,
  quality,
  coverage: 1,
  callCost,
  blendedPerMillion: String(Number(callCost) * 1000),
  offering: { provider: "p", variant: "standard", region: "", source: "s" },
});
const pool = [c("frontier", 0.9, "0.02"), c("mid", 0.86, "0.004"), c("small", 0.7, "0.0005"), c("pricey-weak", 0.6, "0.03")];

describe("rankBest", () => {
  it("picks the cheapest model within 5% of the best, and no cheaper candidate meets the bar", () => {
    const result = rankBest(pool, { withinOfBest: 0.05, objective: "cost", limit: 10 });
    expect(result.bar).toBeCloseTo(0.855);
    expect(result.candidates.map((r) => r.model)).toEqual(["mid", "frontier"]);
    expect(result.candidates[0]!.reason).toMatch(/^cheapest model that meets the bar 0\.855/);
    expect(result.candidates[1]!.reason).toMatch(/5\.00x the cheapest/);
  });

  it("takes an absolute bar", () => {
    expect(rankBest(pool, { minQuality: 0.65, objective: "cost", limit: 1 }).candidates.map((r) => r.model)).toEqual(["small"]);
  });

  it("with objective quality returns the best under the price cap", () => {
    const result = rankBest(pool, { maxPrice: 5, objective: "quality", limit: 2 });
    expect(result.candidates.map((r) => r.model)).toEqual(["mid", "small"]);
    expect(result.candidates[0]!.reason).toMatch(/^best quality under \$5\/1M/);
  });

  it("returns no candidate when none meets the bar under the cap", () => {
    expect(rankBest(pool, { minQuality: 0.95, objective: "cost", limit: 5 }).candidates).toEqual([]);
  });
});

describe("paretoFrontier", () => {
  it("keeps exactly the non-dominated models", () => {
    const frontier = paretoFrontier(pool);
    expect(frontier.map((f) => f.model)).toEqual(["small", "mid", "frontier"]);
    for (const point of frontier) expect(pool.some((other) => dominates(other, point))).toBe(false);
    expect(dominates(pool[1]!, pool[3]!)).toBe(true);
  });
});

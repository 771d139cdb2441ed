import { describe, expect, it } from "vitest";
import { DEFAULT_FLOOR, DEFAULT_MARGIN, indistinguishableFrom, notWorseThan, rankBest, type Candidate } from "./best.ts";
import { withinBaseline } from "./simulate.ts";
import { dominates, paretoFrontier } from "./pareto.ts";

const c = (model: string, quality: number, callCost: string, halfWidth = 2): Candidate => ({
  model,
  quality,
  low: quality - halfWidth,
  high: quality + halfWidth,
  coverage: 1,
  callCost,
  blendedPerMillion: String(Number(callCost) * 1000),
  offering: { provider: "p", variant: "standard", region: "", source: "s" },
});
const pool = [c("frontier", 90, "0.02"), c("mid", 86, "0.004"), c("small", 70, "0.0005"), c("pricey-weak", 60, "0.03")];

describe("rankBest", () => {
  it("reads withinOfBest as points below the best", () => {
    const result = rankBest(pool, { withinOfBest: 5, objective: "cost", limit: 10 });
    expect(result.bar).toBe(85);
    expect(result.candidates.map((r) => r.model)).toEqual(["mid", "frontier"]);
    expect(result.candidates[0]!.reason).toMatch(/within 5 points of the best \(frontier, 90\.0\)/);
    expect(result.candidates[1]!.reason).toMatch(/5\.00x the cheapest/);
  });

  it("takes an absolute bar in the class's units", () => {
    expect(rankBest(pool, { minQuality: 65, objective: "cost", limit: 1 }).candidates.map((r) => r.model)).toEqual(["small"]);
  });

  it("with objective quality returns the best under the price cap", () => {
    const result = rankBest(pool, { maxPrice: 5, objective: "quality", limit: 2 });
    expect(result.candidates.map((r) => r.model)).toEqual(["mid", "small"]);
    expect(result.candidates[0]!.reason).toMatch(/^best quality under \$5\/1M/);
  });

  it("returns no candidate when none meets the bar under the cap", () => {
    expect(rankBest(pool, { minQuality: 95, objective: "cost", limit: 5 }).candidates).toEqual([]);
  });

  it("calls a gap indistinguishable only when the intervals explain it", () => {
    expect(indistinguishableFrom(c("a", 80, "1", 3), c("b", 77, "1", 3))).toBe(true);
    expect(indistinguishableFrom(c("a", 80, "1", 1), c("b", 74, "1", 1))).toBe(false);
    // A wider interval makes the same gap indistinguishable.
    expect(indistinguishableFrom(c("a", 80, "1", 1), c("b", 74, "1", 10))).toBe(true);
    const result = rankBest([c("a", 80, "1", 1), c("b", 79, "0.1", 1), c("c", 70, "0.01", 1)], { indistinguishable: true, objective: "cost", limit: 5 });
    expect(result.candidates.map((r) => r.model)).toEqual(["b", "a"]);
  });

  it("default answer: the cheapest model within the margin of the best whose interval's low end stays within the floor, and says so", () => {
    const best = c("best", 80, "1", 2);
    const close = c("close", 76, "0.1", 4); // 4 below, low 72 >= 70
    const vague = c("vague", 79, "0.01", 12); // low 67: could be far worse
    const weaker = c("weaker", 74, "0.001", 1); // 6 below the best
    const result = rankBest([best, close, vague, weaker], { objective: "cost", limit: 1 });
    expect(result.barKind).toBe("default");
    expect(result.candidates[0]!.model).toBe("close");
    expect(result.candidates[0]!.reason).toMatch(new RegExp(`default answer: within ${DEFAULT_MARGIN} points of the best \\(best, 80\\.0 .*low end within ${DEFAULT_FLOOR}`));
    // The best always qualifies, however wide its own interval.
    expect(rankBest([c("only", 50, "1", 30)], { objective: "cost", limit: 1 }).candidates.map((r) => r.model)).toEqual(["only"]);
    // A model known only vaguely (interval wider than DEFAULT_MAX_WIDTH) is not the reference while narrower ones exist.
    const guessed = rankBest([c("guess", 90, "5", 15), best, close], { objective: "cost", limit: 1 });
    expect(guessed.best?.model).toBe("best");
    expect(guessed.candidates[0]!.model).toBe("close");
  });

  it("says plainly when a model has no score in the class: its quality is extrapolated from linked benchmarks, with its interval's width", () => {
    const linkedOnly = { ...c("linked", 85, "0.001", 6), coverage: 0 };
    const result = rankBest([c("scored", 86, "0.01", 2), linkedOnly], { objective: "cost", limit: 2, task: "classification" });
    const reasons = new Map(result.candidates.map((r) => [r.model, r.reason]));
    expect(reasons.get("linked")).toMatch(/no classification scores for this model; quality extrapolated from linked benchmarks .*interval 12\.0 points wide$/);
    expect(reasons.get("scored")).not.toMatch(/extrapolated/);
  });

  it("maxWidth leaves out candidates with wider intervals, before the best is chosen", () => {
    const result = rankBest([c("wide-top", 90, "1", 20), c("narrow", 85, "1", 2)], { maxWidth: 10, objective: "quality", limit: 5 });
    expect(result.best?.model).toBe("narrow");
    expect(result.candidates.map((r) => r.model)).toEqual(["narrow"]);
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

describe("notWorseThan bar", () => {
  const reference = { model: "ref", quality: 73, low: 70, high: 76 };
  const at = (model: string, quality: number, halfWidth: number, cost: string) => ({
    model,
    quality,
    low: quality - halfWidth,
    high: quality + halfWidth,
    coverage: 1,
    callCost: cost,
    blendedPerMillion: cost,
    offering: { provider: "p", variant: "standard", region: "global", source: "s" },
  });

  it("keeps exactly the candidates the one-sided test cannot call worse, and is monotone in quality", () => {
    const candidates = [at("a", 73, 3, "5"), at("b", 71, 3, "1"), at("c", 67, 3, "0.5"), at("d", 60, 3, "0.1"), at("ref", 73, 3, "9")];
    const result = rankBest(candidates, { objective: "cost", limit: 10, notWorseThan: reference });
    expect(result.barKind).toBe("notWorseThan");
    const kept = new Set(result.candidates.map((candidate) => candidate.model));
    for (const candidate of candidates) expect(kept.has(candidate.model)).toBe(notWorseThan(reference, candidate));
    expect(kept.has("ref")).toBe(true);
    expect(kept.has("d")).toBe(false);
    // Raising a candidate's quality never makes it fail.
    for (let quality = 60; quality <= 80; quality++) {
      if (notWorseThan(reference, at("x", quality, 3, "1"))) expect(notWorseThan(reference, at("x", quality + 1, 3, "1"))).toBe(true);
    }
  });

  it("matches simulate's within-baseline test, so a class routed at this bar stays within the baseline", () => {
    for (const quality of [60, 66, 68, 70, 73, 80]) {
      const routed = at("x", quality, 3, "1");
      expect(withinBaseline({ routed, baseline: { model: "ref", callCost: "9", quality: reference } })).toBe(notWorseThan(reference, routed));
    }
  });

  it("does not pass a model on a wide interval alone: it reads intervals at most DEFAULT_MAX_WIDTH wide unless maxWidth is given", () => {
    const vague = at("vague", 60, 25, "0.01");
    expect(notWorseThan(reference, vague)).toBe(true);
    const result = rankBest([vague, at("b", 71, 3, "1"), at("ref", 73, 3, "9")], { objective: "cost", limit: 10, notWorseThan: reference });
    expect(result.candidates.map((candidate) => candidate.model)).toEqual(["b", "ref"]);
    const capped = rankBest([vague, at("b", 71, 3, "1")], { objective: "cost", limit: 10, notWorseThan: reference, maxWidth: 60 });
    expect(capped.candidates[0]!.model).toBe("vague");
  });
});

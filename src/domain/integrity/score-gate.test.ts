import { describe, expect, it } from "vitest";
import { scoreObservationSchema } from "../observation.ts";
import { gateScoreRun } from "./score-gate.ts";

const definitions = [{ id: "aider-polyglot", scale: "percent" as const }];
const score = (extra: Record<string, unknown>) =>
  ({ ...scoreObservationSchema.parse({ benchmark: "aider-polyglot", scale: "percent", model: "o3", score: 79.6, asOf: "2025-04-16" }), ...extra });

describe("gateScoreRun", () => {
  it("accepts a finite score of a defined benchmark on its scale", () => {
    expect(gateScoreRun("aider", definitions, [score({})])).toEqual({ accepted: [score({})], rejected: [] });
  });

  it.each([
    [{ score: Number.POSITIVE_INFINITY }, /^rejected: score Infinity is not finite$/],
    [{ score: Number.NaN }, /^rejected: score NaN is not finite$/],
    [{ ciUpper: Number.NEGATIVE_INFINITY }, /^rejected: ciUpper -Infinity is not finite$/],
    [{ benchmark: "swe-bench-verified" }, /^unknown benchmark "swe-bench-verified" \(not among aider's definitions\)$/],
    [{ scale: "elo" }, /^score on the elo scale for aider-polyglot, which is defined on the percent scale$/],
  ])("rejects %o with its reason", (extra, reason) => {
    expect(gateScoreRun("aider", definitions, [score(extra)])).toEqual({ accepted: [], rejected: [{ name: "o3", reason: expect.stringMatching(reason) }] });
  });
});

import { describe, expect, it } from "vitest";
import type { TaskClass } from "./catalogue.ts";
import { MIN_COHORT, percentileRanks, qualityForTask, rankBenchmark, type BenchmarkInfo, type ScoreAtDate } from "./quality.ts";

const ELO: BenchmarkInfo = { id: "arena", scale: "elo", higherIsBetter: true };
const PERCENT: BenchmarkInfo = { id: "bench", scale: "percent", higherIsBetter: true };

function score(benchmarkId: string, modelId: string, value: number, setting = ""): ScoreAtDate {
  return { modelId, benchmarkId, sourceId: "src", setting, score: String(value), rawName: `${modelId} ${setting}`.trim(), validFrom: new Date("2025-06-01T00:00:00Z") };
}

function task(components: Array<[string, number] | [string, number, string[]]>): TaskClass {
  return {
    id: "demo",
    name: "Demo",
    description: "d",
    rationale: "r",
    profile: { inputTokens: 1, outputTokens: 1, cachedShare: 0, why: "w" },
    components: components.map(([key, weight, versions]) => ({ key, benchmarks: versions ?? [key], weight, why: "w" })),
  };
}

const cohortsOf = (...entries: Array<[BenchmarkInfo, ScoreAtDate[]]>) => new Map(entries.map(([info, scores]) => [info.id, rankBenchmark(info, scores)]));

describe("percentileRanks", () => {
  it("maps the worst to 0 and the best to 1, ties sharing their mean rank", () => {
    expect(percentileRanks([30, 10, 20])).toEqual([1, 0, 0.5]);
    expect(percentileRanks([1, 1, 2, 3, 3])).toEqual([0.125, 0.125, 0.5, 0.875, 0.875]);
    expect(percentileRanks([7, 7])).toEqual([0.5, 0.5]);
    expect(percentileRanks([42])).toEqual([0.5]);
  });
});

describe("rankBenchmark", () => {
  it("ranks each model's best setting once, and names it", () => {
    const cohort = rankBenchmark(PERCENT, [
      score("bench", "a", 50, "low"),
      score("bench", "a", 80, "high"),
      score("bench", "b", 60),
      score("bench", "c", 70),
      score("bench", "d", 10),
      score("bench", "e", 20),
      score("other", "f", 99),
    ]);
    expect(cohort.size).toBe(5);
    expect(cohort.byModel.get("a")).toMatchObject({ normalised: 1, score: { setting: "high", score: "80" } });
    expect(cohort.byModel.get("d")!.normalised).toBe(0);
    expect(cohort.byModel.has("f")).toBe(false);
  });

  it("inverts a lower-is-better benchmark", () => {
    const cohort = rankBenchmark({ id: "errors", scale: "percent", higherIsBetter: false }, ["a", "b", "c", "d", "e"].map((m, i) => score("errors", m, i)));
    expect(cohort.byModel.get("a")!.normalised).toBe(1);
    expect(cohort.byModel.get("e")!.normalised).toBe(0);
  });

  it(`ranks nothing in a cohort smaller than ${MIN_COHORT}`, () => {
    const cohort = rankBenchmark(PERCENT, ["a", "b", "c", "d"].map((m, i) => score("bench", m, i)));
    expect(cohort.size).toBe(4);
    expect(cohort.byModel.size).toBe(0);
  });
});

describe("qualityForTask", () => {
  const models = ["a", "b", "c", "d", "e"];
  // Elo in the thousands and percentages: the same order gives the same normalised scores.
  const arena = models.map((m, i) => score("arena", m, 1200 + 50 * i));
  const bench = models.map((m, i) => score("bench", m, 10 * (i + 1)));

  it("puts an Elo rating and a percentage on one 0..1 scale", () => {
    const ranked = qualityForTask(task([["arena", 0.5], ["bench", 0.5]]), cohortsOf([ELO, arena], [PERCENT, bench]));
    expect(ranked.map((m) => [m.model, m.quality, m.coverage])).toEqual([
      ["e", 1, 1],
      ["d", 0.75, 1],
      ["c", 0.5, 1],
      ["b", 0.25, 1],
      ["a", 0, 1],
    ]);
    expect(ranked[0]!.components).toEqual([
      { component: "arena", benchmark: "arena", source: "src", scale: "elo", weight: 0.5, rawScore: "1400", normalised: 1, setting: "", rawName: "e", asOf: "2025-06-01", cohort: 5 },
      { component: "bench", benchmark: "bench", source: "src", scale: "percent", weight: 0.5, rawScore: "50", normalised: 1, setting: "", rawName: "e", asOf: "2025-06-01", cohort: 5 },
    ]);
  });

  it("averages over the components a model has and reports the weight they carry as coverage", () => {
    // f is only on the arena board, best there; e drops out of it.
    const arenaWithF = [...arena.filter((s) => s.modelId !== "e"), score("arena", "f", 1500)];
    const ranked = qualityForTask(task([["arena", 0.75], ["bench", 0.25]]), cohortsOf([ELO, arenaWithF], [PERCENT, bench]));
    const byModel = new Map(ranked.map((m) => [m.model, m]));
    expect(byModel.get("f")).toMatchObject({ quality: 1, coverage: 0.75, missing: ["bench"] });
    expect(byModel.get("e")).toMatchObject({ quality: 1, coverage: 0.25, missing: ["arena"] });
    // d: arena rank 3 of 0..4 (0.75), bench rank 3 of 0..4 (0.75).
    expect(byModel.get("d")).toMatchObject({ quality: 0.75, coverage: 1 });
    // Equal quality: the better covered model first.
    expect(ranked.slice(0, 2).map((m) => m.model)).toEqual(["f", "e"]);
  });

  it("uses one version of a re-based index for every model, the newest with a cohort", () => {
    const v2 = ["a", "b", "c", "d", "e", "old"].map((m, i) => score("index-v2", m, 60 + i));
    const v4 = ["a", "b", "c", "d", "e"].map((m, i) => score("index-v4-1", m, 40 - i));
    const component: [string, number, string[]] = ["index", 1, ["index-v4-1", "index-v2"]];
    const infoV2 = { id: "index-v2", scale: "index", higherIsBetter: true } as const;
    const infoV4 = { id: "index-v4-1", scale: "index", higherIsBetter: true } as const;

    const now = qualityForTask(task([component]), cohortsOf([infoV4, v4], [infoV2, v2]));
    expect(now.map((m) => m.model)).toEqual(["a", "b", "c", "d", "e"]);
    expect(new Set(now.flatMap((m) => m.components.map((c) => c.benchmark)))).toEqual(new Set(["index-v4-1"]));
    expect(now[0]!.components[0]).toMatchObject({ component: "index", rawScore: "40", normalised: 1 });

    // Before v4.1 had scores (no cohort at the date), v2 counts, for every model alike.
    const before = qualityForTask(task([component]), cohortsOf([infoV4, []], [infoV2, v2]));
    expect(before.map((m) => m.model)).toEqual(["old", "e", "d", "c", "b", "a"]);
    expect(before[0]!.components[0]).toMatchObject({ benchmark: "index-v2", normalised: 1 });
  });

  it("skips a component whose benchmark has no rankable cohort, leaving coverage short", () => {
    const tiny = ["a", "b"].map((m) => score("tiny", m, 1));
    const ranked = qualityForTask(task([["bench", 0.6], ["tiny", 0.4]]), cohortsOf([PERCENT, bench], [{ id: "tiny", scale: "fraction", higherIsBetter: true }, tiny]));
    expect(ranked.every((m) => m.coverage === 0.6 && m.missing.includes("tiny"))).toBe(true);
  });
});

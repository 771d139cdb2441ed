import { describe, expect, it } from "vitest";
import { fitQualityModel } from "./class-quality.ts";
import { buildItems } from "./observations.ts";
import type { TaskClass } from "../tasks/catalogue.ts";
import { percent, syntheticRows } from "./fixtures.test-helpers.ts";

const abilities = Object.fromEntries(Array.from({ length: 24 }, (_, index) => [`m${String(index).padStart(2, "0")}`, -2 + (4 * index) / 23]));
const difficulties = { c1: 0, c2: 0.5, g1: -1, g2: 0, g3: 1 };
const infos = Object.keys(difficulties).map(percent);
const task = (id: string, benchmarks: string[]): TaskClass => ({
  id,
  name: id,
  description: id,
  rationale: id,
  components: benchmarks.map((benchmark) => ({ key: benchmark, benchmarks: [benchmark], weight: 1 / benchmarks.length, why: "w" })),
  profile: { inputTokens: 1, outputTokens: 1, cachedShare: 0, why: "w" },
});
const classes = [task("narrow", ["c1", "c2"]), task("general", ["g1", "g2", "g3"])];

describe("fitQualityModel", () => {
  const rows = syntheticRows(abilities, difficulties);
  // m05 has no score in the narrow class; m06 one; everybody else both.
  const thinned = rows.filter((r) => !(r.modelId === "m05" && r.benchmarkId.startsWith("c")) && !(r.modelId === "m06" && r.benchmarkId === "c2"));
  const model = fitQualityModel(buildItems(infos, thinned), classes);
  const narrow = model.classes.get("narrow")!;

  it("gives quality in the class's units (0..100) with the interval around it, ordered best first", () => {
    for (const entry of narrow.models) {
      expect(entry.low).toBeLessThanOrEqual(entry.quality);
      expect(entry.high).toBeGreaterThanOrEqual(entry.quality);
      expect(entry.low).toBeGreaterThanOrEqual(0);
      expect(entry.high).toBeLessThanOrEqual(100);
    }
    const qualities = narrow.models.map((entry) => entry.quality);
    expect(qualities).toEqual([...qualities].sort((a, b) => b - a));
  });

  it("keeps a model with no class score, with a wider interval than one with scores", () => {
    const width = (id: string) => {
      const entry = narrow.models.find((m) => m.model === id)!;
      return entry.high - entry.low;
    };
    const none = narrow.models.find((m) => m.model === "m05")!;
    expect(none.classScores).toBe(0);
    expect(none.missing).toEqual(["c1", "c2"]);
    expect(width("m05")).toBeGreaterThan(width("m06"));
    expect(width("m06")).toBeGreaterThan(width("m07"));
  });

  it("leaves a benchmark out of every fit when told to (the validation's leave-one-out)", () => {
    const without = fitQualityModel(buildItems(infos, thinned), classes, { exclude: (item) => item.board === "c1" });
    expect(without.joint.items.has("c1")).toBe(false);
    expect(without.classes.get("narrow")!.scale.references.map((r) => r.item)).toEqual([null, "c2"]);
  });
});

import { describe, expect, it } from "vitest";
import { buildItems, normaliseRelease, SUPERSEDED_FACTOR, type BenchmarkInfo } from "./observations.ts";
import { percent, row } from "./fixtures.test-helpers.ts";

const models = ["a", "b", "c", "d", "e", "f"];

describe("buildItems", () => {
  it("never pools releases: a LiveBench id scored at two release dates is two items linked by shared models", () => {
    const info = percent("livebench-instruction-following");
    const rows = [
      ...models.map((model, index) => row(model, info.id, 60 + index, "2025-04-25", false)),
      ...models.map((model, index) => row(model, info.id, 40 + index, "2025-11-25")),
    ];
    const set = buildItems([info], rows);
    expect([...set.items.keys()]).toEqual(["livebench-instruction-following@2025-04-25", "livebench-instruction-following@2025-11-25"]);
    expect(set.scores.get("livebench-instruction-following@2025-04-25")!.get("a")!.row.score).toBe("60.00");
    expect(set.scores.get("livebench-instruction-following@2025-11-25")!.get("a")!.row.score).toBe("40.00");
  });

  it("keeps a dated LMArena fit apart from the undated series of the same board, as releases of one board", () => {
    const undated: BenchmarkInfo = { id: "lmarena-text-style-control-legal", scale: "elo", higherIsBetter: true };
    const dated: BenchmarkInfo = { ...undated, id: "lmarena-text-style-control-legal-2026-07-08" };
    const rows = [...models.map((model, index) => row(model, undated.id, 1300 + index, "2025-12-17")), ...models.map((model, index) => row(model, dated.id, 1400 + index, "2026-07-08"))];
    const set = buildItems([undated, dated], rows);
    expect([...set.items.values()].map((item) => [item.id, item.board, item.release])).toEqual([
      ["lmarena-text-style-control-legal@2025-12-17", "lmarena-text-style-control-legal", "2025-12-17"],
      ["lmarena-text-style-control-legal@2026-07-08", "lmarena-text-style-control-legal", "2026-07-08"],
    ]);
  });

  it("halves a score per newer release of its board that scores the same model; a model's only score keeps full weight", () => {
    const info = percent("livebench-math");
    const rows = [
      ...models.map((model) => row(model, info.id, 50, "2025-01-01", false)),
      ...models.slice(0, 5).map((model) => row(model, info.id, 55, "2025-06-01", false)),
      ...models.slice(0, 5).map((model) => row(model, info.id, 60, "2025-12-01")),
    ];
    const first = buildItems([info], rows).scores.get("livebench-math@2025-01-01")!;
    expect(first.get("a")!.weight).toBe(SUPERSEDED_FACTOR ** 2);
    expect(first.get("f")!.weight).toBe(1);
  });

  it("counts only the current score on a board with one item, and drops a release with fewer than five models", () => {
    const info = percent("vals-legalbench");
    const rows = [...models.map((model) => row(model, info.id, 70, "2026-01-01")), row("a", info.id, 10, "2025-01-01", false)];
    expect(buildItems([info], rows).scores.get("vals-legalbench")!.get("a")!.row.score).toBe("70.00");
    expect(buildItems([info], rows.slice(0, 4)).items.size).toBe(0);
  });
});

describe("normaliseRelease", () => {
  it("puts an Elo board on win probability against the release's median, and flips lower-is-better", () => {
    const elo = normaliseRelease({ id: "x", scale: "elo", higherIsBetter: true }, [1000, 1100, 1200]);
    expect(elo[1]).toBeCloseTo(0.5);
    expect(elo[2]).toBeCloseTo(1 / (1 + 10 ** (-100 / 400)));
    expect(normaliseRelease({ id: "y", scale: "percent", higherIsBetter: false }, [20])[0]).toBeCloseTo(0.8);
  });
});

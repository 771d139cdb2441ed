import { describe, expect, it } from "vitest";
import { expectedScore, fitAbilities, type Fit } from "./irt.ts";
import { buildItems, toObservations } from "./observations.ts";
import { percent, syntheticRows } from "./fixtures.test-helpers.ts";

const abilities = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`m${String(index).padStart(2, "0")}`, -2 + (4 * index) / 29]));
const difficulties = { b1: -1, b2: 0, b3: 0.5, b4: 1, b5: 1.5, b6: -0.5 };
const infos = Object.keys(difficulties).map(percent);

function spearman(a: number[], b: number[]): number {
  const rank = (values: number[]) => {
    const order = values.map((value, index) => [value, index] as const).sort((x, y) => x[0] - y[0]);
    const ranks = new Array<number>(values.length);
    order.forEach(([, index], position) => (ranks[index] = position));
    return ranks;
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = a.length;
  return 1 - (6 * ra.reduce((sum, value, index) => sum + (value - rb[index]!) ** 2, 0)) / (n * (n * n - 1));
}

describe("fitAbilities", () => {
  const set = buildItems(infos, syntheticRows(abilities, difficulties));
  const fit = fitAbilities(toObservations(set));

  it("recovers the order of the true abilities from noisy scores", () => {
    const models = Object.keys(abilities);
    expect(spearman(models.map((m) => abilities[m]!), models.map((m) => fit.abilities.get(m)!.theta))).toBeGreaterThan(0.95);
  });

  it("orders benchmark difficulties as generated", () => {
    const ids = Object.keys(difficulties);
    expect(spearman(ids.map((id) => difficulties[id as keyof typeof difficulties]), ids.map((id) => fit.items.get(id)!.difficulty))).toBeGreaterThan(0.9);
  });

  it("is deterministic: the same data give the same numbers", () => {
    const again = fitAbilities(toObservations(buildItems(infos, syntheticRows(abilities, difficulties))));
    expect([...again.abilities]).toEqual([...fit.abilities]);
    expect([...again.items]).toEqual([...fit.items]);
  });

  it("is monotone in scores: raising one model's score raises its ability and no one else's rank above it", () => {
    const rows = syntheticRows(abilities, difficulties);
    const target = rows.find((r) => r.modelId === "m10" && r.benchmarkId === "b3")!;
    const raised = rows.map((r) => (r === target ? { ...r, score: String(Math.min(99, Number(r.score) + 15)) } : r));
    const after = fitAbilities(toObservations(buildItems(infos, raised)));
    expect(after.abilities.get("m10")!.theta).toBeGreaterThan(fit.abilities.get("m10")!.theta);
  });

  it("tolerates missing scores and widens the interval instead of excluding: more benchmarks, smaller standard error", () => {
    const rows = syntheticRows(abilities, difficulties);
    const thin = rows.filter((r) => r.modelId !== "m15" || r.benchmarkId === "b2");
    const half = rows.filter((r) => r.modelId !== "m15" || ["b2", "b3", "b4"].includes(r.benchmarkId));
    const se = (data: typeof rows) => fitAbilities(toObservations(buildItems(infos, data))).abilities.get("m15")!.se;
    expect(se(thin)).toBeGreaterThan(se(half));
    expect(se(half)).toBeGreaterThan(se(rows));
  });

  const predictions = (result: Fit) => [...result.items].flatMap(([, item]) => [...result.abilities.values()].map((ability) => expectedScore(item, ability.theta)));

  it("stops at its tolerance: more sweeps change no expected score by more than a hundredth of a point", () => {
    const longer = fitAbilities(toObservations(set), { sweeps: 5000, tolerance: 1e-9 });
    expect(fit.sweeps).toBeLessThan(longer.sweeps!);
    const a = predictions(fit);
    const b = predictions(longer);
    expect(Math.max(...a.map((value, index) => Math.abs(value - b[index]!)))).toBeLessThan(1e-4);
  });

  it("warm-started from an earlier fit, reaches the same expected scores in fewer sweeps", () => {
    const rows = syntheticRows(abilities, difficulties);
    const changed = rows.map((r) => (r.modelId === "m05" && r.benchmarkId === "b1" ? { ...r, score: String(Math.min(99, Number(r.score) + 10)) } : r));
    const observations = toObservations(buildItems(infos, changed));
    const cold = fitAbilities(observations);
    const warm = fitAbilities(observations, { start: fit });
    expect(warm.sweeps).toBeLessThan(cold.sweeps!);
    const a = predictions(cold);
    const b = predictions(warm);
    expect(Math.max(...a.map((value, index) => Math.abs(value - b[index]!)))).toBeLessThan(1e-3);
  });
});

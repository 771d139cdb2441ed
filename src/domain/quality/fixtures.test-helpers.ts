/** Synthetic boards for the quality tests: abilities and benchmark parameters known, scores drawn with a seeded generator. */
import type { BenchmarkInfo, ScoreRow } from "./observations.ts";

export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const percent = (id: string): BenchmarkInfo => ({ id, scale: "percent", higherIsBetter: true });

/** Scores of `models` (true abilities) on percent benchmarks (difficulty per benchmark), noise sd 3 points. */
export function syntheticRows(abilities: Record<string, number>, difficulties: Record<string, number>, seed = 7, date = "2026-01-01"): ScoreRow[] {
  const random = seeded(seed);
  const rows: ScoreRow[] = [];
  for (const [benchmark, difficulty] of Object.entries(difficulties)) {
    for (const [model, theta] of Object.entries(abilities)) {
      const p = 1 / (1 + Math.exp(-1.5 * (theta - difficulty)));
      const noise = (random() + random() + random() - 1.5) * 6;
      rows.push(row(model, benchmark, Math.min(99, Math.max(1, 100 * p + noise)), date));
    }
  }
  return rows;
}

export const row = (model: string, benchmark: string, score: number, date = "2026-01-01", current = true): ScoreRow => ({
  modelId: model,
  benchmarkId: benchmark,
  sourceId: "s",
  setting: "",
  score: score.toFixed(2),
  rawName: model,
  validFrom: new Date(`${date}T00:00:00Z`),
  current,
});

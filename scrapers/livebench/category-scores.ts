/**
 * LiveBench stores only task scores; the site computes the rest in the browser
 * (src/Table/Averaging.js): a category score is the mean of the category's non-empty task
 * cells, and the global average is the mean of the category scores, shown only when every
 * category has one. We follow that exactly so our numbers are the published ones, rounded
 * to the two decimals the site's global average uses.
 */
import type { Category } from "./category-map.ts";

export interface CategoryScores {
  /** Category benchmark id -> score, for the categories with at least one scored task. */
  categories: Map<string, number>;
  /** Null when a category has no scored task (the site shows "-"). */
  global: number | null;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function roundLikeTheSite(value: number): number {
  return Number(value.toFixed(2));
}

export function categoryScores(taskScores: ReadonlyMap<string, number | null>, categories: readonly Category[]): CategoryScores {
  const averages = categories.map((category) => {
    const scored = category.tasks.map((task) => taskScores.get(task) ?? null).filter((score): score is number => score !== null);
    return { benchmark: category.benchmark, average: mean(scored) };
  });
  const known = averages.filter((entry): entry is { benchmark: string; average: number } => entry.average !== null);
  const global = known.length === averages.length ? mean(known.map((entry) => entry.average)) : null;
  return {
    categories: new Map(known.map((entry) => [entry.benchmark, roundLikeTheSite(entry.average)])),
    global: global === null ? null : roundLikeTheSite(global),
  };
}

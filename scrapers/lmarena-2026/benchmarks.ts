/**
 * LMArena 2026 boards, one benchmark per (board, category, snapshot date). arena.ai
 * re-fits every Bradley-Terry rating on all votes at each update (new models, new votes,
 * renormalisation), so a dated snapshot is one leaderboard fit, and two dates are two
 * benchmarks linked only by the models they share: "lmarena-text-style-control-legal-2026-02-27"
 * is never pooled with "…-2026-07-08" nor with the undated arena-catalog series of the
 * lmarena source. Ids are the lmarena source's category ids plus the snapshot date.
 */
import { ARENA_TEXT_CATEGORIES, LMARENA_BENCHMARKS, textBenchmarkIdForCategory, type TextLeaderboard } from "../lmarena/benchmarks.ts";
import type { BenchmarkDefinition } from "../source.ts";
import { datedId } from "../release-definitions.ts";

/**
 * The scraper carries these two categories over unchanged from arena-catalog 2025-12-17
 * (no arena.ai page; identical in every 2026 file, non-integer ratings): not 2026 data.
 */
export const STALE_CATEGORIES: ReadonlySet<string> = new Set(["no_refusal", "no_short"]);

/** The recorded snapshots (SmallAi-API/LLM-Ranking commits); a live fetch of a new date registers its own ids (releaseDefinition). */
export const LMARENA_2026_SNAPSHOTS: ReadonlyArray<{ board: TextLeaderboard; date: string }> = [
  { board: "style-control", date: "2026-02-27" },
  { board: "style-control", date: "2026-04-30" },
  { board: "style-control", date: "2026-07-08" },
  { board: "raw", date: "2026-07-08" },
];

export function datedBenchmarkId(board: TextLeaderboard, categoryKey: string, date: string): string | undefined {
  if (STALE_CATEGORIES.has(categoryKey)) return undefined;
  const base = textBenchmarkIdForCategory(board, categoryKey);
  return base === undefined ? undefined : `${base}-${date}`;
}

function datedDefinition(board: TextLeaderboard, categoryKey: string, date: string): BenchmarkDefinition {
  const base = LMARENA_BENCHMARKS.find((benchmark) => benchmark.id === textBenchmarkIdForCategory(board, categoryKey))!;
  return {
    ...base,
    id: datedBenchmarkId(board, categoryKey, date)!,
    name: `${base.name} (fit of ${date})`,
    description:
      `${base.description} Snapshot of arena.ai on ${date} (third-party scrape in arena-catalog format; ratings are the page's ` +
      "integers, CI = rating ± displayed interval). Each snapshot is a separate re-fit of all ratings: one benchmark per date.",
  };
}

export const LMARENA_2026_BENCHMARKS: readonly BenchmarkDefinition[] = LMARENA_2026_SNAPSHOTS.flatMap(({ board, date }) =>
  ARENA_TEXT_CATEGORIES.filter((category) => !STALE_CATEGORIES.has(category.key)).map((category) => datedDefinition(board, category.key, date)),
);

/** The definition of a fit of any date: a live fetch dated by its run is a new release of the same board. */
export function lmarena2026ReleaseDefinition(benchmarkId: string): BenchmarkDefinition | undefined {
  const dated = datedId(benchmarkId);
  if (!dated) return undefined;
  for (const board of ["style-control", "raw"] as const) {
    const category = ARENA_TEXT_CATEGORIES.find((candidate) => datedBenchmarkId(board, candidate.key, dated.date) === benchmarkId);
    if (category) return datedDefinition(board, category.key, dated.date);
  }
  return undefined;
}

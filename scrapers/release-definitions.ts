/**
 * A run's benchmark definitions: the source's fixed list plus the new releases its
 * observations carry (a leaderboard fit or index fit of a date the list does not name yet),
 * each registered as its own benchmark through the source's releaseDefinition. Ids the
 * source does not recognise stay unknown, and the score gate rejects them. Pure.
 */
import type { BenchmarkDefinition, BenchmarkSource } from "./source.ts";

export function definitionsForRun(source: Pick<BenchmarkSource, "benchmarks" | "releaseDefinition">, observations: readonly { benchmark: string }[]): BenchmarkDefinition[] {
  const known = new Set(source.benchmarks.map((definition) => definition.id));
  const added = new Map<string, BenchmarkDefinition>();
  for (const { benchmark } of observations) {
    if (known.has(benchmark) || added.has(benchmark)) continue;
    const definition = source.releaseDefinition?.(benchmark);
    if (definition && definition.id === benchmark) added.set(benchmark, definition);
  }
  return [...source.benchmarks, ...[...added.values()].sort((a, b) => (a.id < b.id ? -1 : 1))];
}

/** `<base>-YYYY-MM-DD` split into its base and a real calendar date, else null. */
export function datedId(benchmarkId: string): { base: string; date: string } | null {
  const match = /^(.+)-(\d{4}-\d{2}-\d{2})$/.exec(benchmarkId);
  if (!match) return null;
  const date = match[2]!;
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date ? null : { base: match[1]!, date };
}

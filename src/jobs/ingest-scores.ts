/**
 * The stages of a benchmark run after parsing: score gate (pure: definitions, finite
 * values) -> resolve (pure) -> persist aliases and write history. `prepareScores` is the
 * pure part; `ingestScores` runs inside the run's transaction and is self-contained.
 */
import type { Executor } from "../db/client.ts";
import { persistResolvedNames } from "../db/queries/catalogue.ts";
import { writeScoreHistory } from "../db/queries/score-history.ts";
import type { ScoreObservation, SkippedEntry } from "../domain/observation.ts";
import { resolveScoreObservations, type ResolvedRun, type ResolvedScoreFields } from "../domain/ingest/resolve-stage.ts";
import { gateScoreRun } from "../domain/integrity/score-gate.ts";
import { loadOverrides } from "../domain/resolve/overrides.ts";
import type { BenchmarkDefinition } from "../../scrapers/source.ts";
import type { IngestCounts } from "./ingest-counts.ts";

export interface PreparedScores {
  sourceId: string;
  at: Date;
  benchmarks: readonly BenchmarkDefinition[];
  resolved: ResolvedRun<ScoreObservation & ResolvedScoreFields>;
  rejected: readonly SkippedEntry[];
  parsed: number;
  skipped: number;
}

export function prepareScores(input: {
  sourceId: string;
  at: Date;
  benchmarks: readonly BenchmarkDefinition[];
  namesHaveAuthors: boolean;
  observations: readonly ScoreObservation[];
  skipped?: readonly SkippedEntry[];
  invalid?: readonly SkippedEntry[];
  parsed?: number;
}): PreparedScores {
  const gated = gateScoreRun(input.sourceId, input.benchmarks, input.observations);
  return {
    sourceId: input.sourceId,
    at: input.at,
    benchmarks: input.benchmarks,
    resolved: resolveScoreObservations(input.sourceId, gated.accepted, loadOverrides(), { namesHaveAuthors: input.namesHaveAuthors, at: input.at }),
    rejected: [...(input.invalid ?? []), ...gated.rejected],
    parsed: input.parsed ?? input.observations.length,
    skipped: input.skipped?.length ?? 0,
  };
}

export async function ingestScores(tx: Executor, prepared: PreparedScores, runId: number | null): Promise<IngestCounts> {
  await persistResolvedNames(tx, prepared.sourceId, prepared.resolved.names, prepared.at);
  const written = await writeScoreHistory(tx, {
    sourceId: prepared.sourceId,
    runId,
    at: prepared.at,
    benchmarks: prepared.benchmarks,
    observations: prepared.resolved.matched,
  });
  const rejected = [...prepared.rejected, ...written.rejected];
  return {
    parsed: prepared.parsed,
    skipped: prepared.skipped,
    changed: written.changed,
    unmatched: prepared.resolved.unmatched.length,
    rejected: rejected.length,
    quarantined: 0,
    rejectedSamples: rejected.slice(0, 20),
  };
}

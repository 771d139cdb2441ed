/**
 * Loads what task quality needs at a date (the catalogue's benchmarks and the score
 * periods valid then) and hands it to the pure maths in domain/tasks/quality.ts.
 */
import { and, inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { benchmarks, models, scorePeriods } from "../schema/index.ts";
import { slices } from "./catalogue.ts";
import { validAt } from "./benchmarks.ts";
import type { TaskClass } from "../../domain/tasks/catalogue.ts";
import { scoringId, snapshotIdentity } from "../../domain/tasks/snapshot-identity.ts";
import { qualityForTask, rankBenchmark, type BenchmarkCohort, type ModelQuality, type ScoreAtDate } from "../../domain/tasks/quality.ts";

/** Every benchmark's scores valid at `at` (current ones without it), ranked per benchmark. */
export async function benchmarkCohorts(db: Executor, benchmarkIds: readonly string[], at?: Date): Promise<Map<string, BenchmarkCohort>> {
  const cohorts = new Map<string, BenchmarkCohort>();
  if (benchmarkIds.length === 0) return cohorts;
  const infos = await db
    .select({ id: benchmarks.id, scale: benchmarks.scale, higherIsBetter: benchmarks.higherIsBetter })
    .from(benchmarks)
    .where(inArray(benchmarks.id, [...benchmarkIds]));
  const scores: ScoreAtDate[] = [];
  for (const slice of slices(infos.map((info) => info.id))) {
    scores.push(
      ...(await db
        .select({
          modelId: scorePeriods.modelId,
          benchmarkId: scorePeriods.benchmarkId,
          sourceId: scorePeriods.sourceId,
          setting: scorePeriods.setting,
          score: scorePeriods.score,
          rawName: scorePeriods.rawName,
          validFrom: scorePeriods.validFrom,
        })
        .from(scorePeriods)
        .where(and(inArray(scorePeriods.benchmarkId, slice), validAt(at)))),
    );
  }
  // An undated name scored by one source and the dated snapshot scored by another are one model.
  const identity = snapshotIdentity((await db.select({ id: models.id }).from(models)).map((row) => row.id));
  const pooled = scores.map((score) => ({ ...score, modelId: scoringId(identity, score.modelId) }));
  for (const info of infos) cohorts.set(info.id, rankBenchmark(info, pooled));
  return cohorts;
}

export interface TaskQualityOptions {
  asOf?: Date;
  /** Leave out models whose scores cover less than this share of the class's weight. */
  minCoverage: number;
  limit: number;
}

export interface TaskQuality {
  task: string;
  /** The date the scores were valid at; null for the current scores. */
  asOf: string | null;
  minCoverage: number;
  /** Models with any score in the class, before the coverage filter. */
  scored: number;
  /** Models at or above minCoverage. */
  qualifying: number;
  models: ModelQuality[];
}

/** Ranked models of a task class at a date, with quality, coverage and components. */
export async function taskQuality(db: Executor, task: TaskClass, options: TaskQualityOptions): Promise<TaskQuality> {
  const ids = [...new Set(task.components.flatMap((component) => component.benchmarks))];
  const all = qualityForTask(task, await benchmarkCohorts(db, ids, options.asOf));
  const qualifying = all.filter((model) => model.coverage >= options.minCoverage);
  return {
    task: task.id,
    asOf: options.asOf?.toISOString() ?? null,
    minCoverage: options.minCoverage,
    scored: all.length,
    qualifying: qualifying.length,
    models: qualifying.slice(0, options.limit),
  };
}

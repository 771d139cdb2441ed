/**
 * Benchmarks and their scores as stored, and the task catalogue's mirror in the database
 * (task_classes, task_benchmark_weights).
 */
import { and, asc, count, countDistinct, eq, gt, inArray, isNull, lte, max, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { benchmarks, scorePeriods, taskBenchmarkWeights, taskClasses } from "../schema/index.ts";
import { syncSources } from "./catalogue.ts";
import { upsertBenchmarks } from "./score-history.ts";
import { TASK_CLASSES, type TaskClass } from "../../domain/tasks/catalogue.ts";
import type { BenchmarkSource, SourceDefinition } from "../../../scrapers/source.ts";

/** Periods valid at `at` (validFrom <= at < validTo), or the open ones without a date. */
export function validAt(at: Date | undefined): SQL | undefined {
  if (!at) return isNull(scorePeriods.validTo);
  return and(lte(scorePeriods.validFrom, at), or(isNull(scorePeriods.validTo), gt(scorePeriods.validTo, at)));
}

export async function getBenchmark(db: Executor, id: string) {
  const [row] = await db.select().from(benchmarks).where(eq(benchmarks.id, id));
  return row ?? null;
}

/** Every benchmark with its source and scale, and how many models have a current score on it. */
export async function listBenchmarks(db: Executor) {
  const current = db
    .select({
      benchmarkId: scorePeriods.benchmarkId,
      models: countDistinct(scorePeriods.modelId).as("models"),
      scores: count().as("scores"),
      latestAsOf: max(scorePeriods.validFrom).as("latest_as_of"),
    })
    .from(scorePeriods)
    .where(isNull(scorePeriods.validTo))
    .groupBy(scorePeriods.benchmarkId)
    .as("current");
  const rows = await db
    .select({
      id: benchmarks.id,
      name: benchmarks.name,
      source: benchmarks.sourceId,
      scale: benchmarks.scale,
      higherIsBetter: benchmarks.higherIsBetter,
      description: benchmarks.description,
      url: benchmarks.url,
      models: current.models,
      scores: current.scores,
      latestAsOf: current.latestAsOf,
    })
    .from(benchmarks)
    .leftJoin(current, eq(current.benchmarkId, benchmarks.id))
    .orderBy(asc(benchmarks.sourceId), asc(benchmarks.id));
  return rows.map((row) => ({
    ...row,
    models: Number(row.models ?? 0),
    scores: Number(row.scores ?? 0),
    latestAsOf: row.latestAsOf ? new Date(row.latestAsOf).toISOString().slice(0, 10) : null,
  }));
}

export interface ScoreFilter {
  modelId?: string;
  benchmarkId?: string;
  /** Scores valid at this date; current scores without it. */
  asOf?: Date;
  limit: number;
}

/** Score rows with their setting, source and as-of date, best first within each benchmark. */
export async function benchmarkScores(db: Executor, filter: ScoreFilter) {
  const conditions = [validAt(filter.asOf)];
  if (filter.modelId) conditions.push(eq(scorePeriods.modelId, filter.modelId));
  if (filter.benchmarkId) conditions.push(eq(scorePeriods.benchmarkId, filter.benchmarkId));
  const rows = await db
    .select({
      model: scorePeriods.modelId,
      benchmark: scorePeriods.benchmarkId,
      source: scorePeriods.sourceId,
      scale: benchmarks.scale,
      setting: scorePeriods.setting,
      score: scorePeriods.score,
      ciLower: scorePeriods.ciLower,
      ciUpper: scorePeriods.ciUpper,
      votes: scorePeriods.votes,
      costUsd: scorePeriods.costUsd,
      rawName: scorePeriods.rawName,
      validFrom: scorePeriods.validFrom,
      validTo: scorePeriods.validTo,
    })
    .from(scorePeriods)
    .innerJoin(benchmarks, eq(benchmarks.id, scorePeriods.benchmarkId))
    .where(and(...conditions))
    .orderBy(
      asc(scorePeriods.benchmarkId),
      sql`case when ${benchmarks.higherIsBetter} then -${scorePeriods.score} else ${scorePeriods.score} end`,
      asc(scorePeriods.modelId),
      asc(scorePeriods.setting),
    )
    .limit(filter.limit);
  return rows.map((row) => ({ ...row, asOf: row.validFrom.toISOString().slice(0, 10) }));
}

export interface CatalogueSync {
  tasks: number;
  weights: number;
  /** Catalogue benchmark ids no source defines: their weights are not stored. */
  missingBenchmarks: string[];
}

/**
 * Mirrors the reviewed task catalogue into task_classes and task_benchmark_weights, and
 * first upserts the benchmark definitions of the given sources (the registry's), so the
 * weights' foreign keys hold before any source has run. Idempotent: classes and weights
 * no longer in the catalogue are deleted. The ids of one version group each carry the
 * group's weight; quality counts one of them at a time (domain/tasks/quality.ts).
 * Call it at start, after migrating.
 */
export async function syncTaskCatalogue(
  db: Executor,
  sources: readonly SourceDefinition[],
  classes: readonly TaskClass[] = TASK_CLASSES,
): Promise<CatalogueSync> {
  const benchmarkSources = sources.filter((source): source is BenchmarkSource => source.kind === "benchmark");
  await syncSources(db, benchmarkSources);
  for (const source of benchmarkSources) await upsertBenchmarks(db, source.id, source.benchmarks);

  const ids = classes.map((task) => task.id);
  await db.delete(taskClasses).where(ids.length > 0 ? notInArray(taskClasses.id, ids) : undefined);
  if (classes.length === 0) return { tasks: 0, weights: 0, missingBenchmarks: [] };
  await db
    .insert(taskClasses)
    .values(
      classes.map((task) => ({
        id: task.id,
        name: task.name,
        description: task.description,
        inputTokens: task.profile.inputTokens,
        outputTokens: task.profile.outputTokens,
        cachedShare: String(task.profile.cachedShare),
        rationale: `${task.rationale}\nToken profile: ${task.profile.why}`,
      })),
    )
    .onConflictDoUpdate({
      target: taskClasses.id,
      set: {
        name: sql`excluded.name`,
        description: sql`excluded.description`,
        inputTokens: sql`excluded.input_tokens`,
        outputTokens: sql`excluded.output_tokens`,
        cachedShare: sql`excluded.cached_share`,
        rationale: sql`excluded.rationale`,
      },
    });

  const wanted = classes.flatMap((task) =>
    task.components.flatMap((component) => component.benchmarks.map((benchmarkId) => ({ taskId: task.id, benchmarkId, weight: String(component.weight) }))),
  );
  const known = new Set(
    (await db.select({ id: benchmarks.id }).from(benchmarks).where(inArray(benchmarks.id, [...new Set(wanted.map((row) => row.benchmarkId))]))).map(
      (row) => row.id,
    ),
  );
  const rows = wanted.filter((row) => known.has(row.benchmarkId));
  const kept = new Set(rows.map((row) => `${row.taskId}|${row.benchmarkId}`));
  const stored = await db.select({ taskId: taskBenchmarkWeights.taskId, benchmarkId: taskBenchmarkWeights.benchmarkId }).from(taskBenchmarkWeights);
  for (const row of stored.filter((row) => !kept.has(`${row.taskId}|${row.benchmarkId}`))) {
    await db.delete(taskBenchmarkWeights).where(and(eq(taskBenchmarkWeights.taskId, row.taskId), eq(taskBenchmarkWeights.benchmarkId, row.benchmarkId)));
  }
  if (rows.length > 0) {
    await db
      .insert(taskBenchmarkWeights)
      .values(rows)
      .onConflictDoUpdate({ target: [taskBenchmarkWeights.taskId, taskBenchmarkWeights.benchmarkId], set: { weight: sql`excluded.weight` } });
  }
  return {
    tasks: classes.length,
    weights: rows.length,
    missingBenchmarks: [...new Set(wanted.filter((row) => !known.has(row.benchmarkId)).map((row) => row.benchmarkId))],
  };
}

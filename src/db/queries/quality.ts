/**
 * Loads what task quality needs at a date and hands it to the pure maths in
 * domain/quality (the ability fit). The percentile method of domain/tasks/quality.ts is
 * kept only as the baseline `npm run eval:quality` compares against.
 *
 * The fit is made when the data change, not per request: it is cached per database
 * handle under the as-of date and a data version (the score periods' count and highest
 * id; periods are only ever added or closed, and closing one adds its successor).
 */
import { and, count, inArray, lte, max } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { benchmarks, models, scorePeriods } from "../schema/index.ts";
import { slices } from "./catalogue.ts";
import { fitBenchmarkIds, TASK_CLASSES, type TaskClass } from "../../domain/tasks/catalogue.ts";
import { scoringId, snapshotIdentity } from "../../domain/tasks/snapshot-identity.ts";
import { boardOf, buildItems, type BenchmarkInfo, type ItemSet, type ScoreRow } from "../../domain/quality/observations.ts";
import { fitQualityModel, type ClassQuality, type QualityModel } from "../../domain/quality/class-quality.ts";

async function benchmarkInfos(db: Executor, benchmarkIds: readonly string[]): Promise<BenchmarkInfo[]> {
  if (benchmarkIds.length === 0) return [];
  return db
    .select({ id: benchmarks.id, scale: benchmarks.scale, higherIsBetter: benchmarks.higherIsBetter })
    .from(benchmarks)
    .where(inArray(benchmarks.id, [...benchmarkIds]));
}

/**
 * Every score period of these benchmarks that started by `at` (now without it), current or
 * closed, under the model id its scores count for (an undated name and its dated snapshot
 * are one model).
 */
export async function scoreRows(db: Executor, benchmarkIds: readonly string[], at?: Date): Promise<ScoreRow[]> {
  const end = at ?? new Date();
  const rows: ScoreRow[] = [];
  for (const slice of slices([...benchmarkIds])) {
    const found = await db
      .select({
        modelId: scorePeriods.modelId,
        benchmarkId: scorePeriods.benchmarkId,
        sourceId: scorePeriods.sourceId,
        setting: scorePeriods.setting,
        score: scorePeriods.score,
        rawName: scorePeriods.rawName,
        validFrom: scorePeriods.validFrom,
        validTo: scorePeriods.validTo,
      })
      .from(scorePeriods)
      .where(and(inArray(scorePeriods.benchmarkId, slice), lte(scorePeriods.validFrom, end)));
    for (const { validTo, ...row } of found) rows.push({ ...row, current: validTo === null || validTo > end });
  }
  const identity = snapshotIdentity((await db.select({ id: models.id }).from(models)).map((row) => row.id));
  return rows.map((row) => ({ ...row, modelId: scoringId(identity, row.modelId) }));
}

/** The catalogue's benchmarks as fit items at a date. */
export async function catalogueItems(db: Executor, at?: Date, classes: readonly TaskClass[] = TASK_CLASSES): Promise<{ infos: BenchmarkInfo[]; rows: ScoreRow[]; set: ItemSet }> {
  const known = await benchmarkInfos(db, await allBoardIds(db, fitBenchmarkIds(classes)));
  const rows = await scoreRows(db, known.map((info) => info.id), at);
  return { infos: known, rows, set: buildItems(known, rows) };
}

/**
 * The catalogue names boards; a board's dated releases (LMArena 2026 fits, ECI fits, also
 * those registered at run time) are separate ids, each its own item: naming the board or
 * any one release brings in every release.
 */
async function allBoardIds(db: Executor, named: readonly string[]): Promise<string[]> {
  const all = await db.select({ id: benchmarks.id }).from(benchmarks);
  const wanted = new Set(named.map((id) => boardOf(id).board));
  return all.map((row) => row.id).filter((id) => wanted.has(boardOf(id).board));
}

const fits = new WeakMap<object, Map<string, QualityModel>>();

/** The fitted quality model at a date, refitted only when the score data changed. */
export async function qualityModel(db: Executor, at?: Date): Promise<QualityModel> {
  const [version] = await db.select({ rows: count(), last: max(scorePeriods.id) }).from(scorePeriods);
  const key = `${at?.toISOString() ?? "now"}|${version?.rows ?? 0}|${version?.last ?? 0}`;
  const cache = fits.get(db) ?? new Map<string, QualityModel>();
  fits.set(db, cache);
  const cached = cache.get(key);
  if (cached) return cached;
  const { set } = await catalogueItems(db, at);
  // Warm start from the fit of the previous data version (or any date): fewer sweeps, same optimum.
  const previous = [...cache.entries()].find(([old]) => old.startsWith(`${at?.toISOString() ?? "now"}|`))?.[1] ?? [...cache.values()].at(-1);
  const model = fitQualityModel(set, TASK_CLASSES, { previous });
  // One fit per date is kept; an older data version of the same date is dropped.
  for (const old of cache.keys()) if (old.startsWith(`${at?.toISOString() ?? "now"}|`)) cache.delete(old);
  cache.set(key, model);
  return model;
}

export interface TaskQualityOptions {
  asOf?: Date;
  /** Leave out models whose scores carry less than this share of the class's weight (default 0). */
  minCoverage?: number;
  /** Leave out models whose 95% interval is wider than this many points. */
  maxWidth?: number;
  /** Leave out models with fewer scores in the class (default 0: a thin model gets a wide interval, not an exclusion). */
  minClassScores?: number;
  limit: number;
}

export interface TaskQuality {
  task: string;
  /** The date the scores were valid at; null for the current scores. */
  asOf: string | null;
  /** What quality means for this class: the reference release of each component. */
  scale: Array<{ component: string; item: string | null; weight: number }>;
  maxWidth: number | null;
  /** Models with any score in the joint fit, before the filters. */
  scored: number;
  qualifying: number;
  models: ClassQuality[];
}

export function passesQualityFilters(entry: ClassQuality, options: Pick<TaskQualityOptions, "maxWidth" | "minClassScores" | "minCoverage">): boolean {
  return (
    entry.coverage >= (options.minCoverage ?? 0) &&
    (options.maxWidth === undefined || entry.high - entry.low <= options.maxWidth) &&
    entry.classScores >= (options.minClassScores ?? 0)
  );
}

/** Models of a task class at a date, best expected score first, with intervals and components. */
export async function taskQuality(db: Executor, task: TaskClass, options: TaskQualityOptions): Promise<TaskQuality> {
  const fitted = (await qualityModel(db, options.asOf)).classes.get(task.id)!;
  const qualifying = fitted.models.filter((entry) => passesQualityFilters(entry, options));
  return {
    task: task.id,
    asOf: options.asOf?.toISOString() ?? null,
    scale: fitted.scale.references,
    maxWidth: options.maxWidth ?? null,
    scored: fitted.models.length,
    qualifying: qualifying.length,
    models: qualifying.slice(0, options.limit),
  };
}

/**
 * Scores as the ability fit sees them: one item per benchmark release, one observation per
 * (model, item) on (0, 1), weighted. Pure.
 *
 * Releases are never pooled. A benchmark id ending in a date (the LMArena 2026 fits) is that
 * release of its board. A board that re-fits or re-releases under one id (RELEASED_BOARDS:
 * arena-catalog's LMArena series re-fits every rating at each update; LiveBench's tables
 * are question-set releases dated by the release) is split by the date the source gives a
 * score, so each fit or question set is its own item, linked to the others only through the
 * models they share. Other boards keep one item: their runs add models on a fixed item set
 * (vals.ai, HELM, AA), and only the score valid at the date counts.
 *
 * Superseded scores count less, by one stated rule: a model's score on a release counts
 * 0.5^k, k = the newer releases of the same board that also score that model. A model's
 * only score on a board keeps full weight: it is all we know.
 *
 * Scales. Percent /100, fraction as is, lower-is-better flipped. An Elo rating becomes the
 * win probability against the release's median model, 1 / (1 + 10^((median − r)/400)),
 * the logistic of the rating difference the board itself is fitted with. An index that
 * stays within 0..100 is read as a percent; any other index is standardised within its
 * release and put through the logistic (1.7 × z). Values are clamped to [0.01, 0.99] so a
 * saturated score does not pull an ability to infinity.
 */
import type { BenchmarkInfo, ScoreAtDate } from "../tasks/quality.ts";
import type { Observation } from "./irt.ts";

export type { BenchmarkInfo, ScoreScale } from "../tasks/quality.ts";

/** A stored score period, valid or closed, that started on or before the as-of date. */
export interface ScoreRow extends ScoreAtDate {
  /** Still valid at the as-of date. */
  current: boolean;
}

/** Boards whose one id spans several fits or question sets (prefixes of benchmark ids). */
export const RELEASED_BOARDS: readonly string[] = ["lmarena-", "livebench-"];

/** A release with fewer models than this carries no ranking information. */
export const MIN_ITEM_MODELS = 5;

/** Weight of a score per newer release of its board that also scores the model. */
export const SUPERSEDED_FACTOR = 0.5;

export interface Item {
  id: string;
  /** The board: the benchmark id without a release date. */
  board: string;
  benchmark: string;
  /** YYYY-MM-DD of the release, or null for a board with one item. */
  release: string | null;
  info: BenchmarkInfo;
  models: number;
}

export interface ItemScore {
  model: string;
  row: ScoreRow;
  value: number;
  weight: number;
}

export interface ItemSet {
  items: ReadonlyMap<string, Item>;
  /** Per item, per model: the score that counts. */
  scores: ReadonlyMap<string, ReadonlyMap<string, ItemScore>>;
}

const DATED = /^(.*)-(\d{4}-\d{2}-\d{2})$/;

export function boardOf(benchmarkId: string): { board: string; release: string | null } {
  const dated = DATED.exec(benchmarkId);
  return dated ? { board: dated[1]!, release: dated[2]! } : { board: benchmarkId, release: null };
}

const isReleasedBoard = (benchmarkId: string) => RELEASED_BOARDS.some((prefix) => benchmarkId.startsWith(prefix));

function better(a: ScoreRow, b: ScoreRow, higherIsBetter: boolean): boolean {
  const difference = Number(a.score) - Number(b.score);
  if (difference !== 0) return higherIsBetter ? difference > 0 : difference < 0;
  return a.setting.length - b.setting.length < 0 || (a.setting.length === b.setting.length && a.setting < b.setting);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const clamp = (value: number) => Math.min(0.99, Math.max(0.01, value));

/** Puts one release's raw scores on (0, 1), higher is better. */
export function normaliseRelease(info: BenchmarkInfo, raw: readonly number[]): number[] {
  const signed = info.higherIsBetter ? raw : raw.map((value) => -value);
  if (info.scale === "elo") {
    const centre = median(signed);
    return signed.map((rating) => clamp(1 / (1 + 10 ** ((centre - rating) / 400))));
  }
  const percentLike = info.scale === "percent" || (info.scale === "index" && raw.every((value) => value >= 0 && value <= 100));
  if (info.scale === "fraction" || percentLike) {
    const top = percentLike ? 100 : 1;
    return raw.map((value) => clamp(info.higherIsBetter ? value / top : 1 - value / top));
  }
  const centre = signed.reduce((sum, value) => sum + value, 0) / signed.length;
  const sd = Math.sqrt(signed.reduce((sum, value) => sum + (value - centre) ** 2, 0) / signed.length) || 1;
  return signed.map((value) => clamp(1 / (1 + Math.exp((-1.7 * (value - centre)) / sd))));
}

/** Items and weighted scores from the score periods known at the date. */
export function buildItems(infos: readonly BenchmarkInfo[], rows: readonly ScoreRow[]): ItemSet {
  const infoById = new Map(infos.map((info) => [info.id, info]));
  // 1. Each row to its item; keep each model's best setting per item.
  const chosen = new Map<string, Map<string, ScoreRow>>();
  const itemMeta = new Map<string, Omit<Item, "models">>();
  for (const row of rows) {
    const info = infoById.get(row.benchmarkId);
    if (!info) continue;
    const { board, release: dated } = boardOf(row.benchmarkId);
    const released = dated ?? (isReleasedBoard(row.benchmarkId) ? row.validFrom.toISOString().slice(0, 10) : null);
    // A board with one item counts only the score valid at the date (a re-run replaces a row).
    if (released === null && !row.current) continue;
    const id = released === null ? board : `${board}@${released}`;
    if (!itemMeta.has(id)) itemMeta.set(id, { id, board, benchmark: row.benchmarkId, release: released, info });
    const perModel = chosen.get(id) ?? new Map<string, ScoreRow>();
    chosen.set(id, perModel);
    const current = perModel.get(row.modelId);
    if (!current || better(row, current, info.higherIsBetter)) perModel.set(row.modelId, row);
  }

  // 2. Which newer releases of each board score each model (the superseding rule).
  const releasesByBoardModel = new Map<string, string[]>();
  for (const [id, perModel] of chosen) {
    const meta = itemMeta.get(id)!;
    if (meta.release === null) continue;
    for (const model of perModel.keys()) {
      const key = `${meta.board}\u0000${model}`;
      releasesByBoardModel.set(key, [...(releasesByBoardModel.get(key) ?? []), meta.release]);
    }
  }

  const items = new Map<string, Item>();
  const scores = new Map<string, Map<string, ItemScore>>();
  for (const id of [...chosen.keys()].sort()) {
    const perModel = chosen.get(id)!;
    if (perModel.size < MIN_ITEM_MODELS) continue;
    const meta = itemMeta.get(id)!;
    const entries = [...perModel].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const values = normaliseRelease(meta.info, entries.map(([, row]) => Number(row.score)));
    const itemScores = new Map<string, ItemScore>();
    entries.forEach(([model, row], index) => {
      const newer = meta.release === null ? 0 : releasesByBoardModel.get(`${meta.board}\u0000${model}`)!.filter((release) => release > meta.release!).length;
      itemScores.set(model, { model, row, value: values[index]!, weight: SUPERSEDED_FACTOR ** newer });
    });
    items.set(id, { ...meta, models: perModel.size });
    scores.set(id, itemScores);
  }
  return { items, scores };
}

export function toObservations(set: ItemSet, keep: (item: Item) => boolean = () => true): Observation[] {
  const observations: Observation[] = [];
  for (const [id, perModel] of set.scores) {
    if (!keep(set.items.get(id)!)) continue;
    for (const score of perModel.values()) observations.push({ model: score.model, item: id, value: score.value, weight: score.weight });
  }
  return observations;
}

/**
 * Price-war figures computed once per data version: the figures read the whole price
 * history and change only when the data does, so an answer is kept under the data
 * version, the figure's name and its input, and served again until the version moves.
 * A figure whose range ends "now" is also keyed by the UTC day (its last point is
 * labelled with today). Concurrent requests for one figure share one computation; a
 * failed computation is not kept.
 */
import { LRUCache } from "lru-cache";
import type { Executor } from "../db/client.ts";
import { figuresVersion } from "../db/queries/figures-version.ts";

/** Figures kept per process (each a few KB to a few hundred KB of JSON). */
export const FIGURES_KEPT = 64;

export class FigureCache {
  private readonly figures = new LRUCache<string, Promise<unknown>>({ max: FIGURES_KEPT });

  constructor(private readonly readVersion: (db: Executor) => Promise<string> = figuresVersion) {}

  /** The figure for this input at the current data version, computed if not kept. */
  async get<T>(db: Executor, figure: string, input: unknown, compute: () => Promise<T>, now = new Date()): Promise<T> {
    const version = await this.readVersion(db);
    const key = JSON.stringify([version, figure, input, now.toISOString().slice(0, 10)]);
    const kept = this.figures.get(key) as Promise<T> | undefined;
    if (kept) return kept;
    const computed = compute();
    this.figures.set(key, computed);
    computed.catch(() => this.figures.delete(key));
    return computed;
  }
}

const caches = new WeakMap<object, FigureCache>();

/** The figure cache of one database handle (one per process and database). */
export function figureCacheOf(db: Executor): FigureCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new FigureCache();
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The market views of one instance: the current view, rebuilt in the background when the
 * data change (DataChangeBus) or the day turns, and past-date views built on demand.
 *
 * - Requests are answered from the view they found; a rebuild swaps in the new view only
 *   when it is complete. One rebuild runs at a time; changes announced meanwhile coalesce
 *   into one more rebuild after it.
 * - Rebuilds are paced: while changes keep coming (a first start announces one every run,
 *   about one a second), rebuilds take at most REBUILD_SHARE of the time, so a rebuild
 *   that took B ms is followed by the next no sooner than B * (1 / REBUILD_SHARE - 1)
 *   after it ended. Unpaced, a first start on Postgres rebuilt its 8 s view 22 times and
 *   took 146 s instead of 40 s.
 * - A view's version is the data version (data-version.ts) and the day it was built for
 *   (a model's lifecycle stage is a function of the date), e.g. "3f2a9c01b2d4e5f6.2026-12-03".
 * - Past-date views (asOf) are kept in an LRU of PAST_VIEWS entries keyed by the current
 *   version and the date, so a data change retires them all.
 * - checkVersionOnRead (the default without a bus: tests, one-shot callers) reads the data
 *   version on every current() call, so a view never outlives the data it was built from.
 */
import { LRUCache } from "lru-cache";
import type { Logger } from "../config/logger.ts";
import type { Executor } from "../db/client.ts";
import type { DataChangeBus } from "../jobs/scheduler/data-change-bus.ts";
import { readDataVersion, type DataVersion } from "./data-version.ts";
import { loadMarketView } from "./load-market-view.ts";
import type { MarketView } from "./market-view.ts";

/** The most of the time rebuilds may take while data changes keep coming. */
export const REBUILD_SHARE = 0.2;

/** Past-date views kept per instance (each holds a date's prices and quality fit: a few MB to tens of MB). */
export const PAST_VIEWS = 8;

export interface MarketViewsOptions {
  logger?: Logger;
  checkVersionOnRead?: boolean;
  pastViews?: number;
  /** See REBUILD_SHARE (tests set 1: no pause between rebuilds). */
  rebuildShare?: number;
  /** Called with each new current view once it is in place (to warm its feed bytes). */
  onBuilt?: (view: MarketView) => Promise<void> | void;
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export class MarketViews {
  private view: MarketView | undefined;
  private building: Promise<MarketView> | undefined;
  private again = false;
  private readonly past: LRUCache<string, Promise<MarketView>>;
  private closed = false;
  /** The paced rebuild a change asked for, waiting for its turn. */
  private paced: NodeJS.Timeout | undefined;
  /** When the last rebuild that loaded a view ended, and how long it took (performance.now() ms). */
  private lastBuild = { endedAt: 0, ms: 0 };

  constructor(
    private readonly db: Executor,
    private readonly options: MarketViewsOptions = {},
  ) {
    this.past = new LRUCache({ max: options.pastViews ?? PAST_VIEWS });
  }

  /** The view built so far, if any: never waits. */
  peek(): MarketView | undefined {
    return this.view;
  }

  /** The current view; the first call waits for the first build. */
  async current(): Promise<MarketView> {
    if (this.options.checkVersionOnRead) {
      const data = await readDataVersion(this.db);
      if (this.view && this.view.version === versionOf(data, new Date())) return this.view;
      return this.refresh();
    }
    const view = this.view;
    if (!view) return this.refresh();
    if (dayOf(view.builtAt) !== dayOf(new Date())) void this.refresh().catch(() => {});
    return view;
  }

  /** A view of the market at a past date, from the LRU or built now. */
  async at(asOf: Date): Promise<MarketView> {
    const current = await this.current();
    const key = `${current.version}|${asOf.toISOString()}`;
    let view = this.past.get(key);
    if (!view) {
      view = loadMarketView(this.db, { asOf, version: { version: current.version, changedAt: current.changedAt } });
      view.catch(() => this.past.delete(key));
      this.past.set(key, view);
    }
    return view;
  }

  /**
   * Rebuilds the current view now unless the data and the day are unchanged. While a
   * rebuild runs, further calls share it and mark one more (paced) rebuild to follow it.
   */
  refresh(): Promise<MarketView> {
    if (this.building) {
      this.again = true;
      return this.building;
    }
    if (this.closed) return Promise.reject(new Error("market views closed: the service is shutting down"));
    clearTimeout(this.paced);
    this.paced = undefined;
    const building = this.build().finally(() => {
      this.building = undefined;
      if (this.again) {
        this.again = false;
        this.rebuildPaced();
      }
    });
    this.building = building;
    return building;
  }

  /** The data changed: a rebuild follows, once the last one has had its pause (REBUILD_SHARE). */
  dataChanged(): void {
    if (this.building) this.again = true;
    else this.rebuildPaced();
  }

  /** Starts no more rebuilds and waits for the running one: the database may be closed after. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.paced);
    this.paced = undefined;
    await this.building?.catch(() => {});
  }

  /** Rebuilds (paced) on every data change any instance announces; returns the unsubscribe function. */
  watch(bus: Pick<DataChangeBus, "subscribe">): () => void {
    return bus.subscribe(() => this.dataChanged());
  }

  private rebuildPaced(): void {
    if (this.paced || this.closed) return;
    const share = this.options.rebuildShare ?? REBUILD_SHARE;
    const pause = this.lastBuild.ms * (1 / share - 1);
    const wait = Math.max(0, this.lastBuild.endedAt + pause - performance.now());
    this.paced = setTimeout(() => {
      this.paced = undefined;
      void this.refresh().catch(() => {});
    }, wait);
    // A pending rebuild keeps no process alive: shutting down drops it.
    this.paced.unref();
  }

  private async build(): Promise<MarketView> {
    const started = performance.now();
    try {
      const data = await readDataVersion(this.db);
      const now = new Date();
      const version = versionOf(data, now);
      if (this.view?.version === version) return this.view;
      const view = await loadMarketView(this.db, { version: { ...data, version }, builtAt: now });
      await this.options.onBuilt?.(view);
      this.view = view;
      this.lastBuild = { endedAt: performance.now(), ms: performance.now() - started };
      this.options.logger?.info({ version, offers: view.offers.length, ms: Math.round(performance.now() - started) }, "market view built");
      return view;
    } catch (error) {
      this.options.logger?.error({ err: error }, "market view rebuild failed; the previous view keeps answering");
      throw error;
    }
  }
}

function versionOf(data: DataVersion, now: Date): string {
  return `${data.version}.${dayOf(now)}`;
}

/**
 * When a source's price of an offering is still fresh (issue 13): within FRESH_RUNS times
 * the source's schedule interval (the longest gap between two runs of its cron), counted
 * from the observation's own date (a run's observed_at, which for replay and backfill is
 * the payload's date, never the time it was read). k = 3: a source that missed two runs in
 * a row is still current, one silent for three intervals has stopped carrying the price
 * (or stopped being scraped). A daily source is fresh for 72 h, an hourly one for 3 h.
 *
 * The reference date is the newest observation of the same offering by any source (the
 * data's own clock), so a database filled from old payloads judges them against each
 * other rather than against the day it is read.
 */
import { SOURCES } from "../../../scrapers/registry.ts";
import { cronIntervalMs } from "../../jobs/scheduler/schedules.ts";

/** k: how many schedule intervals an observation stays fresh. */
export const FRESH_RUNS = 3;
/** Interval assumed for a source outside the registry (a retired source's rows): daily. */
export const UNKNOWN_SOURCE_INTERVAL_MS = 24 * 60 * 60 * 1000;

export type IntervalOf = (sourceId: string) => number;

/** Fresh when the observation is at most FRESH_RUNS intervals older than the reference. */
export function isFresh(observedAt: Date, reference: Date, intervalMs: number, runs = FRESH_RUNS): boolean {
  return reference.getTime() - observedAt.getTime() <= runs * intervalMs;
}

let intervals: Map<string, number> | undefined;

/** Each registered source's schedule interval (its declared cron, jobs/scheduler/schedules.ts), computed once. */
export const sourceInterval: IntervalOf = (sourceId) => {
  intervals ??= new Map(SOURCES.map((source) => [source.id, cronIntervalMs(source.schedule.cron, source.schedule.tz)]));
  return intervals.get(sourceId) ?? UNKNOWN_SOURCE_INTERVAL_MS;
};

/**
 * Effective schedules: each source's own schedule (data in its definition) merged with
 * the PRICEWAR_SCHEDULES overrides, "*" first and the source's own entry on top.
 */
import { createTask } from "node-cron";
import { ConfigError, type ScheduleOverrides } from "../../config/env.ts";
import type { SourceDefinition } from "../../../scrapers/source.ts";

export interface SourceSchedule {
  /** The definition with its effective schedule (cron, tz, timeoutMs, retries) in place. */
  source: SourceDefinition;
  enabled: boolean;
  /** The longest gap between two runs of the cron expression: staleness is judged against it. */
  intervalMs: number;
}

export const EVERY_SOURCE = "*";

export function resolveSchedules(sources: readonly SourceDefinition[], overrides: ScheduleOverrides = {}): SourceSchedule[] {
  const unknown = Object.keys(overrides).filter((id) => id !== EVERY_SOURCE && !sources.some((source) => source.id === id));
  if (unknown.length > 0) {
    const known = sources.map((source) => source.id).join(", ");
    throw new ConfigError(unknown.map((id) => `PRICEWAR_SCHEDULES: unknown source "${id}" (known sources: ${known}, or "${EVERY_SOURCE}")`));
  }
  return sources.map((source) => {
    const { enabled = true, ...fields } = { ...overrides[EVERY_SOURCE], ...overrides[source.id] };
    const schedule = { ...source.schedule, ...fields };
    return { source: { ...source, schedule }, enabled, intervalMs: cronIntervalMs(schedule.cron, schedule.tz) };
  });
}

const SAMPLED_RUNS = 16;

/**
 * The longest gap between the next runs of `cron` in `tz` ("17 3 * * *" -> 24 h,
 * "0 9 * * 1-5" -> 72 h over a weekend). node-cron computes the runs; the throwaway
 * task is never started.
 */
export function cronIntervalMs(cron: string, tz: string): number {
  const task = createTask(cron, () => {}, { timezone: tz });
  try {
    const runs = task.getNextRuns(SAMPLED_RUNS).map((date) => date.getTime());
    let longest = 0;
    for (let i = 1; i < runs.length; i++) longest = Math.max(longest, runs[i]! - runs[i - 1]!);
    return longest;
  } finally {
    void task.destroy();
  }
}

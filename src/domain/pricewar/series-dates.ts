/**
 * The dates a price-war series is evaluated at. Every point is an instant at which the
 * recorded history is read as it stood (as-of): the end of a UTC day, so all changes
 * recorded on that day are in (a backfill spreads same-day payloads over seconds), or
 * `until` itself for the last point. A point is labelled by its UTC day.
 */

export type SeriesStep = "month" | "week" | "change";

/** A series longer than this is refused: ask for a coarser step or a shorter range. */
export const MAX_SERIES_POINTS = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

export function dayLabel(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function monthLabel(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** The last millisecond of the UTC day of `at`. */
export function endOfDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS + DAY_MS - 1);
}

/** The last millisecond of the UTC month of `at`. */
export function endOfMonth(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1) - 1);
}

/** Candidate instants inside [since, until], then `until` itself when it is not already the last one. */
function within(candidates: readonly Date[], since: Date, until: Date): Date[] {
  const inside = candidates.filter((at) => at.getTime() >= since.getTime() && at.getTime() <= until.getTime());
  const last = inside.at(-1);
  if (!last || last.getTime() < until.getTime()) inside.push(until);
  return inside;
}

/** Each month-end from the month of `since` up to `until`, and `until`. */
export function monthEnds(since: Date, until: Date): Date[] {
  const ends: Date[] = [];
  for (let at = endOfMonth(since); at.getTime() <= until.getTime(); at = endOfMonth(new Date(at.getTime() + 1))) ends.push(at);
  return within(ends, since, until);
}

/** The end of the day of `since`, then every 7 days, and `until`. */
export function weekEnds(since: Date, until: Date): Date[] {
  const ends: Date[] = [];
  for (let at = endOfDay(since); at.getTime() <= until.getTime(); at = new Date(at.getTime() + 7 * DAY_MS)) ends.push(at);
  return within(ends, since, until);
}

/** `since`, the end of every day on which something changed after it, and `until`. */
export function changeDays(changes: readonly Date[], since: Date, until: Date): Date[] {
  const days = new Set<number>();
  for (const change of changes) {
    if (change.getTime() > since.getTime() && change.getTime() <= until.getTime()) days.add(endOfDay(change).getTime());
  }
  const ends = [...days].sort((a, b) => a - b).map((ms) => new Date(Math.min(ms, until.getTime())));
  return within([since, ...ends.filter((at) => at.getTime() > since.getTime())], since, until);
}

export function seriesDates(step: SeriesStep, since: Date, until: Date, changes: readonly Date[] = []): Date[] {
  if (step === "month") return monthEnds(since, until);
  if (step === "week") return weekEnds(since, until);
  return changeDays(changes, since, until);
}

/** The calendar months "YYYY-MM" from the month of `since` to the month of `until`. */
export function monthsBetween(since: Date, until: Date): string[] {
  const months: string[] = [];
  for (let at = endOfMonth(since); at.getTime() <= endOfMonth(until).getTime(); at = endOfMonth(new Date(at.getTime() + 1))) months.push(monthLabel(at));
  return months;
}

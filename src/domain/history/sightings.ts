/**
 * Pure: what a run's sightings change, given the recorded periods it saw again (a
 * SeriesPlan's touch list). "Seen" is recorded per run (the source's latest sighting), so
 * a period seen again by a run that is the source's newest changes nothing; only a period
 * that starts or stops being seen with its source is written.
 *
 * - a current run (not history) marks the open periods it saw that were not seen in the
 *   source's latest run as seen in it (promote); every other period seen in the latest run
 *   and not seen now is no longer (the writer's demotion, in SQL over the source);
 * - a history run moves an open period's own last-seen time forward (refresh) only for a
 *   period not seen in the latest run: the latest sighting is newer than any history run;
 * - a closed period is history: restating it is not a sighting.
 */

export interface SeenPeriod {
  id: number;
  validTo: Date | null;
  lastSeenAt: Date;
  seenInLatestRun: boolean;
}

export interface SightingPlan {
  /** Open periods seen in the latest run before and now: nothing to write. */
  stillSeen: number[];
  /** Open periods not seen in the latest run before, seen now: lastSeenAt = at, seenInLatestRun. */
  promote: number[];
  /** History run: lastSeenAt = at. */
  refresh: number[];
}

export function planSightings(seen: readonly SeenPeriod[], closed: ReadonlySet<number>, at: Date, history: boolean): SightingPlan {
  const plan: SightingPlan = { stillSeen: [], promote: [], refresh: [] };
  for (const period of seen) {
    if (period.validTo !== null || closed.has(period.id)) continue;
    if (history) {
      if (!period.seenInLatestRun && at > period.lastSeenAt) plan.refresh.push(period.id);
    } else if (period.seenInLatestRun) plan.stillSeen.push(period.id);
    else plan.promote.push(period.id);
  }
  return plan;
}

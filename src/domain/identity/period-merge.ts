/**
 * Joins the periods of one series when two model ids turn out to be one model: the
 * periods a source recorded under the other ids are placed into the timeline already
 * recorded under the surviving id, without overlap (the database's exclusion constraint
 * requires it). Pure; model-merge.ts applies the plan.
 *
 * The periods already at the target ("resident") stay as they are, except where a newer
 * price moved in closes them. Each moving period, by start date (on a tie, the one seen
 * last first), is placed so:
 * - equal to a period it meets (same value, overlapping or touching): joined into it;
 *   the kept one spans both and keeps the later sighting, the other is dropped, and
 *   whatever pointed at it (change events) points at the kept one;
 * - meeting no period: kept as it is;
 * - starting inside one other period and outlasting it: that one is closed at its start
 *   (the newer price is the current one) and both stay;
 * - starting before one other period and ending inside or after its start, where the
 *   other outlasts it: it is closed at the other's start;
 * - anything else (same start with another value, lying inside a longer period, meeting
 *   several): left where it is, under its old id, so nothing is lost; the caller reports it.
 */

export interface MergePeriod {
  id: number;
  validFrom: Date;
  validTo: Date | null;
  lastSeenAt: Date;
  /** Equal values are the same price or score. */
  value: string;
  /** Already recorded under the surviving id. */
  resident: boolean;
}

export interface KeptPeriod {
  id: number;
  validFrom: Date;
  validTo: Date | null;
  lastSeenAt: Date;
}

export interface PeriodMergePlan {
  /** Every period of the joined timeline, with its (possibly new) range. */
  keep: KeptPeriod[];
  /** Periods folded into an equal kept one. */
  drop: Array<{ id: number; into: number }>;
  /** Moving periods that could not be placed: they stay where they were. */
  leave: number[];
}

const start = (period: { validFrom: Date }) => period.validFrom.getTime();
const end = (period: { validTo: Date | null }) => period.validTo?.getTime() ?? Number.POSITIVE_INFINITY;
const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

type Slot = KeptPeriod & { value: string };

export function mergeTimeline(periods: readonly MergePeriod[]): PeriodMergePlan {
  const kept: Slot[] = periods.filter((period) => period.resident).map(({ id, validFrom, validTo, lastSeenAt, value }) => ({ id, validFrom, validTo, lastSeenAt, value }));
  const plan: PeriodMergePlan = { keep: [], drop: [], leave: [] };
  const moving = periods
    .filter((period) => !period.resident)
    .sort((a, b) => start(a) - start(b) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || a.id - b.id);

  for (const period of moving) {
    const touching = kept.filter((slot) => start(period) <= end(slot) && start(slot) <= end(period));
    const overlapping = touching.filter((slot) => start(period) < end(slot) && start(slot) < end(period));
    const equal = touching.filter((slot) => slot.value === period.value);
    if (equal.length === 1 && overlapping.every((slot) => slot === equal[0])) {
      const slot = equal[0]!;
      const joined = { from: Math.min(start(slot), start(period)), to: Math.max(end(slot), end(period)) };
      // Joining must not reach over a neighbour.
      const clear = kept.every((other) => other === slot || !(joined.from < end(other) && start(other) < joined.to));
      if (clear) {
        if (start(period) < start(slot)) slot.validFrom = period.validFrom;
        if (end(period) > end(slot)) slot.validTo = period.validTo;
        slot.lastSeenAt = later(slot.lastSeenAt, period.lastSeenAt);
        plan.drop.push({ id: period.id, into: slot.id });
        continue;
      }
    }
    if (overlapping.length === 0) {
      kept.push({ ...period });
      continue;
    }
    if (overlapping.length === 1) {
      const slot = overlapping[0]!;
      if (start(period) > start(slot) && end(period) >= end(slot)) {
        slot.validTo = period.validFrom;
        kept.push({ ...period });
        continue;
      }
      if (start(period) < start(slot) && end(slot) >= end(period)) {
        kept.push({ ...period, validTo: slot.validFrom });
        continue;
      }
    }
    plan.leave.push(period.id);
  }
  plan.keep = kept.sort((a, b) => start(a) - start(b)).map(({ id, validFrom, validTo, lastSeenAt }) => ({ id, validFrom, validTo, lastSeenAt }));
  return plan;
}

/**
 * Several old series moving into one: each is placed whole or not at all, in the given
 * order, against what is recorded plus the series placed before it. A series that would
 * leave any period behind stays entirely where it is, so what a source said under one
 * name is never interleaved with what it said under another, and a second run finds the
 * same answer (re-resolution is idempotent).
 */
export function mergeSeries(resident: readonly MergePeriod[], incoming: ReadonlyArray<readonly MergePeriod[]>): PeriodMergePlan {
  let state: MergePeriod[] = resident.map((period) => ({ ...period, resident: true }));
  const values = new Map(resident.map((period) => [period.id, period.value]));
  const plan: PeriodMergePlan = { keep: [], drop: [], leave: [] };
  for (const series of incoming) {
    const attempt = mergeTimeline([...state, ...series.map((period) => ({ ...period, resident: false }))]);
    if (attempt.leave.length > 0) {
      plan.leave.push(...series.map((period) => period.id));
      continue;
    }
    for (const period of series) values.set(period.id, period.value);
    plan.drop.push(...attempt.drop);
    state = attempt.keep.map((kept) => ({ ...kept, value: values.get(kept.id)!, resident: true }));
  }
  plan.keep = state.map(({ id, validFrom, validTo, lastSeenAt }) => ({ id, validFrom, validTo, lastSeenAt }));
  return plan;
}

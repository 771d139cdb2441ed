/**
 * Joins the periods of one series when two model ids turn out to be one model: the
 * periods a source recorded under each id become one timeline without overlap, as the
 * database's exclusion constraint requires. Pure; model-merge.ts applies the plan.
 *
 * Rules, with the periods taken by start date (on a tie, the one seen last first):
 * - a period equal to one kept (same value and overlapping or touching it) is joined into
 *   it: the kept one spans both and keeps the later sighting; the other is dropped, and
 *   whatever pointed at it (change events) points at the kept one;
 * - a period with another value that starts inside a kept one closes the kept one at its
 *   start: the newer price is the current one, and both distinct periods stay;
 * - a period that cannot be placed without cutting another one short (same start,
 *   another value; or lying inside a longer one) is left where it is, under its old id,
 *   so nothing is lost; the caller reports it.
 */

export interface MergePeriod {
  id: number;
  validFrom: Date;
  validTo: Date | null;
  lastSeenAt: Date;
  /** Equal values are the same price or score. */
  value: string;
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
  /** Periods that could not be placed: they stay where they were. */
  leave: number[];
}

const end = (validTo: Date | null) => validTo?.getTime() ?? Number.POSITIVE_INFINITY;
const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

export function mergeTimeline(periods: readonly MergePeriod[]): PeriodMergePlan {
  const sorted = [...periods].sort(
    (a, b) => a.validFrom.getTime() - b.validFrom.getTime() || b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || a.id - b.id,
  );
  const kept: Array<KeptPeriod & { value: string }> = [];
  const plan: PeriodMergePlan = { keep: [], drop: [], leave: [] };
  for (const period of sorted) {
    // Kept periods never overlap and start no later than this one: only the last can meet it.
    const last = kept.at(-1);
    const meets = last !== undefined && period.validFrom.getTime() <= end(last.validTo);
    if (!last || !meets) {
      kept.push({ ...period });
      continue;
    }
    if (last.value === period.value) {
      last.validTo = end(period.validTo) > end(last.validTo) ? period.validTo : last.validTo;
      last.lastSeenAt = later(last.lastSeenAt, period.lastSeenAt);
      plan.drop.push({ id: period.id, into: last.id });
      continue;
    }
    const overlaps = period.validFrom.getTime() < end(last.validTo);
    if (!overlaps) {
      kept.push({ ...period });
      continue;
    }
    const startsLater = period.validFrom.getTime() > last.validFrom.getTime();
    const outlasts = end(period.validTo) >= end(last.validTo);
    if (startsLater && outlasts) {
      last.validTo = period.validFrom;
      kept.push({ ...period });
    } else {
      plan.leave.push(period.id);
    }
  }
  plan.keep = kept.map(({ id, validFrom, validTo, lastSeenAt }) => ({ id, validFrom, validTo, lastSeenAt }));
  return plan;
}

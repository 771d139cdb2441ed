/**
 * Pure planning of period history. Given the periods already recorded for one series
 * (an offering's prices from one source, or a model's score on one benchmark) and what
 * a run observed, it decides what to write: touch (seen again, unchanged), close, open,
 * and which events that makes. The writer applies the plan in one transaction.
 *
 * Rules (DESIGN.md invariants):
 * - an unchanged value writes no period, only a later last-seen mark;
 * - a change closes the open period at the observation time and opens a new one;
 * - an observation older than recorded history that disagrees with it is rejected with a
 *   reason, never spliced in (backfills run in date order); one that agrees changes nothing,
 *   so ingesting a payload twice changes nothing;
 * - in a full snapshot, a series not observed is closed (delisted) and may reopen later;
 * - a run older than the source's newest one is history (`historyUntil`, the source's next
 *   observation): a period it opens is bounded by the next observation, it never becomes
 *   current, never delists, and never overrides a value the source reported later.
 */

export interface RecordedPeriod<V> {
  id: number;
  validFrom: Date;
  validTo: Date | null;
  lastSeenAt: Date;
  value: V;
}

export interface ObservedPeriod<V> {
  /** Start of validity: the source's own date, or the observation time. */
  validFrom: Date;
  /** End stated by the source (dated histories), else null. */
  validTo: Date | null;
  value: V;
}

export type PeriodRef = { kind: "recorded"; id: number } | { kind: "planned"; index: number };

export interface PlannedPeriod<V> {
  validFrom: Date;
  validTo: Date | null;
  value: V;
}

export type SeriesEvent<V> =
  | { kind: "listed"; effectiveAt: Date; period: PeriodRef; value: V }
  | { kind: "delisted"; effectiveAt: Date; period: PeriodRef; value: V }
  | { kind: "changed"; effectiveAt: Date; from: PeriodRef; to: PeriodRef; oldValue: V; newValue: V };

export interface SeriesPlan<V> {
  touch: number[];
  close: Array<{ id: number; validTo: Date }>;
  open: PlannedPeriod<V>[];
  events: SeriesEvent<V>[];
  rejected: string[];
}

interface WorkingPeriod<V> {
  ref: PeriodRef;
  validFrom: Date;
  validTo: Date | null;
  lastSeenAt: Date | null;
  value: V;
}

const contains = (period: { validFrom: Date; validTo: Date | null }, at: Date) =>
  period.validFrom <= at && (period.validTo === null || at < period.validTo);

export interface PlanOptions {
  /**
   * Set when the run is older than the source's newest observation: the time of the
   * source's next observation after this run, which bounds every period the run opens.
   */
  historyUntil?: Date | null;
}

/**
 * Plans one series. `observed` empty means the series was absent from this run: with
 * `fullSnapshot` its open period is closed at `at`.
 */
export function planSeries<V>(
  recorded: readonly RecordedPeriod<V>[],
  observed: readonly ObservedPeriod<V>[],
  at: Date,
  fullSnapshot: boolean,
  same: (a: V, b: V) => boolean,
  options: PlanOptions = {},
): SeriesPlan<V> {
  const historyUntil = options.historyUntil ?? null;
  const plan: SeriesPlan<V> = { touch: [], close: [], open: [], events: [], rejected: [] };
  const periods: WorkingPeriod<V>[] = recorded
    .map((p) => ({ ref: { kind: "recorded" as const, id: p.id }, validFrom: p.validFrom, validTo: p.validTo, lastSeenAt: p.lastSeenAt, value: p.value }))
    .sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());

  const closePeriod = (period: WorkingPeriod<V>, validTo: Date) => {
    period.validTo = validTo;
    if (period.ref.kind === "recorded") plan.close.push({ id: period.ref.id, validTo });
    else plan.open[period.ref.index]!.validTo = validTo;
  };
  const openPeriod = (validFrom: Date, validTo: Date | null, value: V): WorkingPeriod<V> => {
    const ref: PeriodRef = { kind: "planned", index: plan.open.length };
    plan.open.push({ validFrom, validTo, value });
    const period = { ref, validFrom, validTo, lastSeenAt: null, value };
    periods.push(period);
    periods.sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
    return period;
  };
  const touch = (period: WorkingPeriod<V>) => {
    if (period.ref.kind === "recorded" && period.lastSeenAt !== null && at >= period.lastSeenAt && !plan.touch.includes(period.ref.id)) {
      plan.touch.push(period.ref.id);
    }
  };

  for (const wanted of [...observed].sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime())) {
    if (wanted.validTo !== null && wanted.validTo <= wanted.validFrom) {
      plan.rejected.push(`empty period ${iso(wanted.validFrom)} -> ${iso(wanted.validTo)}`);
      continue;
    }
    const current = periods.find((p) => contains(p, wanted.validFrom));
    if (current) {
      if (same(current.value, wanted.value)) {
        touch(current);
        // A dated source says the period ended: close it there (delisted unless a successor follows).
        if (wanted.validTo !== null && current.validTo === null) {
          closePeriod(current, wanted.validTo);
          plan.events.push({ kind: "delisted", effectiveAt: wanted.validTo, period: current.ref, value: current.value });
        }
        continue;
      }
      if (current.validFrom.getTime() === wanted.validFrom.getTime()) {
        plan.rejected.push(`a different value is already recorded from ${iso(wanted.validFrom)}`);
        continue;
      }
      if (current.validTo !== null || periods.some((p) => p.validFrom > wanted.validFrom)) {
        plan.rejected.push(`observation at ${iso(wanted.validFrom)} predates recorded history and disagrees with it`);
        continue;
      }
      // History older than a later sighting of the current value cannot replace it: when
      // the value changed back is unknown, so nothing is spliced in.
      if (historyUntil !== null && current.lastSeenAt !== null && current.lastSeenAt > wanted.validFrom) {
        plan.rejected.push(
          `observation at ${iso(wanted.validFrom)} is older than the source's newest one and disagrees with the value seen at ${iso(current.lastSeenAt)}`,
        );
        continue;
      }
      closePeriod(current, wanted.validFrom);
      const next = openPeriod(wanted.validFrom, wanted.validTo, wanted.value);
      plan.events.push({ kind: "changed", effectiveAt: wanted.validFrom, from: current.ref, to: next.ref, oldValue: current.value, newValue: wanted.value });
      continue;
    }

    const later = periods.find((p) => p.validFrom > wanted.validFrom);
    // History is bounded by the next observation: the next recorded period, else the source's next run.
    const bound = historyUntil === null ? null : (later?.validFrom ?? historyUntil);
    const validTo = bound !== null && wanted.validTo === null && bound > wanted.validFrom ? bound : wanted.validTo;
    if (later && (validTo === null || validTo > later.validFrom)) {
      plan.rejected.push(`observation at ${iso(wanted.validFrom)} predates recorded history from ${iso(later.validFrom)}`);
      continue;
    }
    const previous = [...periods].reverse().find((p) => p.validTo !== null && p.validTo <= wanted.validFrom);
    const next = openPeriod(wanted.validFrom, validTo, wanted.value);
    if (previous && previous.validTo!.getTime() === wanted.validFrom.getTime() && !same(previous.value, wanted.value)) {
      dropDelisting(plan, previous.ref, wanted.validFrom);
      plan.events.push({ kind: "changed", effectiveAt: wanted.validFrom, from: previous.ref, to: next.ref, oldValue: previous.value, newValue: wanted.value });
    } else {
      plan.events.push({ kind: "listed", effectiveAt: wanted.validFrom, period: next.ref, value: wanted.value });
    }
    // History bounded by the next recorded period ends in that one's start, not a delisting.
    const boundedByLater = bound !== null && later !== undefined && validTo === later.validFrom;
    if (validTo !== null && !boundedByLater) {
      plan.events.push({ kind: "delisted", effectiveAt: validTo, period: next.ref, value: wanted.value });
    }
  }

  if (observed.length === 0 && fullSnapshot && historyUntil === null) {
    const open = periods.find((p) => p.validTo === null);
    if (open && at > open.validFrom && (open.lastSeenAt === null || at >= open.lastSeenAt)) {
      closePeriod(open, at);
      plan.events.push({ kind: "delisted", effectiveAt: at, period: open.ref, value: open.value });
    }
  }
  return plan;
}

/** A dated source closing a period and opening the next at the same instant is a change, not a delisting. */
function dropDelisting<V>(plan: SeriesPlan<V>, ref: PeriodRef, at: Date): void {
  const index = plan.events.findIndex(
    (event) => event.kind === "delisted" && event.effectiveAt.getTime() === at.getTime() && sameRef(event.period, ref),
  );
  if (index >= 0) plan.events.splice(index, 1);
}

function sameRef(a: PeriodRef, b: PeriodRef): boolean {
  return a.kind === b.kind && (a.kind === "recorded" ? a.id === (b as { id: number }).id : a.index === (b as { index: number }).index);
}

function iso(date: Date): string {
  return date.toISOString();
}

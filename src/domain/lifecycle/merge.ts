/**
 * One offering's lifecycle at a date, merged from three origins (issue 13). The rule:
 * 1. a reviewed stage (lifecycle.yaml, read off the providers' pages) in force at the
 *    date wins over everything: it was checked by hand against the provider's own words;
 * 2. otherwise the most advanced stage (retired > deprecated > preview) among
 *    - the sources' own fields for this seller's offering (OpenRouter's expiration_date
 *      for OpenRouter's offering) and for the maker's offering (models.dev's status under
 *      the lab), which speaks for the model everywhere,
 *    - delisting by every source (delisting.ts);
 *    a tie goes to the earlier date;
 * 3. otherwise the model's name (preview, exp) or GA, as lifecycle.ts reads it.
 * A source's retirement dated after the date reads as deprecated until then.
 */
import type { Delisting } from "./delisting.ts";
import { lifecycleAt, reviewedLifecycle, type Lifecycle, type LifecycleEvent, type LifecycleStage } from "./lifecycle.ts";

export interface StoredSignal {
  source: string;
  provider: string;
  stage: "preview" | "deprecated" | "retired";
  /** The date the source gives for the stage, or null (then it counts from firstSeenAt). */
  effectiveAt: Date | null;
  firstSeenAt: Date;
  note: string;
}

const ADVANCE: Record<LifecycleStage, number> = { preview: 0, ga: 1, deprecated: 2, retired: 3 };
const day = (date: Date) => date.toISOString().slice(0, 10);

/** The stage a signal puts its offering in at `at`, or null before the source first said so. */
export function signalAt(signal: StoredSignal, at: Date): Pick<Lifecycle, "stage" | "since" | "next"> | null {
  if (signal.firstSeenAt > at) return null;
  if (signal.stage === "retired" && signal.effectiveAt && signal.effectiveAt > at) {
    return { stage: "deprecated", since: signal.firstSeenAt.toISOString(), next: { stage: "retired", from: signal.effectiveAt.toISOString() } };
  }
  return { stage: signal.stage, since: (signal.effectiveAt ?? signal.firstSeenAt).toISOString(), next: null };
}

export interface OfferingLifecycleInput {
  model: string;
  provider: string;
  /** The model's maker: its own offering's signals speak for the model. */
  creator: string | null;
  at: Date;
  signals: readonly StoredSignal[];
  delisting: Delisting | null;
  reviewed?: Map<string, LifecycleEvent[]>;
}

export function offeringLifecycle(input: OfferingLifecycleInput): Lifecycle {
  const base = lifecycleAt(input.model, input.at, input.reviewed ?? reviewedLifecycle());
  if (base.basis === "reviewed") return base;
  const candidates: Lifecycle[] = [];
  for (const signal of input.signals) {
    const own = signal.provider === input.provider;
    if (!own && signal.provider !== input.creator) continue;
    const stage = signalAt(signal, input.at);
    if (!stage) continue;
    const seller = signal.provider === input.creator ? null : signal.provider;
    candidates.push({ ...stage, next: stage.next ?? base.next, origin: `${signal.source} (payload ${day(signal.firstSeenAt)}, ${signal.provider}'s offering)`, basis: "source", seller, note: signal.note });
  }
  if (input.delisting) {
    const { since, sources } = input.delisting;
    candidates.push({ stage: "retired", since: since.toISOString(), origin: `delisted by every source (${sources.join(", ")})`, basis: "delisted", seller: null, note: `no source lists the model since ${day(since)}`, next: null });
  }
  const chosen = candidates.sort((a, b) => ADVANCE[b.stage] - ADVANCE[a.stage] || (a.since ?? "").localeCompare(b.since ?? ""))[0];
  return chosen ?? base;
}

/**
 * The integrity gate for a price run, pure: between resolving and writing, it decides
 * what the run may write. Per entry, a value out of bounds is rejected and a jump (10x
 * against the previous value, or against two or more other sources) is held in
 * quarantine; neither delists its offering. For the run as a whole, too many jumps is a
 * unit error and a full snapshot that lost too much of what the source listed is a
 * shrink: both fail the run, which then writes nothing.
 */
import type { PriceValue } from "../prices/price-value.ts";
import { samePrice } from "../prices/price-value.ts";
import { priceBoundViolation } from "./bounds.ts";
import { describeJump, findJump, sameHeadlinePrice, type Jump } from "./jumps.ts";
import { findRelease, type Release, type ShrinkRelease } from "./releases.ts";
import type { IntegrityThresholds } from "./thresholds.ts";

/** What the gate needs of an observation; the rest of it passes through untouched. */
export interface GateObservation {
  /** The offering's key string (provider|model|variant|region). */
  key: string;
  providerId: string;
  rawName: string;
  value: PriceValue;
  /** Dated sources may state an end: such a closed period is history, not a current claim. */
  validTo: Date | null;
}

/** A current (open) price of this source. */
export interface CurrentPrice {
  key: string;
  offeringId: number;
  providerId: string;
  modelId: string;
  value: PriceValue;
}

/** A current price of another source for an offering this run observed. */
export interface OtherPrice {
  key: string;
  offeringId: number;
  sourceId: string;
  value: PriceValue;
}

export interface PriceGateInput<O extends GateObservation> {
  sourceId: string;
  thresholds: IntegrityThresholds;
  /** The run may delist (a full snapshot that is not history): only then is shrink checked. */
  delists: boolean;
  observations: readonly O[];
  current: readonly CurrentPrice[];
  others: readonly OtherPrice[];
  releases: readonly Release[];
  /** Reviewed shrinks that apply to this run (source and date already matched): the largest loss each accepts. */
  shrinkReleases: readonly ShrinkRelease[];
  /** Models of entries the parser skipped (a placeholder price): their offerings stay listed. */
  protectedModels: ReadonlySet<string>;
}

export interface HeldPrice<O> {
  observation: O;
  offeringId: number;
  previous: PriceValue | null;
  reason: string;
}

/** A jump let through: by a reviewed release or because another source reports the same price. */
export interface Settlement {
  key: string;
  status: "released" | "confirmed";
  by: string;
}

export interface PriceGatePass<O> {
  ok: true;
  write: O[];
  held: HeldPrice<O>[];
  rejected: Array<{ observation: O; reason: string }>;
  settled: Settlement[];
  /** Offerings a full snapshot must not delist although the run writes nothing for them. */
  keepListed: Set<string>;
}

export interface PriceGateFailure<O> {
  ok: false;
  kind: "unit-error" | "shrink";
  message: string;
  rejected: Array<{ observation: O; reason: string }>;
  held: HeldPrice<O>[];
}

export type PriceGateVerdict<O> = PriceGatePass<O> | PriceGateFailure<O>;

export function gatePriceRun<O extends GateObservation>(input: PriceGateInput<O>): PriceGateVerdict<O> {
  const { thresholds } = input;
  const currentByKey = new Map(input.current.map((price) => [price.key, price]));
  const othersByKey = new Map<string, OtherPrice[]>();
  for (const other of input.others) othersByKey.set(other.key, [...(othersByKey.get(other.key) ?? []), other]);

  const write: O[] = [];
  const held: HeldPrice<O>[] = [];
  const rejected: Array<{ observation: O; reason: string }> = [];
  const settled: Settlement[] = [];
  const keepListed = new Set<string>();
  let comparable = 0;

  for (const observation of input.observations) {
    const judgement = judge(input, observation, currentByKey.get(observation.key), othersByKey.get(observation.key) ?? []);
    if (judgement.comparable) comparable++;
    switch (judgement.kind) {
      case "write":
        write.push(observation);
        if (judgement.settlement) settled.push(judgement.settlement);
        break;
      case "reject":
        rejected.push({ observation, reason: judgement.reason });
        keepListed.add(observation.key);
        break;
      case "hold":
        held.push({ observation, offeringId: judgement.offeringId, previous: judgement.previous, reason: judgement.reason });
        keepListed.add(observation.key);
        break;
    }
  }

  if (held.length >= thresholds.minJumpsForUnitError && held.length > thresholds.maxJumpShare * comparable) {
    const share = Math.round((held.length / comparable) * 100);
    const example = held[0]!;
    return {
      ok: false,
      kind: "unit-error",
      message:
        `unit error: ${held.length} of ${comparable} comparable prices (${share}%) jump ${thresholds.jumpFactor}x or more ` +
        `(above ${thresholds.maxJumpShare * 100}%), e.g. ${example.observation.rawName}: ${example.reason}; nothing written`,
      rejected,
      held,
    };
  }

  for (const price of input.current) if (input.protectedModels.has(price.modelId)) keepListed.add(price.key);

  if (input.delists) {
    const shrink = shrinkOf(input, keepListed, thresholds);
    if (shrink) return { ok: false, kind: "shrink", message: shrink, rejected, held };
  }
  // Sources list one offering under several names (LiteLLM's "gpt-4o" and "openai/gpt-4o",
  // models.dev's per-route keys): when one name's entry is rejected or held, the others may
  // not move the offering's price in its place. The offering keeps its price this run.
  const frozen = new Set([...rejected.map(({ observation }) => observation.key), ...held.map(({ observation }) => observation.key)]);
  return { ok: true, write: write.filter((observation) => !frozen.has(observation.key)), held, rejected, settled, keepListed };
}

type Judgement =
  | { kind: "write"; comparable: boolean; settlement?: Settlement }
  | { kind: "reject"; comparable: false; reason: string }
  | { kind: "hold"; comparable: true; offeringId: number; previous: PriceValue | null; reason: string };

/**
 * One entry: out of bounds is rejected; a jump is held unless another source confirms
 * it or a reviewed release names it. `comparable`: the entry has something to jump
 * against (the denominator of the unit-error share).
 */
function judge<O extends GateObservation>(
  input: PriceGateInput<O>,
  observation: O,
  previous: CurrentPrice | undefined,
  others: readonly OtherPrice[],
): Judgement {
  const violation = priceBoundViolation(observation.value, input.thresholds);
  if (violation) return { kind: "reject", comparable: false, reason: `rejected: ${violation}` };
  // Only a claim about the current price can jump; a closed dated period is history.
  if (observation.validTo !== null) return { kind: "write", comparable: false };
  const enoughOthers = others.length >= input.thresholds.minOtherSources;
  const comparable = previous !== undefined || enoughOthers;
  if (previous && samePrice(previous.value, observation.value)) return { kind: "write", comparable };
  const jump = jumpOf(observation.value, previous?.value ?? null, enoughOthers ? others : [], input.thresholds.jumpFactor);
  if (!jump) return { kind: "write", comparable };

  const confirming = others.find((other) => sameHeadlinePrice(other.value, observation.value));
  if (confirming) return { kind: "write", comparable, settlement: { key: observation.key, status: "confirmed", by: confirming.sourceId } };
  const release = findRelease(input.releases, input.sourceId, observation.rawName, observation.value);
  if (release) return { kind: "write", comparable, settlement: { key: observation.key, status: "released", by: `release: ${release.reason}` } };
  return { kind: "hold", comparable: true, offeringId: previous?.offeringId ?? others[0]!.offeringId, previous: previous?.value ?? null, reason: jump };
}

/** Why the value jumps (against the previous value, or against every one of enough other sources), or null. */
function jumpOf(value: PriceValue, previous: PriceValue | null, others: readonly OtherPrice[], factor: number): string | null {
  const againstPrevious = previous ? findJump(previous, value, factor) : null;
  if (againstPrevious) return describeJump(againstPrevious, "the previous value");
  if (others.length === 0) return null;
  const jumps = others.map((other) => findJump(other.value, value, factor));
  if (jumps.some((jump) => jump === null)) return null;
  const smallest = (jumps as Jump[]).reduce((a, b) => (b.factor < a.factor ? b : a));
  return describeJump(smallest, `${others.length} other sources (${others.map((other) => other.sourceId).sort().join(", ")})`);
}

/**
 * A full snapshot that no longer lists too much of what the source lists now is a
 * shrink, whichever sellers the missing offerings belong to: a payload that lost whole
 * sellers is as broken as one that lost half of each. Only its own sellers' offerings
 * would be delisted (the writer's rule), and at most `maxLost` of them.
 */
function shrinkOf<O extends GateObservation>(input: PriceGateInput<O>, keepListed: ReadonlySet<string>, thresholds: IntegrityThresholds): string | null {
  const total = input.current.length;
  if (total === 0) return null;
  const listed = new Set(input.observations.map((observation) => observation.key));
  const sellers = new Set(input.observations.map((observation) => observation.providerId));
  const missing = input.current.filter((price) => !listed.has(price.key) && !keepListed.has(price.key));
  const delisted = missing.filter((price) => sellers.has(price.providerId));
  const kept = total - missing.length;
  if (delisted.length <= thresholds.maxLost && kept >= thresholds.minKeptShare * total) return null;
  if (input.shrinkReleases.some((release) => release.lost >= missing.length)) return null;
  const examples = missing.slice(0, 5).map((price) => price.key.replace(/\|+$/, "")).join(", ");
  return (
    `shrink: the payload lists ${kept} of the ${total} offerings the source lists now (${Math.round((kept / total) * 100)}%) ` +
    `and would delist ${delisted.length} (limits: at least ${thresholds.minKeptShare * 100}% listed, at most ${thresholds.maxLost} delisted); ` +
    `missing e.g. ${examples}; nothing delisted (a reviewed shrink entry in releases.yaml accepts a real one)`
  );
}

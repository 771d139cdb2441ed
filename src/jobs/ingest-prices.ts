/**
 * The stages of a price run after parsing: resolve (pure) -> integrity gate (pure, against
 * what the database holds) -> write history, quarantine and aliases. `preparePrices` is
 * the pure part; `ingestPrices` runs inside the run's transaction and is self-contained,
 * so a retrying transaction wrapper can run it again.
 */
import type { Executor } from "../db/client.ts";
import { offeringKeyString, persistResolvedNames } from "../db/queries/catalogue.ts";
import { recordLifecycleSignals } from "../db/queries/lifecycle-signals.ts";
import { currentPricesOf, nextObservationAfter, otherSourcesPrices } from "../db/queries/gate-context.ts";
import { priceOfferingKey, writePriceHistory } from "../db/queries/price-history.ts";
import { holdPrices, settleQuarantine } from "../db/queries/quarantine.ts";
import type { PriceObservation, SkippedEntry } from "../domain/observation.ts";
import { resolvePriceObservations, skippedModelIds, type Matched, type ResolvedRun } from "../domain/ingest/resolve-stage.ts";
import { gatePriceRun } from "../domain/integrity/price-gate.ts";
import { loadReleases, shrinkReleasesFor, type Releases } from "../domain/integrity/releases.ts";
import type { IntegrityThresholds } from "../domain/integrity/thresholds.ts";
import { priceValueOf } from "../domain/prices/price-value.ts";
import { loadOverrides } from "../domain/resolve/overrides.ts";
import { IntegrityError, type IngestCounts } from "./ingest-counts.ts";

export interface PreparedPrices {
  sourceId: string;
  at: Date;
  fullSnapshot: boolean;
  thresholds: IntegrityThresholds;
  resolved: ResolvedRun<PriceObservation>;
  /** Models of entries the parser skipped: their offerings are not delisted. */
  protectedModels: ReadonlySet<string>;
  /** Entries that failed validation before resolution. */
  invalid: readonly SkippedEntry[];
  parsed: number;
  skipped: number;
}

export function preparePrices(input: {
  sourceId: string;
  at: Date;
  fullSnapshot: boolean;
  namesHaveAuthors: boolean;
  thresholds: IntegrityThresholds;
  observations: readonly PriceObservation[];
  skipped: readonly SkippedEntry[];
  invalid?: readonly SkippedEntry[];
  parsed?: number;
}): PreparedPrices {
  const overrides = loadOverrides();
  const options = { namesHaveAuthors: input.namesHaveAuthors, at: input.at };
  return {
    sourceId: input.sourceId,
    at: input.at,
    fullSnapshot: input.fullSnapshot,
    thresholds: input.thresholds,
    resolved: resolvePriceObservations(input.sourceId, input.observations, overrides, options),
    protectedModels: skippedModelIds(input.sourceId, input.skipped, overrides, options),
    invalid: input.invalid ?? [],
    parsed: input.parsed ?? input.observations.length,
    skipped: input.skipped.length,
  };
}

export async function ingestPrices(
  tx: Executor,
  prepared: PreparedPrices,
  runId: number | null,
  releases: Releases = loadReleases(),
): Promise<IngestCounts> {
  const { sourceId, at, resolved } = prepared;
  await persistResolvedNames(tx, sourceId, resolved.names, at);
  await recordLifecycleSignals(tx, sourceId, at, resolved.matched);

  // A run older than the source's newest one is history: its jumps are measured against
  // the source's prices in force then (today's differ by design, as may other sources'),
  // and it never delists, so no shrink applies.
  const historyUntil = await nextObservationAfter(tx, sourceId, at);
  const history = historyUntil !== null;
  const modelIds = resolved.matched.map((observation) => observation.modelId);
  const verdict = gatePriceRun({
    sourceId,
    thresholds: prepared.thresholds,
    delists: prepared.fullSnapshot && !history,
    observations: resolved.matched.map(gateEntry),
    current: await currentPricesOf(tx, sourceId, history ? at : undefined),
    others: history ? [] : await otherSourcesPrices(tx, sourceId, modelIds),
    releases: releases.prices,
    shrinkReleases: shrinkReleasesFor(releases.shrinks, sourceId, at),
    protectedModels: prepared.protectedModels,
  });
  const rejected: SkippedEntry[] = [
    ...prepared.invalid,
    ...verdict.rejected.map(({ observation, reason }) => ({ name: observation.rawName, reason })),
  ];
  if (!verdict.ok) throw new IntegrityError(verdict.kind, verdict.message, { rejected: rejected.length, quarantined: verdict.held.length });

  await holdPrices(tx, {
    runId,
    sourceId,
    at,
    held: verdict.held.map(({ observation, offeringId, previous, reason }) => ({
      offeringId,
      rawName: observation.rawName,
      value: observation.value,
      previous,
      reason,
    })),
  });
  const written = await writePriceHistory(tx, {
    sourceId,
    runId,
    at,
    fullSnapshot: prepared.fullSnapshot,
    observations: verdict.write.map((entry) => entry.observation),
    keepListed: verdict.keepListed,
    historyUntil,
  });
  await settleQuarantine(tx, {
    sourceId,
    runId,
    at,
    written: verdict.write.map(({ key, value }) => ({ key, value })),
    settled: verdict.settled,
  });
  rejected.push(...written.rejected);
  return {
    parsed: prepared.parsed,
    skipped: prepared.skipped,
    changed: written.changed,
    unmatched: resolved.unmatched.length,
    rejected: rejected.length,
    quarantined: verdict.held.length,
    rejectedSamples: rejected.slice(0, 20),
  };
}

function gateEntry(observation: Matched<PriceObservation>) {
  return {
    key: offeringKeyString(priceOfferingKey(observation)),
    providerId: observation.provider,
    rawName: observation.model,
    value: priceValueOf(observation),
    validTo: observation.validTo ? new Date(observation.validTo) : null,
    observation,
  };
}

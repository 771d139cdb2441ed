/**
 * One run of one source: load its payload (network or replay), parse (pure), validate,
 * resolve names (pure), then in one transaction: the integrity gate against what is
 * recorded, history, quarantine and the payload archive. A bad payload (or one the gate
 * fails: a future date, a unit error, a shrink) fails the run with a clear error and
 * writes nothing but the run record; the previous history stays intact.
 */
import type { Logger } from "../config/logger.ts";
import type { Db } from "../db/client.ts";
import { syncSources } from "../db/queries/catalogue.ts";
import { archiveDocuments, finishRun, startRun, type RunTrigger } from "../db/queries/runs.ts";
import { ANALYZE_AFTER_CHANGED, refreshPlannerStatistics } from "../db/queries/planner-statistics.ts";
import { retryTransient, withWriteTransaction } from "../db/write-transaction.ts";
import type { z } from "zod";
import { describeIssues } from "../domain/zod-issues.ts";
import { priceObservationSchema, scoreObservationSchema, type SkippedEntry } from "../domain/observation.ts";
import { refuseFutureDates } from "../domain/integrity/dates.ts";
import { refuseTruncatedDocuments } from "../domain/integrity/documents.ts";
import { integrityThresholds, type IntegrityThresholds } from "../domain/integrity/thresholds.ts";
import type { BenchmarkSource, PayloadDocument, PriceSource, SourceDefinition } from "../../scrapers/source.ts";
import { IntegrityError, type IngestCounts } from "./ingest-counts.ts";
import { ingestPrices, preparePrices, type PreparedPrices } from "./ingest-prices.ts";
import { ingestScores, prepareScores, type PreparedScores } from "./ingest-scores.ts";
import { definitionsForRun } from "../../scrapers/release-definitions.ts";

/** The configuration a run may read API keys from (the validated Env, or process.env). */
export type SecretEnv = { readonly [name: string]: unknown };

export function apiKeyOf(source: SourceDefinition, env: SecretEnv | undefined): string | undefined {
  const value = source.apiKeyEnv ? env?.[source.apiKeyEnv] : undefined;
  return typeof value === "string" && value !== "" ? value : undefined;
}

export type DocumentLoader = (source: SourceDefinition) => Promise<PayloadDocument[]>;

export interface RunSourceOptions {
  trigger: NonNullable<RunTrigger>;
  /** The time the payload describes: now, or --at for a backfill. */
  at?: Date;
  /**
   * The current time observation times are checked against (more than a day ahead is
   * refused): the system clock, unless the caller's tick is its own now (the scheduler).
   */
  now?: Date;
  /** Where the payload comes from: the network fetcher or a replay reader. */
  load: DocumentLoader;
  /** Without it, a source that needs an API key is reported disabled. */
  env?: SecretEnv;
  logger?: Logger;
}

/** A run's outcome: its ingest counts (quarantined prices are listed by sources.quarantine) and its error. */
export interface RunSummary extends IngestCounts {
  runId: number;
  sourceId: string;
  status: "succeeded" | "failed" | "disabled";
  error: string | null;
}

export async function runSource(db: Db, source: SourceDefinition, options: RunSourceOptions): Promise<RunSummary> {
  const at = options.at ?? new Date();
  // Every statement outside the write transaction is retried or idempotent, so a connection lost at any moment fails no run a retry would save.
  await retryTransient(() => syncSources(db, [source]));
  const run = await startRun(db, source.id, options.trigger, at);
  const summary = (status: RunSummary["status"], counts: Partial<RunSummary> = {}): RunSummary => ({
    runId: run.id,
    sourceId: source.id,
    status,
    parsed: 0,
    changed: 0,
    unmatched: 0,
    rejected: 0,
    quarantined: 0,
    skipped: 0,
    error: null,
    rejectedSamples: [],
    ...counts,
  });

  if (source.apiKeyEnv && !apiKeyOf(source, options.env) && options.trigger !== "replay" && options.trigger !== "backfill") {
    const error = `disabled: set ${source.apiKeyEnv} to enable this source`;
    await finishRun(db, run.id, { status: "disabled", error });
    return summary("disabled", { error });
  }

  const thresholds = integrityThresholds(source.integrity);
  const now = options.now ?? new Date();
  try {
    refuseFutureDates(at, [], now, thresholds);
    const documents = await options.load(source);
    const prepared = prepare(source, documents, at, now, thresholds);
    const counts = await withWriteTransaction(db, async (tx) => {
      await archiveDocuments(tx, run.id, documents);
      return prepared.kind === "price" ? ingestPrices(tx, prepared.run, run.id) : ingestScores(tx, prepared.run, run.id);
    });
    const { rejectedSamples, quarantined, ...stored } = counts;
    await finishRun(db, run.id, { status: "succeeded", ...stored });
    if (counts.changed >= ANALYZE_AFTER_CHANGED) {
      await refreshPlannerStatistics(db, source.kind).catch((error: unknown) => options.logger?.warn({ source: source.id, err: error }, "analyze failed"));
    }
    options.logger?.info({ source: source.id, runId: run.id, ...stored, quarantined }, "run succeeded");
    return summary("succeeded", counts);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const gate = error instanceof IntegrityError ? error.counts : { rejected: 0, quarantined: 0 };
    await finishRun(db, run.id, { status: "failed", error: message, rejected: gate.rejected });
    options.logger?.warn({ source: source.id, runId: run.id, error: message }, "run failed");
    return summary("failed", { error: message, ...gate });
  }
}

type Prepared = { kind: "price"; run: PreparedPrices } | { kind: "benchmark"; run: PreparedScores };

/** The pure stages before the transaction: refuse truncated pages, parse, validate, refuse future dates, resolve. */
function prepare(source: SourceDefinition, documents: PayloadDocument[], at: Date, now: Date, thresholds: IntegrityThresholds): Prepared {
  refuseTruncatedDocuments(source.id, documents);
  return source.kind === "price"
    ? { kind: "price", run: preparePriceRun(source, documents, at, now, thresholds) }
    : { kind: "benchmark", run: prepareScoreRun(source, documents, at) };
}

function preparePriceRun(source: PriceSource, documents: PayloadDocument[], at: Date, now: Date, thresholds: IntegrityThresholds): PreparedPrices {
  const parsed = source.parse(documents, { observedAt: at });
  const { valid, invalid } = validateObservations(parsed.observations, priceObservationSchema);
  refuseFutureDates(at, valid, now, thresholds);
  return preparePrices({
    sourceId: source.id,
    at,
    fullSnapshot: source.fullSnapshot,
    namesHaveAuthors: source.namesHaveAuthors ?? false,
    thresholds,
    observations: valid,
    skipped: parsed.skipped,
    invalid,
    parsed: parsed.observations.length,
  });
}

function prepareScoreRun(source: BenchmarkSource, documents: PayloadDocument[], at: Date): PreparedScores {
  const parsed = source.parse(documents, { observedAt: at });
  const { valid, invalid } = validateObservations(parsed.observations, scoreObservationSchema);
  return prepareScores({
    sourceId: source.id,
    at,
    benchmarks: definitionsForRun(source, valid),
    namesHaveAuthors: source.namesHaveAuthors ?? false,
    observations: valid,
    skipped: parsed.skipped,
    invalid,
    parsed: parsed.observations.length,
  });
}

/** Parsers are typed, but the schema is the contract: an observation that breaks it is rejected, not written. */
function validateObservations<S extends z.ZodType<{ model: string }>>(
  observations: readonly { model: string }[],
  schema: S,
): { valid: z.infer<S>[]; invalid: SkippedEntry[] } {
  const valid: z.infer<S>[] = [];
  const invalid: SkippedEntry[] = [];
  for (const observation of observations) {
    const result = schema.safeParse(observation);
    if (result.success) valid.push(result.data);
    else invalid.push({ name: observation.model, reason: describeIssues(result.error) });
  }
  return { valid, invalid };
}

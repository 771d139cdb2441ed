/**
 * One run of one source: load its payload (network or replay), parse (pure), validate,
 * then write history and archive the payload in one transaction. A bad payload fails
 * the run with a clear error and writes nothing but the run record; the previous
 * history stays intact.
 */
import type { Logger } from "../config/logger.ts";
import type { Db, Executor } from "../db/client.ts";
import { syncSources } from "../db/queries/catalogue.ts";
import { writePriceHistory, type WriteCounts } from "../db/queries/price-history.ts";
import { archiveDocuments, finishRun, startRun, type RunTrigger } from "../db/queries/runs.ts";
import { writeScoreHistory } from "../db/queries/score-history.ts";
import type { z } from "zod";
import { describeIssues } from "../domain/zod-issues.ts";
import { priceObservationSchema, scoreObservationSchema, type SkippedEntry } from "../domain/observation.ts";
import type { BenchmarkSource, PayloadDocument, PriceSource, SourceDefinition } from "../../scrapers/source.ts";

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
  /** Where the payload comes from: the network fetcher or a replay reader. */
  load: DocumentLoader;
  /** Without it, a source that needs an API key is reported disabled. */
  env?: SecretEnv;
  logger?: Logger;
}

export interface RunSummary {
  runId: number;
  sourceId: string;
  status: "succeeded" | "failed" | "disabled";
  parsed: number;
  changed: number;
  unmatched: number;
  rejected: number;
  skipped: number;
  error: string | null;
  /** A few rejected entries with their reasons, for the operator. */
  rejectedSamples: SkippedEntry[];
}

export async function runSource(db: Db, source: SourceDefinition, options: RunSourceOptions): Promise<RunSummary> {
  const at = options.at ?? new Date();
  await syncSources(db, [source]);
  const run = await startRun(db, source.id, options.trigger, at);
  const summary = (status: RunSummary["status"], counts: Partial<RunSummary> = {}): RunSummary => ({
    runId: run.id,
    sourceId: source.id,
    status,
    parsed: 0,
    changed: 0,
    unmatched: 0,
    rejected: 0,
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

  try {
    const documents = await options.load(source);
    const counts = await db.transaction(async (tx) => {
      await archiveDocuments(tx, run.id, documents);
      const common = { sourceId: source.id, runId: run.id, at, namesHaveAuthors: source.namesHaveAuthors ?? false };
      return source.kind === "price" ? ingestPrices(tx, source, documents, common) : ingestScores(tx, source, documents, common);
    });
    const { rejectedSamples, ...stored } = counts;
    await finishRun(db, run.id, { status: "succeeded", ...stored });
    options.logger?.info({ source: source.id, runId: run.id, ...stored }, "run succeeded");
    return summary("succeeded", counts);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishRun(db, run.id, { status: "failed", error: message });
    options.logger?.warn({ source: source.id, runId: run.id, error: message }, "run failed");
    return summary("failed", { error: message });
  }
}

interface IngestCommon {
  sourceId: string;
  runId: number;
  at: Date;
  namesHaveAuthors: boolean;
}

type IngestCounts = Pick<RunSummary, "parsed" | "changed" | "unmatched" | "rejected" | "skipped" | "rejectedSamples">;

async function ingestPrices(tx: Executor, source: PriceSource, documents: PayloadDocument[], common: IngestCommon): Promise<IngestCounts> {
  const parsed = source.parse(documents, { observedAt: common.at });
  const { valid, invalid } = validateObservations(parsed.observations, priceObservationSchema);
  const written = await writePriceHistory(tx, { ...common, fullSnapshot: source.fullSnapshot, observations: valid });
  return ingestCounts(parsed.observations.length, parsed.skipped.length, invalid, written);
}

async function ingestScores(tx: Executor, source: BenchmarkSource, documents: PayloadDocument[], common: IngestCommon): Promise<IngestCounts> {
  const parsed = source.parse(documents, { observedAt: common.at });
  const { valid, invalid } = validateObservations(parsed.observations, scoreObservationSchema);
  const written = await writeScoreHistory(tx, { ...common, benchmarks: source.benchmarks, observations: valid });
  return ingestCounts(parsed.observations.length, parsed.skipped.length, invalid, written);
}

function ingestCounts(parsed: number, skipped: number, invalid: SkippedEntry[], written: WriteCounts): IngestCounts {
  const rejected = [...invalid, ...written.rejected];
  return { parsed, skipped, changed: written.changed, unmatched: written.unmatched, rejected: rejected.length, rejectedSamples: rejected.slice(0, 20) };
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

/**
 * One run of one source: load its payload (network or replay), parse (pure), validate,
 * then write history and archive the payload in one transaction. A bad payload fails
 * the run with a clear error and writes nothing but the run record; the previous
 * history stays intact.
 */
import type { Logger } from "../config/logger.ts";
import type { Db } from "../db/client.ts";
import { syncSources } from "../db/queries/catalogue.ts";
import { writePriceHistory } from "../db/queries/price-history.ts";
import { archiveDocuments, finishRun, startRun, type RunTrigger } from "../db/queries/runs.ts";
import { priceObservationSchema, type PriceObservation, type SkippedEntry } from "../domain/observation.ts";
import type { PayloadDocument, SourceDefinition } from "../../scrapers/source.ts";

export type DocumentLoader = (source: SourceDefinition) => Promise<PayloadDocument[]>;

export interface RunSourceOptions {
  trigger: NonNullable<RunTrigger>;
  /** The time the payload describes: now, or --at for a backfill. */
  at?: Date;
  /** Where the payload comes from: the network fetcher or a replay reader. */
  load: DocumentLoader;
  /** Without it, a source that needs an API key is reported disabled. */
  env?: Record<string, string | undefined>;
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

  if (source.apiKeyEnv && !options.env?.[source.apiKeyEnv] && options.trigger !== "replay" && options.trigger !== "backfill") {
    const error = `disabled: set ${source.apiKeyEnv} to enable this source`;
    await finishRun(db, run.id, { status: "disabled", error });
    return summary("disabled", { error });
  }

  try {
    const documents = await options.load(source);
    const counts = await db.transaction(async (tx) => {
      await archiveDocuments(tx, run.id, documents);
      if (source.kind !== "price") throw new Error(`${source.id}: benchmark ingestion is not wired yet`);
      const parsed = source.parse(documents, { observedAt: at });
      const { valid, invalid } = validatePrices(parsed.observations);
      const written = await writePriceHistory(tx, {
        sourceId: source.id,
        runId: run.id,
        at,
        fullSnapshot: source.fullSnapshot,
        namesHaveAuthors: source.namesHaveAuthors ?? false,
        observations: valid,
      });
      const rejected = [...invalid, ...written.rejected];
      return {
        parsed: parsed.observations.length,
        changed: written.changed,
        unmatched: written.unmatched,
        rejected: rejected.length,
        skipped: parsed.skipped.length,
        rejectedSamples: rejected.slice(0, 20),
      };
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

/** Parsers are typed, but the schema is the contract: an observation that breaks it is rejected, not written. */
function validatePrices(observations: readonly PriceObservation[]): { valid: PriceObservation[]; invalid: SkippedEntry[] } {
  const valid: PriceObservation[] = [];
  const invalid: SkippedEntry[] = [];
  for (const observation of observations) {
    const result = priceObservationSchema.safeParse(observation);
    if (result.success) valid.push(result.data);
    else invalid.push({ name: observation.model, reason: result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") });
  }
  return { valid, invalid };
}

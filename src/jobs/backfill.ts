/**
 * `pricewar backfill SOURCE DIR`: ingests the dated payloads of a folder (each entry a
 * file or a folder, its date in its name) in date order, one run each, so history is
 * built as if the source had been scraped on those days. Prints a progress line per
 * payload; a bad payload fails its own run and the backfill goes on.
 *
 * Resumable: a payload already ingested (a succeeded run of the source at the same
 * observation time with the same content hashes, from scrape_runs and the
 * content-addressed archive) is skipped, so a backfill interrupted by a crash, a shutdown
 * or a database fault picks up at the first payload it did not ingest, and the history it
 * ends with equals that of an uninterrupted one. A payload the database failed (a
 * transient error that outlived its retries) stops the backfill there, for the same reason.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../config/logger.ts";
import type { Db } from "../db/client.ts";
import type { PayloadDocument, SourceDefinition } from "../../scrapers/source.ts";
import { groupByDate, observationTime, orderSameDay, planBackfill, type DatedEntry } from "./backfill-plan.ts";
import { readReplayDocuments } from "./fetch/replay.ts";
import { payloadLimitOf } from "./fetch/payload-limit.ts";
import { runSource, type RunSummary } from "./run-source.ts";
import { ingestedPayloadKeys, payloadKey, sha256Of } from "../db/queries/runs.ts";
import { isTransientFailure, retryTransient } from "../db/write-transaction.ts";

const NOT_PAYLOADS = /^(\.|provenance\.md$|readme\.md$|index\.md$|naming\.md$)/i;

export interface BackfillOptions {
  progress?: (line: string) => void;
  logger?: Logger;
  /** Aborted: stop before the next payload (the current one finishes). */
  signal?: AbortSignal;
}

export interface BackfillResult {
  runs: Array<RunSummary & { entry: string; date: string }>;
  undated: string[];
  /** Entries skipped because an earlier backfill ingested them. */
  alreadyIngested: string[];
  /** The signal, or a database failure, stopped it before every payload was tried. */
  stopped: boolean;
}

export async function runBackfill(db: Db, source: SourceDefinition, dir: string, options: BackfillOptions = {}): Promise<BackfillResult> {
  const progress = options.progress ?? (() => {});
  const names = (await readdir(dir)).filter((name) => !NOT_PAYLOADS.test(name));
  const plan = planBackfill(names);
  if (plan.dated.length === 0) throw new Error(`backfill ${source.id}: no entry of ${dir} has a date in its name (YYYY-MM-DD)`);
  for (const name of plan.undated) progress(`skip ${name}: no date in its name`);

  const ordered = await orderEntries(source, dir, plan.dated);
  const ingested = await retryTransient(() => ingestedPayloadKeys(db, source.id));
  const result: BackfillResult = { runs: [], undated: plan.undated, alreadyIngested: [], stopped: false };
  for (const [index, { entry, indexInDay }] of ordered.entries()) {
    if (options.signal?.aborted) {
      result.stopped = true;
      progress(`stopped before ${entry.name}: ${ordered.length - index} payloads left for the next backfill`);
      break;
    }
    const started = Date.now();
    const at = observationTime(entry.date, indexInDay);
    const documents = await readReplayDocuments(join(dir, entry.name), payloadLimitOf(source)).catch(() => null);
    if (documents && ingested.has(payloadKey(at, documents.map((document) => sha256Of(document.body))))) {
      result.alreadyIngested.push(entry.name);
      continue;
    }
    if (result.alreadyIngested.length > 0 && result.runs.length === 0) {
      progress(`resuming at ${entry.name}: ${result.alreadyIngested.length} payloads already ingested`);
    }
    // A database fault before the run started (its bookkeeping) is retried like one inside its transaction.
    const summary = await retryTransient(() =>
      runSource(db, source, {
        trigger: "backfill",
        at,
        // An unreadable entry is read again by its run, which fails with the reason.
        load: documents ? async () => documents : () => readReplayDocuments(join(dir, entry.name), payloadLimitOf(source)),
        logger: options.logger,
      }),
    );
    result.runs.push({ ...summary, entry: entry.name, date: entry.date });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const counts =
      summary.status === "succeeded"
        ? `parsed ${summary.parsed}, changed ${summary.changed}, unmatched ${summary.unmatched}, rejected ${summary.rejected}, quarantined ${summary.quarantined}, skipped ${summary.skipped}`
        : `${summary.status}: ${summary.error}`;
    progress(`[${index + 1}/${ordered.length}] ${source.id} ${entry.name} @ ${entry.date}: ${counts} (${seconds}s)`);
    // The database failed this run, not its payload: later payloads wait for it, since history is built in date order.
    if (summary.status === "failed" && isTransientFailure(summary.error)) {
      result.stopped = true;
      progress(`stopped: the database failed ${entry.name}; run the backfill again to resume there (${ordered.length - index} payloads left)`);
      break;
    }
  }
  return result;
}

/** Date order; inside a date, the entry closest to the next date's payload goes last (see backfill-plan). */
async function orderEntries(source: SourceDefinition, dir: string, dated: DatedEntry[]) {
  const groups = groupByDate(dated);
  const ordered: Array<{ entry: DatedEntry; indexInDay: number }> = [];
  for (const [index, group] of groups.entries()) {
    let sorted = group;
    if (group.length > 1 && groups[index + 1]) {
      const facts = new Map<string, Set<string>>();
      for (const entry of group) facts.set(entry.name, await payloadFacts(source, join(dir, entry.name), entry.date));
      const next = groups[index + 1]![0]!;
      sorted = orderSameDay(group, facts, await payloadFacts(source, join(dir, next.name), next.date));
    }
    sorted.forEach((entry, indexInDay) => ordered.push({ entry, indexInDay }));
  }
  return ordered;
}

/** What a payload says, as comparable strings; an unreadable payload says nothing (its run will fail and tell why). */
async function payloadFacts(source: SourceDefinition, path: string, date: string): Promise<Set<string>> {
  let documents: PayloadDocument[];
  try {
    documents = await readReplayDocuments(path, payloadLimitOf(source));
    const context = { observedAt: new Date(`${date}T00:00:00Z`) };
    if (source.kind === "price") {
      return new Set(
        source.parse(documents, context).observations.map((o) => `${o.provider}|${o.model}|${o.variant}|${o.region}=${o.input}/${o.output}`),
      );
    }
    return new Set(source.parse(documents, context).observations.map((o) => `${o.benchmark}|${o.model}|${o.setting}=${o.score}`));
  } catch {
    return new Set();
  }
}

/** Source health: the latest runs, resolution shares, and the names no model matched. */
import { and, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { aliases, scrapeRuns } from "../schema/index.ts";
import { latestRuns, type ScrapeRun } from "./runs.ts";
import type { SourceDefinition } from "../../../scrapers/source.ts";
import { aliasLastSeen } from "./alias-seen.ts";

export interface SourceStatus {
  id: string;
  kind: SourceDefinition["kind"];
  authority: string | null;
  schedule: string;
  lastRun: Pick<ScrapeRun, "id" | "status" | "trigger" | "observedAt" | "startedAt" | "finishedAt" | "error"> | null;
  lastSuccess: Pick<ScrapeRun, "id" | "observedAt" | "finishedAt" | "parsed" | "changed" | "unmatched" | "rejected" | "skipped"> | null;
  /** Share of the last successful run's rows that resolved to a canonical model (null before any). */
  resolvedShare: number | null;
  names: { total: number; unmatched: number };
}

export async function sourceStatuses(db: Executor, definitions: readonly SourceDefinition[]): Promise<SourceStatus[]> {
  const [latest, successes, nameCounts] = await Promise.all([
    latestRuns(db),
    db
      .selectDistinctOn([scrapeRuns.sourceId])
      .from(scrapeRuns)
      .where(eq(scrapeRuns.status, "succeeded"))
      .orderBy(scrapeRuns.sourceId, desc(scrapeRuns.startedAt)),
    db
      .select({ source: aliases.source, total: count(), unmatched: sql<number>`count(*) filter (where ${aliases.modelId} is null)::int` })
      .from(aliases)
      .groupBy(aliases.source),
  ]);
  return definitions.map((source) => {
    const last = latest.find((run) => run.sourceId === source.id) ?? null;
    const success = successes.find((run) => run.sourceId === source.id) ?? null;
    const names = nameCounts.find((row) => row.source === source.id);
    return {
      id: source.id,
      kind: source.kind,
      authority: source.kind === "price" ? source.authority : null,
      schedule: `${source.schedule.cron} (${source.schedule.tz})`,
      lastRun: last && pick(last, ["id", "status", "trigger", "observedAt", "startedAt", "finishedAt", "error"]),
      lastSuccess: success && pick(success, ["id", "observedAt", "finishedAt", "parsed", "changed", "unmatched", "rejected", "skipped"]),
      resolvedShare: success && success.parsed > 0 ? round((success.parsed - success.unmatched) / success.parsed) : null,
      names: { total: Number(names?.total ?? 0), unmatched: Number(names?.unmatched ?? 0) },
    };
  });
}

function pick<T, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, row[key]])) as Pick<T, K>;
}

function round(share: number): number {
  return Math.round(share * 10_000) / 10_000;
}

export interface UnmatchedFilter {
  source?: string;
  limit: number;
}

/** Unmatched names, newest first, and their count per (source, reason): the largest groups tell what to fix. */
export async function unmatchedNames(db: Executor, filter: UnmatchedFilter) {
  const conditions: SQL[] = [isNull(aliases.modelId)];
  if (filter.source) conditions.push(eq(aliases.source, filter.source));
  const [names, groups] = await Promise.all([
    db
      .select({ source: aliases.source, rawName: aliases.rawName, reason: aliases.note, firstSeenAt: aliases.firstSeenAt, lastSeenAt: aliasLastSeen })
      .from(aliases)
      .where(and(...conditions))
      .orderBy(desc(aliasLastSeen), aliases.source, aliases.rawName)
      .limit(filter.limit),
    db
      .select({ source: aliases.source, reason: aliases.note, names: count() })
      .from(aliases)
      .where(and(...conditions))
      .groupBy(aliases.source, aliases.note)
      .orderBy(desc(count()), aliases.source),
  ]);
  return { names, groups: groups.map((group) => ({ ...group, names: Number(group.names) })) };
}

/**
 * Writes the catalogue side of an ingest: sources, providers, canonical models, aliases
 * and offerings. Everything is an idempotent upsert, so re-ingesting changes nothing.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { aliases, models, offerings, providers, sources } from "../schema/index.ts";
import { providerEntry } from "../../domain/providers.ts";
import type { ModelHints } from "../../domain/observation.ts";
import type { ResolvedName } from "../../domain/ingest/resolve-stage.ts";
import type { Resolution } from "../../domain/resolve/resolve.ts";
import type { SourceDefinition } from "../../../scrapers/source.ts";
import { latestSighting } from "./period-seen.ts";

/** Postgres caps bind parameters per statement; bulk writes go in slices of this many rows. */
const SLICE = 500;

export function slices<T>(rows: readonly T[], size = SLICE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function syncSources(db: Executor, definitions: readonly SourceDefinition[]): Promise<void> {
  if (definitions.length === 0) return;
  await db
    .insert(sources)
    .values(
      definitions.map((source) => ({
        id: source.id,
        kind: source.kind,
        authority: source.kind === "price" ? source.authority : null,
        description: source.description,
      })),
    )
    .onConflictDoUpdate({
      target: sources.id,
      set: { kind: sql`excluded.kind`, authority: sql`excluded.authority`, description: sql`excluded.description` },
      // Only a source whose definition changed is written: a restart writes no source row.
      setWhere: sql`(sources.kind, sources.authority, sources.description) is distinct from (excluded.kind, excluded.authority, excluded.description)`,
    });
}

/**
 * Catalogue rows are inserted in key order, so that two transactions that insert some of
 * the same keys lock them in the same order and cannot deadlock on them (write
 * transactions also queue behind one lock, db/write-transaction.ts; this holds for any writer).
 */
const byKey = <T>(key: (row: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export async function ensureProviders(db: Executor, ids: Iterable<string>): Promise<void> {
  const rows = [...new Set(ids)].sort().map((id) => {
    const entry = providerEntry(id);
    return { id, name: entry?.name ?? id, kind: entry?.kind ?? ("unknown" as const) };
  });
  for (const slice of slices(rows)) await db.insert(providers).values(slice).onConflictDoNothing();
}

/** The columns are 32-bit: a larger token count is a source's error, not a fact to fail the run on. */
const MAX_TOKEN_COUNT = 2 ** 31 - 1;
const tokenCount = (value: number | null | undefined) => (value != null && value <= MAX_TOKEN_COUNT ? value : null);

/**
 * Persists the resolve stage's answers (domain/ingest/resolve-stage.ts): records each raw
 * name as an alias (matched or not) and creates the canonical models that are new,
 * filling their facts from the hints where the catalogue has none yet.
 */
export async function persistResolvedNames(db: Executor, source: string, names: readonly ResolvedName[], at: Date): Promise<void> {
  const hintsByModel = new Map<string, { creator: string; name: string; hints: ModelHints }>();
  for (const { resolution, hints } of names) {
    if (resolution.modelId && !hintsByModel.has(resolution.modelId)) {
      hintsByModel.set(resolution.modelId, { creator: resolution.creator!, name: resolution.name!, hints });
    }
  }

  const modelRows = [...hintsByModel].sort(byKey(([id]) => id)).map(([id, { creator, name, hints }]) => ({
    id,
    creator,
    name,
    displayName: hints.displayName ?? null,
    family: hints.family ?? null,
    releaseDate: hints.releaseDate ?? null,
    openWeights: hints.openWeights ?? null,
    parameters: hints.parameters ?? null,
    contextWindow: tokenCount(hints.contextWindow),
    maxOutputTokens: tokenCount(hints.maxOutputTokens),
  }));
  const GAP_COLUMNS = ["display_name", "family", "release_date", "open_weights", "parameters", "context_window", "max_output_tokens"];
  const fillGap = (column: string) => sql.raw(`coalesce(models.${column}, excluded.${column})`);
  // Only a row with a gap to fill is updated: an unchanged re-run writes no model row.
  const fillsAGap = sql.raw(GAP_COLUMNS.map((column) => `(models.${column} is null and excluded.${column} is not null)`).join(" or "));
  for (const slice of slices(modelRows)) {
    await db
      .insert(models)
      .values(slice)
      .onConflictDoUpdate({
        target: models.id,
        set: {
          displayName: fillGap("display_name"),
          family: fillGap("family"),
          releaseDate: fillGap("release_date"),
          openWeights: fillGap("open_weights"),
          parameters: fillGap("parameters"),
          contextWindow: fillGap("context_window"),
          maxOutputTokens: fillGap("max_output_tokens"),
        },
        setWhere: fillsAGap,
      });
  }

  await recordAliasSightings(db, source, names, at);
}

/**
 * Records each raw name as an alias (matched or not), seen per run (alias-seen.ts): a
 * current run flags the names it shows and unflags, with their last sighting, the names
 * the source's latest run showed and this one does not. A name seen again unchanged is
 * not written, so an unchanged re-run writes no alias row. A run older than the source's
 * latest sighting (history) only widens first/last seen of the names it shows.
 */
async function recordAliasSightings(db: Executor, source: string, names: readonly ResolvedName[], at: Date): Promise<void> {
  const latest = await latestSighting(db, source);
  const history = latest !== null && latest > at;
  if (!history) {
    const shown = `{${names.map(({ raw }) => `"${raw.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
    await db
      .update(aliases)
      .set({ lastSeenAt: sql`coalesce(${latest?.toISOString() ?? null}::timestamptz, ${aliases.lastSeenAt})`, seenInLatestRun: false })
      .where(and(eq(aliases.source, source), eq(aliases.seenInLatestRun, true), sql`${aliases.rawName} <> all(${shown}::text[])`));
  }
  const aliasRows = names.map(({ raw, resolution }) => ({
    source,
    rawName: raw,
    modelId: resolution.modelId,
    method: resolution.method,
    note: resolution.note,
    setting: (resolution as Resolution & { setting?: string | null }).setting ?? "",
    firstSeenAt: at,
    lastSeenAt: at,
    seenInLatestRun: !history,
  }));
  // Written only where something moves: the answer, first seen, or last seen of a name not seen in the latest run.
  const changes = sql`aliases.model_id is distinct from excluded.model_id or aliases.method <> excluded.method
    or aliases.note is distinct from excluded.note or aliases.setting <> excluded.setting
    or aliases.first_seen_at > excluded.first_seen_at
    or (not aliases.seen_in_latest_run and (excluded.seen_in_latest_run or aliases.last_seen_at < excluded.last_seen_at))`;
  for (const slice of slices(aliasRows)) {
    await db
      .insert(aliases)
      .values(slice)
      .onConflictDoUpdate({
        target: [aliases.source, aliases.rawName],
        set: {
          modelId: sql`excluded.model_id`,
          method: sql`excluded.method`,
          note: sql`excluded.note`,
          setting: sql`excluded.setting`,
          firstSeenAt: sql`least(aliases.first_seen_at, excluded.first_seen_at)`,
          lastSeenAt: sql`case when aliases.seen_in_latest_run then aliases.last_seen_at else greatest(aliases.last_seen_at, excluded.last_seen_at) end`,
          seenInLatestRun: sql`aliases.seen_in_latest_run or excluded.seen_in_latest_run`,
        },
        setWhere: changes,
      });
  }
}

export interface OfferingKey {
  providerId: string;
  modelId: string;
  variant: string;
  region: string;
}

export const offeringKeyString = (key: OfferingKey) => `${key.providerId}|${key.modelId}|${key.variant}|${key.region}`;

/** Creates missing offerings and returns the id of every requested one by its key string. */
export async function ensureOfferings(db: Executor, keys: readonly OfferingKey[]): Promise<Map<string, number>> {
  await ensureProviders(db, keys.map((key) => key.providerId));
  const ordered = [...keys].sort(byKey(offeringKeyString));
  for (const slice of slices(ordered)) await db.insert(offerings).values(slice).onConflictDoNothing();
  const ids = new Map<string, number>();
  const modelIds = [...new Set(keys.map((key) => key.modelId))];
  for (const slice of slices(modelIds)) {
    const rows = await db.select().from(offerings).where(inArray(offerings.modelId, slice));
    for (const row of rows) ids.set(offeringKeyString(row), row.id);
  }
  return ids;
}

export async function findAlias(db: Executor, source: string, rawName: string) {
  const [row] = await db.select().from(aliases).where(and(eq(aliases.source, source), eq(aliases.rawName, rawName)));
  return row;
}

/**
 * Dated pointers of floating models (gpt-4o, deepseek-chat, *-latest) to the snapshot
 * they served: read at a date, and written from sources' metadata or reviewed overrides.
 */
import { and, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { rowsOf } from "../migrate.ts";
import { modelPointers, models } from "../schema/index.ts";
import { slices } from "./catalogue.ts";
import { isFloatingName, loadSeries, type Series } from "../../domain/resolve/series.ts";

export type ModelPointerRow = typeof modelPointers.$inferSelect;
export type NewModelPointer = Pick<typeof modelPointers.$inferInsert, "floatingModelId" | "snapshotModelId" | "validFrom" | "validTo" | "origin" | "note">;

/** The snapshot a floating model served at `at`, or null where no pointer says. */
export async function pointerAt(db: Executor, floatingModelId: string, at: Date): Promise<ModelPointerRow | null> {
  const [row] = await db
    .select()
    .from(modelPointers)
    .where(
      and(
        eq(modelPointers.floatingModelId, floatingModelId),
        lte(modelPointers.validFrom, at),
        or(isNull(modelPointers.validTo), gt(modelPointers.validTo, at)),
      ),
    )
    .orderBy(desc(modelPointers.validFrom))
    .limit(1);
  return row ?? null;
}

export async function modelPointersOf(db: Executor, floatingModelId: string): Promise<ModelPointerRow[]> {
  return db.select().from(modelPointers).where(eq(modelPointers.floatingModelId, floatingModelId)).orderBy(modelPointers.validFrom);
}

/**
 * Records pointers and marks their floating models as floating. A pointer already known
 * from the same start keeps its snapshot when it came from a reviewed override; a
 * source's metadata may correct a source's. Both models must exist.
 */
export async function upsertPointers(db: Executor, pointers: readonly NewModelPointer[]): Promise<number> {
  let written = 0;
  for (const slice of slices(pointers)) {
    const rows = await db
      .insert(modelPointers)
      .values([...slice])
      .onConflictDoUpdate({
        target: [modelPointers.floatingModelId, modelPointers.validFrom],
        set: { snapshotModelId: sql`excluded.snapshot_model_id`, validTo: sql`excluded.valid_to`, origin: sql`excluded.origin`, note: sql`excluded.note` },
        setWhere: sql`model_pointers.origin <> 'override' or excluded.origin = 'override'`,
      })
      .returning({ id: modelPointers.id });
    written += rows.length;
  }
  const floating = [...new Set(pointers.map((pointer) => pointer.floatingModelId))];
  for (const slice of slices(floating)) await db.update(models).set({ floating: true }).where(inArray(models.id, slice));
  return written;
}

/**
 * The reviewed series table (domain/resolve/series.yaml) into the catalogue: floating
 * names flagged (reviewed ones, "-latest" names, and undated names with several dated
 * snapshots in the catalogue), and their dated pointers recorded as reviewed ("override") where both
 * the floating model and the snapshot are in the catalogue. Pointer i holds from its date
 * until the next pointer's. Returns the number of pointers written.
 */
export async function syncReviewedPointers(db: Executor, series: readonly Series[] = loadSeries()): Promise<number> {
  const known = new Set((await db.select({ id: models.id }).from(models)).map((row) => row.id));
  const floating = [...known].filter((id) => isFloatingName(series, id, known));
  for (const slice of slices(floating)) await db.update(models).set({ floating: true }).where(inArray(models.id, slice));
  const pointers: NewModelPointer[] = [];
  for (const entry of series) {
    if (!entry.floating || !known.has(entry.name)) continue;
    entry.pointers.forEach((pointer, index) => {
      if (pointer.to === null || !known.has(pointer.to)) return;
      const next = entry.pointers[index + 1];
      pointers.push({
        floatingModelId: entry.name,
        snapshotModelId: pointer.to,
        validFrom: new Date(`${pointer.from}T00:00:00Z`),
        validTo: next ? new Date(`${next.from}T00:00:00Z`) : null,
        origin: "override",
        note: pointer.note,
      });
    });
  }
  return pointers.length > 0 ? upsertPointers(db, pointers) : 0;
}

/**
 * Pointers read from the sources' own prices, where no reviewed pointer says: a floating
 * name (gpt-4o) that a source prices at its maker exactly like one and only one dated
 * snapshot of it (gpt-4o-2024-08-06) serves that snapshot, from when both prices held.
 * Two snapshots at the same price tell nothing, so nothing is recorded then.
 */
export async function derivePointersFromEqualPrices(db: Executor): Promise<number> {
  const rows = rowsOf<{ floating: string; snapshot: string; source: string; from: Date | string }>(
    await db.execute(sql`
      select f.id as floating, s.id as snapshot, fp.source_id as source, greatest(fp.valid_from, sp.valid_from) as from
      from models f
      join offerings fo on fo.model_id = f.id and fo.provider_id = f.creator and fo.variant = 'standard' and fo.region = ''
      join price_periods fp on fp.offering_id = fo.id and fp.valid_to is null
      join models s on left(s.id, length(f.id) + 1) = f.id || '-' and substr(s.id, length(f.id) + 2) ~ '^20[0-9]{6}$'
      join offerings so on so.model_id = s.id and so.provider_id = fo.provider_id and so.variant = 'standard' and so.region = ''
      join price_periods sp on sp.offering_id = so.id and sp.source_id = fp.source_id and sp.valid_to is null
      where f.floating
        and not exists (select 1 from model_pointers p where p.floating_model_id = f.id and p.origin = 'override')
        and fp.currency = sp.currency and fp.input is not distinct from sp.input and fp.output is not distinct from sp.output
        and fp.cache_read is not distinct from sp.cache_read`),
  );
  const bySeriesAndSource = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.floating}|${row.source}`;
    bySeriesAndSource.set(key, [...(bySeriesAndSource.get(key) ?? []), row]);
  }
  const pointers: NewModelPointer[] = [];
  const seen = new Set<string>();
  for (const candidates of bySeriesAndSource.values()) {
    if (candidates.length !== 1) continue;
    const { floating, snapshot, source, from } = candidates[0]!;
    const validFrom = new Date(from);
    // One pointer per floating name and start: the first source to say wins.
    if (seen.has(`${floating}|${validFrom.getTime()}`)) continue;
    seen.add(`${floating}|${validFrom.getTime()}`);
    pointers.push({ floatingModelId: floating, snapshotModelId: snapshot, validFrom, validTo: null, origin: source, note: `${source} prices it at its maker exactly as ${snapshot}` });
  }
  return pointers.length > 0 ? upsertPointers(db, pointers) : 0;
}

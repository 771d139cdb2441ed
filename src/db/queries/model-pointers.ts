/**
 * Dated pointers of floating models (gpt-4o, deepseek-chat, *-latest) to the snapshot
 * they served: read at a date, and written from sources' metadata or reviewed overrides.
 */
import { and, desc, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
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
 * names flagged, and their dated pointers recorded as reviewed ("override") where both
 * the floating model and the snapshot are in the catalogue. Pointer i holds from its date
 * until the next pointer's. Returns the number of pointers written.
 */
export async function syncReviewedPointers(db: Executor, series: readonly Series[] = loadSeries()): Promise<number> {
  const known = new Set((await db.select({ id: models.id }).from(models)).map((row) => row.id));
  const floating = [...known].filter((id) => isFloatingName(series, id));
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

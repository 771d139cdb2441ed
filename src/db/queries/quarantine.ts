/**
 * Prices held by the integrity gate (table price_quarantine): recorded in the run's
 * transaction, settled when a later run of the source writes the offering (released by a
 * reviewed file, confirmed by another source, or superseded by a believable value), and
 * confirmed when another source writes the same price. Listed by sources.quarantine.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { offerings, priceQuarantine } from "../schema/index.ts";
import type { PriceValue } from "../../domain/prices/price-value.ts";
import { sameHeadlinePrice } from "../../domain/integrity/jumps.ts";
import type { Settlement } from "../../domain/integrity/price-gate.ts";
import { offeringKeyString, slices } from "./catalogue.ts";

export type QuarantineStatus = (typeof priceQuarantine.$inferSelect)["status"];

export interface HeldRow {
  offeringId: number;
  rawName: string;
  value: PriceValue;
  previous: PriceValue | null;
  reason: string;
}

/** Records held prices; the same held price (offering, source, observation time) is recorded once. */
export async function holdPrices(db: Executor, input: { runId: number | null; sourceId: string; at: Date; held: readonly HeldRow[] }): Promise<number> {
  let inserted = 0;
  const rows = input.held.map((row) => ({ ...row, scrapeRunId: input.runId, sourceId: input.sourceId, observedAt: input.at }));
  for (const slice of slices(rows)) {
    inserted += (await db.insert(priceQuarantine).values(slice).onConflictDoNothing().returning({ id: priceQuarantine.id })).length;
  }
  return inserted;
}

/** Held rows with their offering's key string. */
async function heldRows(db: Executor) {
  const rows = await db
    .select({ row: priceQuarantine, offering: offerings })
    .from(priceQuarantine)
    .innerJoin(offerings, eq(offerings.id, priceQuarantine.offeringId))
    .where(eq(priceQuarantine.status, "held"));
  return rows.map(({ row, offering }) => ({ ...row, key: offeringKeyString(offering) }));
}

async function setStatus(db: Executor, ids: readonly number[], status: QuarantineStatus, by: string, at: Date): Promise<void> {
  for (const slice of slices(ids)) {
    await db.update(priceQuarantine).set({ status, resolvedBy: by, resolvedAt: at }).where(inArray(priceQuarantine.id, slice));
  }
}

/**
 * After a run of `sourceId` wrote prices for some offerings: its own held prices for
 * them are settled (released or confirmed as the gate said, else superseded by the value
 * written), and other sources' held prices equal to what it wrote are confirmed by it.
 */
export async function settleQuarantine(
  db: Executor,
  input: { sourceId: string; runId: number | null; at: Date; written: ReadonlyArray<{ key: string; value: PriceValue }>; settled: readonly Settlement[] },
): Promise<void> {
  const writtenByKey = new Map(input.written.map((entry) => [entry.key, entry.value]));
  const settledByKey = new Map(input.settled.map((entry) => [entry.key, entry]));
  const held = await heldRows(db);
  const updates = new Map<string, { status: QuarantineStatus; by: string; ids: number[] }>();
  const add = (status: QuarantineStatus, by: string, id: number) => {
    const group = updates.get(`${status}|${by}`) ?? { status, by, ids: [] };
    group.ids.push(id);
    updates.set(`${status}|${by}`, group);
  };
  for (const row of held) {
    const written = writtenByKey.get(row.key);
    // A run does not settle what it held itself (another raw name of the offering may carry
    // the old price), nor what was held after its own time (a history run is older news).
    if (!written || (row.scrapeRunId !== null && row.scrapeRunId === input.runId) || row.observedAt > input.at) continue;
    if (row.sourceId === input.sourceId) {
      const settlement = settledByKey.get(row.key);
      if (settlement) add(settlement.status, settlement.by, row.id);
      else add("superseded", input.runId === null ? input.sourceId : `${input.sourceId} run ${input.runId}`, row.id);
    } else if (sameHeadlinePrice(row.value, written)) {
      add("confirmed", input.sourceId, row.id);
    }
  }
  for (const { status, by, ids } of updates.values()) await setStatus(db, ids, status, by, input.at);
}

/** sources.quarantine: held (or settled) prices with their reasons, newest first. */
export async function listQuarantine(db: Executor, filter: { source?: string; status?: QuarantineStatus; limit: number }) {
  const rows = await db
    .select({ row: priceQuarantine, offering: offerings })
    .from(priceQuarantine)
    .innerJoin(offerings, eq(offerings.id, priceQuarantine.offeringId))
    .where(and(filter.source ? eq(priceQuarantine.sourceId, filter.source) : undefined, eq(priceQuarantine.status, filter.status ?? "held")))
    .orderBy(desc(priceQuarantine.createdAt), desc(priceQuarantine.id))
    .limit(filter.limit);
  return rows.map(({ row, offering }) => ({
    id: row.id,
    source: row.sourceId,
    runId: row.scrapeRunId,
    rawName: row.rawName,
    provider: offering.providerId,
    model: offering.modelId,
    variant: offering.variant,
    region: offering.region,
    observedAt: row.observedAt,
    value: row.value,
    previous: row.previous,
    reason: row.reason,
    status: row.status,
    resolvedAt: row.resolvedAt,
    resolvedBy: row.resolvedBy,
  }));
}

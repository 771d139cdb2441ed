/**
 * Change events for stream and webhook tests: two offerings (a lab's and a host's) and a
 * source, then events written as the history writer writes them: inside a transaction,
 * each a price move with its ratio, alternating cut and hike.
 */
import { sql } from "drizzle-orm";
import type { Db, Executor } from "../../src/db/client.ts";
import { changeEvents, models, offerings, providers, sources } from "../../src/db/schema/index.ts";

export interface ChangeFixture {
  labOffering: number;
  hostOffering: number;
}

export async function seedOfferings(db: Db): Promise<ChangeFixture> {
  await db.insert(providers).values([
    { id: "acme", name: "Acme", kind: "lab" },
    { id: "hosty", name: "Hosty", kind: "host" },
  ]).onConflictDoNothing();
  await db.insert(models).values({ id: "acme/widget-1", creator: "acme", name: "widget-1" }).onConflictDoNothing();
  await db.insert(sources).values({ id: "test-source", kind: "price", authority: "first-party", description: "test changes" }).onConflictDoNothing();
  const rows = await db
    .insert(offerings)
    .values([
      { providerId: "acme", modelId: "acme/widget-1" },
      { providerId: "hosty", modelId: "acme/widget-1" },
    ])
    .onConflictDoNothing()
    .returning({ id: offerings.id, provider: offerings.providerId });
  const found = rows.length === 2 ? rows : await db.select({ id: offerings.id, provider: offerings.providerId }).from(offerings);
  return { labOffering: found.find((row) => row.provider === "acme")!.id, hostOffering: found.find((row) => row.provider === "hosty")!.id };
}

let day = 0;

/** Inserts `count` price events; even ones are 10% cuts on the lab, odd ones 50% hikes on the host. Returns their ids. */
export async function insertChanges(db: Executor, fixture: ChangeFixture, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let index = 0; index < count; index++) {
    day += 1;
    const cut = index % 2 === 0;
    const [row] = await db
      .insert(changeEvents)
      .values({
        offeringId: cut ? fixture.labOffering : fixture.hostOffering,
        sourceId: "test-source",
        kind: "price",
        effectiveAt: new Date(Date.UTC(2030, 0, 1) + day * 86_400_000),
        oldBlended: "10",
        newBlended: cut ? "9" : "15",
        changeRatio: cut ? "-0.1" : "0.5",
        direction: cut ? "cut" : "hike",
      })
      .returning({ id: changeEvents.id });
    ids.push(row!.id);
  }
  return ids;
}

export async function maxChangeId(db: Executor): Promise<number> {
  const [row] = await db.select({ id: sql<number>`coalesce(max(id), 0)::int` }).from(changeEvents);
  return row!.id;
}

export interface EventSpec {
  offeringId: number;
  kind: "price" | "listed" | "delisted";
  direction?: "cut" | "hike" | "mixed" | "none";
  /** The relative move of the blended price, e.g. "-0.25"; null for listings. */
  changeRatio?: string | null;
}

/** Inserts one event per spec, in order, each on a day of its own; returns their ids. */
export async function insertEvents(db: Executor, specs: EventSpec[]): Promise<number[]> {
  const ids: number[] = [];
  for (const spec of specs) {
    day += 1;
    const [row] = await db
      .insert(changeEvents)
      .values({ offeringId: spec.offeringId, sourceId: "test-source", kind: spec.kind, direction: spec.direction ?? "none", changeRatio: spec.changeRatio ?? null, effectiveAt: new Date(Date.UTC(2030, 0, 1) + day * 86_400_000) })
      .returning({ id: changeEvents.id });
    ids.push(row!.id);
  }
  return ids;
}

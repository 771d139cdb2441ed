import { and, eq, gte, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { openrouterSource } from "../../scrapers/openrouter/index.ts";
import { changeEvents, offerings, pricePeriods, rawPayloads } from "../../src/db/schema/index.ts";
import { runSource, type RunSummary } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotDocument } from "../helpers/snapshots.ts";

const database = useTestDatabase();
const DAY1 = new Date("2026-03-03T01:05:30Z");
const DAY2 = new Date("2026-03-04T01:02:00Z");
const file = (name: string) => async () => [snapshotDocument("prices/openrouter", name)];

let first: RunSummary;
let second: RunSummary;

beforeAll(async () => {
  const { db } = database();
  first = await runSource(db, openrouterSource, { trigger: "replay", at: DAY1, load: file("models-data-sorted_2026-03-03_from-skissue-d04372e9da.json") });
  second = await runSource(db, openrouterSource, { trigger: "replay", at: DAY2, load: file("models-data-sorted_2026-03-04_from-skissue-1b28d83d2b.json") });
});

async function eventsOn(day: Date) {
  const { db } = database();
  return db
    .select({ kind: changeEvents.kind, model: offerings.modelId, variant: offerings.variant, direction: changeEvents.direction })
    .from(changeEvents)
    .innerJoin(offerings, eq(offerings.id, changeEvents.offeringId))
    .where(and(eq(changeEvents.sourceId, "openrouter"), gte(changeEvents.effectiveAt, day)));
}

describe("OpenRouter day over day (2026-03-03 -> 2026-03-04)", () => {
  it("ingests both days, resolving every priced model but the openrouter/free router", () => {
    expect(first).toMatchObject({ status: "succeeded", parsed: 340, unmatched: 1, rejected: 0, skipped: 2 });
    expect(second).toMatchObject({ status: "succeeded", parsed: 341, unmatched: 1, rejected: 0, skipped: 2 });
  });

  it("records exactly 3 listings, 2 delistings and 16 price changes on the second day", async () => {
    const events = await eventsOn(DAY2);
    const count = (kind: string) => events.filter((event) => event.kind === kind).length;
    expect({ listed: count("listed"), delisted: count("delisted"), price: count("price") }).toEqual({ listed: 3, delisted: 2, price: 16 });
    expect(second.changed).toBe(21);
  });

  it("closes the old period and opens the new one for a real change", async () => {
    const { db } = database();
    const rows = await db
      .select({ input: pricePeriods.input, output: pricePeriods.output, validFrom: pricePeriods.validFrom, validTo: pricePeriods.validTo })
      .from(pricePeriods)
      .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
      .where(eq(offerings.modelId, "google/gemini-3.1-flash-image-preview"))
      .orderBy(pricePeriods.validFrom);
    expect(rows).toEqual([
      { input: "0.25", output: "1.5", validFrom: DAY1, validTo: DAY2 },
      { input: "0.5", output: "3", validFrom: DAY2, validTo: null },
    ]);
    const events = await eventsOn(DAY2);
    expect(events).toContainEqual({ kind: "price", model: "google/gemini-3.1-flash-image-preview", variant: "standard", direction: "hike" });
  });

  it("changes nothing when the second day is ingested again", async () => {
    const { db } = database();
    const countRows = async () => {
      const [periods] = await db.select({ n: sql<number>`count(*)::int` }).from(pricePeriods);
      const [events] = await db.select({ n: sql<number>`count(*)::int` }).from(changeEvents);
      return { periods: periods!.n, events: events!.n };
    };
    const before = await countRows();
    const again = await runSource(db, openrouterSource, { trigger: "replay", at: DAY2, load: file("models-data-sorted_2026-03-04_from-skissue-1b28d83d2b.json") });
    expect(again).toMatchObject({ status: "succeeded", changed: 0 });
    expect(await countRows()).toEqual(before);
    // The payload archive is content-addressed: the repeated file is stored once.
    const [archive] = await db.select({ n: sql<number>`count(*)::int` }).from(rawPayloads);
    expect(archive!.n).toBe(2);
  });

  it("keeps no float noise in current prices", async () => {
    const { db } = database();
    const current = await db.select({ input: pricePeriods.input, output: pricePeriods.output }).from(pricePeriods).where(isNull(pricePeriods.validTo));
    for (const { input, output } of current) {
      for (const value of [input, output]) if (value !== null) expect(value).not.toMatch(/(0000000\d|9999999)\d*$/);
    }
    // 340 priced names, 3 of which name a model already listed at the same price: gpt-4o-mini is
    // its only snapshot gpt-4o-mini-2024-07-18, and o3-mini-high / o4-mini-high are a setting of o3-mini / o4-mini.
    expect(current.length).toBe(337);
  });
});

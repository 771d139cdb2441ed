import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { changeEvents, offerings, pricePeriods, priceQuarantine } from "../../src/db/schema/index.ts";
import { runBackfill, type BackfillResult } from "../../src/jobs/backfill.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotDocument, snapshotPath } from "../helpers/snapshots.ts";

const database = useTestDatabase();
const LITELLM_DIR = snapshotPath("prices/litellm");
let first: BackfillResult;
const progress: string[] = [];

async function tableCounts() {
  const { db } = database();
  const [periods] = await db.select({ n: sql<number>`count(*)::int` }).from(pricePeriods);
  const [events] = await db.select({ n: sql<number>`count(*)::int` }).from(changeEvents);
  return { periods: periods!.n, events: events!.n };
}

async function priceEvents(providerId: string, modelId: string) {
  const { db } = database();
  const rows = await db
    .select({
      day: sql<string>`to_char(${changeEvents.effectiveAt} at time zone 'UTC', 'YYYY-MM-DD')`,
      direction: changeEvents.direction,
      old: sql<string>`concat(old_p.input, '/', old_p.output)`,
      new: sql<string>`concat(new_p.input, '/', new_p.output)`,
    })
    .from(changeEvents)
    .innerJoin(offerings, eq(offerings.id, changeEvents.offeringId))
    .innerJoin(sql`price_periods old_p`, sql`old_p.id = ${changeEvents.oldPeriodId}`)
    .innerJoin(sql`price_periods new_p`, sql`new_p.id = ${changeEvents.newPeriodId}`)
    .where(
      and(
        eq(changeEvents.kind, "price"),
        eq(offerings.providerId, providerId),
        eq(offerings.modelId, modelId),
        eq(offerings.variant, "standard"),
        eq(offerings.region, ""),
      ),
    )
    .orderBy(changeEvents.effectiveAt);
  return rows;
}

beforeAll(async () => {
  first = await runBackfill(database().db, litellmSource, LITELLM_DIR, { progress: (line) => progress.push(line) });
});

describe("LiteLLM backfill of 17 recorded versions", () => {
  it("ingests every dated version in date order, with progress lines", () => {
    expect(first.runs).toHaveLength(17);
    expect(first.runs.every((run) => run.status === "succeeded")).toBe(true);
    expect(first.undated).toEqual(["invalid"]);
    expect(first.runs.map((run) => run.date)).toEqual([...first.runs.map((run) => run.date)].sort());
    expect(progress).toHaveLength(18);
    expect(progress[1]).toMatch(/^\[1\/17\] litellm model_prices_2023-11-14_e1a567a353\.json @ 2023-11-14: parsed 108, changed \d+/);
  });

  it("orders the two same-day 2025-02-07 commits by content: the old DeepSeek prices first", () => {
    const day = first.runs.filter((run) => run.date === "2025-02-07").map((run) => run.entry);
    expect(day).toEqual(["model_prices_2025-02-07_778bbcdd9c.json", "model_prices_2025-02-07_346d8a9132.json"]);
  });

  // Events whose input/output stay equal are changes of cache prices or tiers: real, but not these.
  const headlineMoves = async (provider: string, model: string) =>
    (await priceEvents(provider, model)).filter((event) => event.old !== event.new);

  it("records the gpt-4o cut of 2024-11-13: 5/15 -> 2.5/10, its only input/output move", async () => {
    expect(await headlineMoves("openai", "openai/gpt-4o")).toEqual([{ day: "2024-11-13", direction: "cut", old: "5/15", new: "2.5/10" }]);
  });

  it("records the DeepSeek change of 2025-02-07: 0.14/0.28 -> 0.27/1.1", async () => {
    expect(await headlineMoves("deepseek", "deepseek/deepseek-chat")).toContainEqual({ day: "2025-02-07", direction: "hike", old: "0.14/0.28", new: "0.27/1.1" });
  });

  it("holds the Vertex gemini-1.5-pro per-character figures of 2024-11-08 in quarantine, then records the per-token correction", async () => {
    const moves = await headlineMoves("vertex", "google/gemini-1.5-pro");
    expect(moves.filter((event) => event.day === "2024-11-08")).toEqual([{ day: "2024-11-08", direction: "cut", old: "5/15", new: "1.25/5" }]);
    const held = await database()
      .db.select({ value: priceQuarantine.value, reason: priceQuarantine.reason, status: priceQuarantine.status })
      .from(priceQuarantine)
      .innerJoin(offerings, eq(offerings.id, priceQuarantine.offeringId))
      .where(and(eq(offerings.providerId, "vertex"), eq(offerings.modelId, "google/gemini-1.5-pro"), eq(offerings.variant, "standard")));
    expect(held).toEqual([
      { value: expect.objectContaining({ input: "0.078125", output: "0.3125" }), reason: expect.stringMatching(/64x\) against the previous value/), status: "superseded" },
    ]);
  });

  it("adds no row when the same backfill runs again", async () => {
    const before = await tableCounts();
    const again = await runBackfill(database().db, litellmSource, LITELLM_DIR);
    expect(again.runs.every((run) => run.status === "succeeded" && run.changed === 0)).toBe(true);
    expect(await tableCounts()).toEqual(before);
  });

  it("fails the invalid commit with a clear error and writes nothing", async () => {
    const before = await tableCounts();
    const run = await runSource(database().db, litellmSource, {
      trigger: "replay",
      at: new Date("2024-12-08T00:00:00Z"),
      load: async () => [snapshotDocument("prices/litellm/invalid/model_prices_2024-12-08_13213b6174_trailing-comma.json.txt")],
    });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/litellm: invalid JSON/);
    expect(await tableCounts()).toEqual(before);
  });
});

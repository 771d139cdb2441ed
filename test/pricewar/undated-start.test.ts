/**
 * The figures start at the first real observation. simonw's llm-prices states some prices
 * only with an end ("until 2025-02-08") and no release date: the writer stores those from
 * the placeholder start (1970). No figure may start there, nor price a model before a run
 * first saw it.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { llmPricesSource } from "../../scrapers/llm-prices/index.ts";
import { pricewarFigureProcedures } from "../../src/api/routers/pricewar-figures.ts";
import { createCallerFactory, router } from "../../src/api/trpc.ts";
import { UNDATED_START } from "../../src/domain/pricewar/first-observation.ts";
import { runBackfill } from "../../src/jobs/backfill.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const database = useTestDatabase();
const engine = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
const createCaller = createCallerFactory(router(pricewarFigureProcedures));
const caller = () => createCaller({ db: database().db, connection: database() });
const UNTIL = "2026-08-21";

async function firstRealStart(): Promise<string> {
  const rows: unknown = await database().db.execute(
    sql`select to_char(min(valid_from) at time zone 'UTC', 'YYYY-MM-DD') as first from price_periods where valid_from > ${UNDATED_START.toISOString()}::timestamptz`,
  );
  const [row] = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ first: string }>;
  return row!.first;
}

beforeAll(async () => {
  await runBackfill(database().db, llmPricesSource, snapshotPath("prices/llm-prices"));
});

describe(`figures from the first real observation (${engine})`, () => {
  it("stores undated periods from the placeholder start (the premise)", async () => {
    const rows: unknown = await database().db.execute(sql`select count(*)::int as n from price_periods where valid_from <= ${UNDATED_START.toISOString()}::timestamptz`);
    const [row] = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as Array<{ n: number }>;
    expect(row!.n).toBeGreaterThan(0);
  });

  it("starts the price index at the month of the first dated price, by tier and by seller kind", async () => {
    const first = await firstRealStart();
    for (const groupBy of ["tier", "providerKind"] as const) {
      const index = await caller().index({ groupBy, until: UNTIL });
      const dates = index.groups.flatMap((group) => group.points.map((point) => point.date));
      expect(dates.length, groupBy).toBeGreaterThan(0);
      expect(dates.every((date) => date >= first.slice(0, 7)), groupBy).toBe(true);
      expect(dates.sort()[0]!.slice(0, 7), groupBy).toBe(first.slice(0, 7));
    }
  });

  it("prices a model stated only 'until' a date from the run that first saw it, not before", async () => {
    // llm-prices 2026-08-06 lists Claude Sonnet 5 until 2026-09-01, first seen by that run.
    const spread = await caller().spread({ model: "anthropic/claude-sonnet-5", until: UNTIL, step: "change" });
    const priced = spread.points.filter((point) => point.sellers > 0).map((point) => point.date);
    expect(priced.length).toBeGreaterThan(0);
    expect(priced[0]! >= "2026-08-06").toBe(true);
  });
});

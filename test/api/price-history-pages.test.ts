import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { openrouterSource } from "../../scrapers/openrouter/index.ts";
import { encodeHistoryCursor } from "../../src/api/history-cursor.ts";
import { createCaller } from "../../src/api/router.ts";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { offeringHistory } from "../../src/db/queries/prices.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotDocument } from "../helpers/snapshots.ts";

const database = useTestDatabase();
let http: RunningServer;
let base: string;
const caller = () => createCaller({ db: database().db, connection: database() });
const MODEL = "openai/gpt-4o";

type Period = Awaited<ReturnType<ReturnType<typeof caller>["prices"]["history"]>>["periods"][number];

/** Every page of a model's history at `limit` periods a page, following nextCursor. */
async function allPages(limit: number, filter: { provider?: string } = {}): Promise<Period[][]> {
  const pages: Period[][] = [];
  let cursor: string | undefined;
  do {
    const page = await caller().prices.history({ model: MODEL, limit, cursor, ...filter });
    pages.push(page.periods);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

beforeAll(async () => {
  const { db } = database();
  const replay = (path: string) => async () => [snapshotDocument(path)];
  for (const [date, file] of [
    ["2024-11-11", "model_prices_2024-11-11_f59cb46e71.json"],
    ["2024-11-13", "model_prices_2024-11-13_e7543378b8.json"],
    ["2025-02-28", "model_prices_2025-02-28_1affd0f178.json"],
  ]) {
    await runSource(db, litellmSource, { trigger: "replay", at: new Date(`${date}T00:00:00Z`), load: replay(`prices/litellm/${file}`) });
  }
  await runSource(db, openrouterSource, { trigger: "replay", at: new Date("2025-03-01T00:00:00Z"), load: replay("prices/openrouter/models-data-sorted_2026-03-04_from-skissue-1b28d83d2b.json") });
  http = await startHttpServer({ db, connection: database() }, 0, "127.0.0.1");
  base = `http://127.0.0.1:${http.port}`;
}, 120_000);
afterAll(() => http?.close());

describe("prices.history pages", () => {
  it("pages cover every period of the model exactly once, newest first, whatever the page size", async () => {
    const every = await offeringHistory(database().db, { modelIds: [MODEL] });
    expect(every.length).toBeGreaterThan(5);
    // Periods opened by one run share their valid_from: small pages split those ties, which the id breaks.
    expect(new Set(every.map((period) => period.validFrom.getTime())).size).toBeLessThan(every.length);
    for (const limit of [1, 3, 7, every.length, every.length + 1]) {
      const pages = await allPages(limit);
      expect(pages.every((page) => page.length <= limit)).toBe(true);
      expect(pages.length).toBe(Math.max(1, Math.ceil(every.length / limit)));
      const ids = pages.flat().map((period) => period.periodId);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort((a, b) => a - b)).toEqual(every.map((period) => period.periodId).sort((a, b) => a - b));
      const order = pages.flat().map((period) => [period.validFrom.getTime(), period.periodId] as const);
      expect(order).toEqual([...order].sort((a, b) => b[0] - a[0] || b[1] - a[1]));
    }
  });

  it("a page holds the same periods as the unpaged query, field for field", async () => {
    const every = await offeringHistory(database().db, { modelIds: [MODEL], provider: "openai" });
    const paged = (await allPages(4, { provider: "openai" })).flat();
    const byId = new Map(every.map((period) => [period.periodId, period]));
    expect(paged.map((period) => byId.get(period.periodId))).toEqual(paged);
    expect(paged).toHaveLength(every.length);
  });

  it("defaults to 100 periods, states the last page with a null nextCursor, and refuses a limit above 1000", async () => {
    const page = await caller().prices.history({ model: MODEL });
    const every = await offeringHistory(database().db, { modelIds: [MODEL] });
    expect(page.periods).toHaveLength(Math.min(100, every.length));
    expect(page.nextCursor === null).toBe(every.length <= 100);
    await expect(caller().prices.history({ model: MODEL, limit: 1001 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("follows nextCursor over /api/v1 and answers 400 with a clear message on a cursor it did not give", async () => {
    const first = (await (await fetch(`${base}/api/v1/prices/history?model=gpt-4o&limit=2`)).json()) as { periods: Period[]; nextCursor: string };
    expect(first.periods).toHaveLength(2);
    const second = (await (await fetch(`${base}/api/v1/prices/history?model=gpt-4o&limit=2&cursor=${first.nextCursor}`)).json()) as { periods: Period[] };
    const viaCaller = await caller().prices.history({ model: MODEL, limit: 4 });
    expect([...first.periods, ...second.periods]).toEqual(JSON.parse(JSON.stringify(viaCaller.periods)));

    const forged = encodeHistoryCursor({ validFrom: "2024-11-13T00:00:00.000000Z", id: 1 });
    for (const cursor of ["garbage!", "bm90LWpzb24", Buffer.from('["2024-11-13", 1]').toString("base64url"), Buffer.from('["2024-11-13T00:00:00.000000Z", -1]').toString("base64url")]) {
      const bad = await fetch(`${base}/api/v1/prices/history?model=gpt-4o&cursor=${encodeURIComponent(cursor)}`);
      expect(bad.status, cursor).toBe(400);
      expect(((await bad.json()) as { error: { message: string } }).error.message).toBe("cursor: not a cursor of prices.history: pass the previous page's nextCursor unchanged");
    }
    expect((await fetch(`${base}/api/v1/prices/history?model=gpt-4o&cursor=${forged}`)).status).toBe(200);
  });
});

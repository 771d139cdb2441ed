/**
 * The market view answers as the per-request SQL path did: on a replay-filled database
 * (LiteLLM old and new, OpenRouter, two first-party pages; the newest payload of every
 * benchmark source plus Aider and AA), candidates, priced models and current prices are
 * compared for several constraint sets, now and at a past date. Then the view's life:
 * one version for one data, a new one after a write, coalesced rebuilds, the LRU of
 * past dates.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { SOURCES, sourceById } from "../../scrapers/registry.ts";
import { syncTaskCatalogue } from "../../src/db/queries/benchmarks.ts";
import { consolidatedPricesAt } from "../../src/db/queries/prices.ts";
import { pricedModels } from "../../src/db/queries/priced-models.ts";
import { taskCandidates, type CandidateConstraints, type CandidateSet } from "../../src/db/queries/ranking.ts";
import { modelPointers, models } from "../../src/db/schema/index.ts";
import { getModel, listModels, modelOfferings, type ModelListFilter } from "../../src/db/queries/models.ts";
import { modelPointersOf } from "../../src/db/queries/model-pointers.ts";
import { listModelsIn, offeringsOf, pointersOf } from "../../src/market/catalogue.ts";
import { createCaller } from "../../src/api/router.ts";
import { TASK_CLASSES, taskClassById } from "../../src/domain/tasks/catalogue.ts";
import { replayLoader } from "../../src/jobs/load-documents.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { readDataVersion } from "../../src/market/data-version.ts";
import { loadMarketView } from "../../src/market/load-market-view.ts";
import type { MarketView } from "../../src/market/market-view.ts";
import { MarketViews } from "../../src/market/market-views.ts";
import { pricesIn } from "../../src/market/price-lookup.ts";
import { pricedModelsIn, taskCandidatesIn } from "../../src/market/priced-offers.ts";
import { startHttpServer } from "../../src/api/server.ts";
import { warmFeeds } from "../../src/api/feeds/handlers.ts";
import { INGESTS, documentsOf } from "../helpers/benchmark-snapshots.ts";
import { useTestDatabase, withRollback } from "../helpers/database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const database = useTestDatabase();

const PRICES: Array<[source: string, path: string, at: string]> = [
  ["litellm", "prices/litellm/model_prices_2024-11-27_2d2931a215.json", "2024-11-27"],
  ["litellm", "prices/litellm/model_prices_2026-07-24.json", "2026-07-24"],
  ["openrouter", "prices/openrouter/models-data_2026-08-08_from-sui414-0427e0eca0.json", "2026-08-08"],
  ["anthropic-docs", "pages/anthropic/platform.claude.com_docs_en_about-claude_pricing.md.2026-08-17.md", "2026-08-17"],
  ["openai-pricing", "pages/openai/developers.openai.com_api_docs_pricing.2026-08-21.html", "2026-08-21"],
];

/** Before LiteLLM's 2026 map, after every benchmark but AA and tau2. */
const PAST = new Date("2026-07-20T00:00:00Z");

const CONSTRAINT_SETS: Array<[name: string, constraints: CandidateConstraints]> = [
  ["defaults", { minCoverage: 0 }],
  ["every seller, suspect and withdrawn too", { minCoverage: 0, sellers: "all", includeSuspect: true, includeWithdrawn: true }],
  ["named providers", { minCoverage: 0, providers: ["openrouter", "anthropic"] }],
  ["excluded providers, batch and flex variants", { minCoverage: 0, excludeProviders: ["openai"], variants: ["standard", "batch", "flex"] }],
  ["China region, open weights", { minCoverage: 0, regions: ["cn"], openWeightsOnly: true }],
  ["long context, coverage bar", { minCoverage: 0.5, minContext: 200_000 }],
  ["price cap (applied when choosing)", { minCoverage: 0, maxPrice: 2 }],
];

/** Measured costs come back in SQL row order; the view keeps them by date. */
function comparable(set: CandidateSet) {
  const key = (cost: { asOf: string; benchmark: string; setting: string; source: string }) => `${cost.asOf}|${cost.benchmark}|${cost.setting}|${cost.source}`;
  return {
    ...set,
    candidates: set.candidates.map((candidate) => ({ ...candidate, measuredCosts: [...candidate.measuredCosts].sort((a, b) => key(a).localeCompare(key(b))) })),
  };
}

let now: MarketView;
let past: MarketView;

beforeAll(async () => {
  const { db } = database();
  await syncTaskCatalogue(db, SOURCES);
  for (const [id, path, at] of PRICES) {
    await runSource(db, sourceById(id), { trigger: "replay", at: new Date(`${at}T00:00:00Z`), load: replayLoader(snapshotPath(path)) });
  }
  for (const ingest of INGESTS) {
    const documents = await documentsOf(ingest);
    await runSource(db, ingest.source, { trigger: "replay", at: new Date(`${ingest.at}T00:00:00Z`), load: async () => documents });
  }
  now = await loadMarketView(db);
  past = await loadMarketView(db, { asOf: PAST });
}, 600_000);

describe("the view answers as the SQL path", () => {
  for (const [name, constraints] of CONSTRAINT_SETS) {
    it(`candidates of every class: ${name}`, async () => {
      for (const task of TASK_CLASSES) {
        const expected = await taskCandidates(database().db, task, constraints);
        expect(comparable(taskCandidatesIn(now, task, constraints)), task.id).toEqual(comparable(expected));
      }
    });
  }

  it("candidates and priced models at a past date", async () => {
    for (const task of TASK_CLASSES) {
      const constraints = { minCoverage: 0, asOf: PAST };
      expect(comparable(taskCandidatesIn(past, task, constraints)), task.id).toEqual(comparable(await taskCandidates(database().db, task, constraints)));
      expect(pricedModelsIn(past, task, constraints), task.id).toEqual(await pricedModels(database().db, task.profile, constraints));
    }
  });

  it("the answers are not empty (the comparison compares something)", () => {
    const coding = taskCandidatesIn(now, taskClassById("coding")!, { minCoverage: 0 });
    expect(coding.candidates.length).toBeGreaterThan(10);
    expect(taskCandidatesIn(past, taskClassById("chat")!, { minCoverage: 0, asOf: PAST }).candidates.length).toBeGreaterThan(0);
  });

  it("current prices: all, one model, one seller, USD only", async () => {
    const { db } = database();
    const model = now.offers.find((offer) => offer.price.provider === "anthropic")!.price.model;
    expect(pricesIn(now, {})).toEqual(await consolidatedPricesAt(db, {}));
    expect(pricesIn(now, { modelIds: [model] })).toEqual(await consolidatedPricesAt(db, { modelIds: [model] }));
    expect(pricesIn(now, { provider: "openrouter", variant: "standard" })).toEqual(await consolidatedPricesAt(db, { provider: "openrouter", variant: "standard" }));
    expect(pricesIn(now, { currency: "USD" })).toEqual(await consolidatedPricesAt(db, { currency: "USD" }));
    expect(pricesIn(past, { modelIds: [model] })).toEqual(await consolidatedPricesAt(db, { modelIds: [model] }, PAST));
  });
});

describe("the catalogue in the view answers as the models queries", () => {
  const LIST_FILTERS: ModelListFilter[] = [
    { limit: 1000, offset: 0 },
    { limit: 50, offset: 30 },
    { creator: "openai", limit: 1000, offset: 0 },
    { search: "GPT-4O", limit: 1000, offset: 0 },
    { search: "%_\\", limit: 10, offset: 0 },
    { openWeights: true, limit: 200, offset: 5 },
    { openWeights: false, creator: "anthropic", limit: 1000, offset: 0 },
  ];

  it("models.list for several filters", async () => {
    for (const filter of LIST_FILTERS) expect(listModelsIn(now.catalogue, filter), JSON.stringify(filter)).toEqual(await listModels(database().db, filter));
    expect(listModelsIn(now.catalogue, { limit: 1000, offset: 0 }).length).toBeGreaterThan(100);
    expect(listModelsIn(now.catalogue, { search: "GPT-4O", limit: 1000, offset: 0 }).length).toBeGreaterThan(3);
  });

  it("models.get: the model, its offerings and a floating model's pointers", async () => {
    await withRollback(database().db, async (tx) => {
      const floating = "test/pointer-floating";
      await tx.insert(models).values(["floating", "snapshot-a", "snapshot-b"].map((name) => ({ id: `test/pointer-${name}`, creator: "test", name: `pointer-${name}`, floating: name === "floating" })));
      await tx.insert(modelPointers).values([
        { floatingModelId: floating, snapshotModelId: "test/pointer-snapshot-a", validFrom: new Date("2024-05-13T00:00:00Z"), validTo: new Date("2024-10-02T00:00:00Z"), origin: "override" },
        { floatingModelId: floating, snapshotModelId: "test/pointer-snapshot-b", validFrom: new Date("2024-10-02T00:00:00Z"), origin: "source" },
      ]);
      const view = await loadMarketView(tx);
      const ids = [floating, "openai/gpt-4o", "anthropic/claude-3.5-sonnet-20240620", view.catalogue.models[0]!.id, view.catalogue.models.at(-1)!.id];
      for (const id of ids) {
        expect(view.catalogue.byId.get(id), id).toEqual(await getModel(tx, id));
        expect(offeringsOf(view.catalogue, id), id).toEqual(await modelOfferings(tx, id));
        expect(pointersOf(view.catalogue, id), id).toEqual(await modelPointersOf(tx, id));
      }
      expect(offeringsOf(view.catalogue, "openai/gpt-4o").length).toBeGreaterThan(2);
      expect(pointersOf(view.catalogue, floating)).toHaveLength(2);
    });
  });

  it("models.get over tRPC answers as its database reads", async () => {
    const { db } = database();
    const caller = createCaller({ db, connection: database(), view: now });
    const answer = await caller.models.get({ model: "openai/gpt-4o" });
    expect({ ...answer, lifecycle: undefined, aliases: undefined }).toEqual({
      ...(await getModel(db, "openai/gpt-4o")),
      lifecycle: undefined,
      aliases: undefined,
      offerings: await modelOfferings(db, "openai/gpt-4o"),
      pointers: (await modelPointersOf(db, "openai/gpt-4o")).map(({ snapshotModelId, validFrom, validTo, origin }) => ({ snapshot: snapshotModelId, validFrom, validTo, origin })),
    });
  });
});

describe("the view's life", () => {
  it("one data, one version; a write moves it", async () => {
    const { db } = database();
    const first = await readDataVersion(db);
    expect((await readDataVersion(db)).version).toBe(first.version);
    await db.insert(models).values({ id: "test/market-view-probe", creator: "test", name: "market-view-probe" });
    const second = await readDataVersion(db);
    expect(second.version).not.toBe(first.version);
    await db.delete(models).where(eq(models.id, "test/market-view-probe"));
  });

  it("a burst of change notices builds once more, and readers keep the view they had meanwhile", async () => {
    const { db } = database();
    const built: MarketView[] = [];
    const views = new MarketViews(db, { onBuilt: (view) => void built.push(view) });
    const first = await views.current();
    await db.insert(models).values({ id: "test/market-view-burst", creator: "test", name: "market-view-burst" });
    const burst = Array.from({ length: 5 }, () => views.refresh());
    expect(views.peek()).toBe(first);
    await Promise.all(burst);
    // The follow-up rebuild the burst asked for finds the version unchanged and keeps the view.
    await views.refresh();
    expect(built.length).toBe(2);
    expect(built[1]!.version).not.toBe(first.version);
    expect(await views.current()).toBe(built[1]);
    expect(built[1]!.models.has("test/market-view-burst")).toBe(true);
    await db.delete(models).where(eq(models.id, "test/market-view-burst"));
  });

  it("closed, it waits for the running rebuild and starts no other, not even one a burst asked for", async () => {
    const { db } = database();
    const built: MarketView[] = [];
    const views = new MarketViews(db, { onBuilt: (view) => void built.push(view) });
    const running = views.refresh();
    await db.insert(models).values({ id: "test/market-view-close", creator: "test", name: "market-view-close" });
    void views.refresh(); // the data changed: asks for one more rebuild after the running one
    await views.close();
    expect(built.length).toBe(1);
    expect(await running).toBe(built[0]);
    // Had the follow-up started, refresh() would share it; closed, nothing runs and it refuses.
    await expect(views.refresh()).rejects.toThrow(/shutting down/);
    expect(built.length).toBe(1);
    await db.delete(models).where(eq(models.id, "test/market-view-close"));
  });

  it("a data change right after a rebuild waits for its pause; an explicit refresh does not, and takes the pending one's place", async () => {
    const { db } = database();
    const built: MarketView[] = [];
    // A 5% share: the pause after a rebuild is 19 times as long as the rebuild.
    const views = new MarketViews(db, { rebuildShare: 0.05, onBuilt: (view) => void built.push(view) });
    const started = performance.now();
    await views.refresh();
    const buildMs = performance.now() - started;
    await db.insert(models).values({ id: "test/market-view-paced", creator: "test", name: "market-view-paced" });
    views.dataChanged();
    // Well within the pause (at least 19 times the rebuild): the change has not been built yet.
    await new Promise((wait) => setTimeout(wait, Math.min(buildMs, 500)));
    expect(built.length).toBe(1);
    const fresh = await views.refresh();
    expect(built.length).toBe(2);
    expect(fresh.models.has("test/market-view-paced")).toBe(true);
    await views.close();
    await db.delete(models).where(eq(models.id, "test/market-view-paced"));
  });

  it("with no pause (share 1), a data change is built at once", async () => {
    const { db } = database();
    const built: MarketView[] = [];
    const views = new MarketViews(db, { rebuildShare: 1, onBuilt: (view) => void built.push(view) });
    await views.refresh();
    await db.insert(models).values({ id: "test/market-view-unpaced", creator: "test", name: "market-view-unpaced" });
    views.dataChanged();
    await expect.poll(() => built.length, { timeout: 30_000 }).toBe(2);
    expect(built[1]!.models.has("test/market-view-unpaced")).toBe(true);
    await views.close();
    await db.delete(models).where(eq(models.id, "test/market-view-unpaced"));
  });

  it("past dates are built once per version and date", async () => {
    const views = new MarketViews(database().db, { pastViews: 2 });
    const current = await views.current();
    const a = await views.at(PAST);
    expect(await views.at(PAST)).toBe(a);
    expect(a.version).toBe(current.version);
    expect(a.asOf).toEqual(PAST);
  });
});

describe("answers from the view over HTTP", () => {
  it("carry the version as ETag, answer 304 on it, and feeds come compressed", async () => {
    const { db } = database();
    const markets = new MarketViews(db, { onBuilt: (view) => warmFeeds(view, db) });
    const view = await markets.current();
    const http = await startHttpServer({ db, connection: database(), markets }, 0, "127.0.0.1");
    const base = `http://127.0.0.1:${http.port}`;
    try {
      const url = `${base}/api/v1/best?task=coding&withinOfBest=5`;
      const first = await fetch(url);
      const body = (await first.json()) as { version: string; candidates: unknown[] };
      expect(first.headers.get("etag")).toBe(`"${view.version}"`);
      expect(body.version).toBe(view.version);
      expect(body.candidates.length).toBeGreaterThan(0);
      const again = await fetch(url);
      expect(await again.json()).toEqual(body);
      expect((await fetch(url, { headers: { "if-none-match": first.headers.get("etag")! } })).status).toBe(304);
      // An error is not cached and carries no ETag.
      const bad = await fetch(`${base}/api/v1/best?task=coding&providers=no-such-seller`);
      expect(bad.status).toBe(400);
      expect(bad.headers.get("etag")).toBeNull();

      const feed = await fetch(`${base}/feeds/prices.csv`, { headers: { "accept-encoding": "br" } });
      expect(feed.headers.get("content-encoding")).toBe("br");
      expect(feed.headers.get("vary")).toBe("accept-encoding");
      expect(feed.headers.get("last-modified")).toBe(view.changedAt.toUTCString());
      expect((await feed.text()).split("\n").length).toBeGreaterThan(100);
      expect((await fetch(`${base}/feeds/prices.csv`, { headers: { "if-none-match": feed.headers.get("etag")! } })).status).toBe(304);
    } finally {
      await http.close();
    }
  });
});

/**
 * Issue 13's cases on the recorded payloads, each ingested at its own date: OpenRouter's
 * five /models files and Portkey's two folders (GPT-5.6 Sol), models.dev 2026-06-13
 * (kat-coder-pro-v1 via Vercel), genai-prices 2026-08-21 (rows filed under the wrong
 * seller), LiteLLM 2025-11-21 (":free" keys), Google's and DeepSeek's pricing pages with
 * the reviewed series pointers (Gemini 2.0 Flash, deepseek-chat).
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sourceById } from "../../scrapers/registry.ts";
import { createCaller } from "../../src/api/router.ts";
import { syncReviewedPointers } from "../../src/db/queries/model-pointers.ts";
import { modelLifecycle } from "../../src/db/queries/lifecycle.ts";
import { consolidatedPricesAt } from "../../src/db/queries/prices.ts";
import { models, offerings, pricePeriods } from "../../src/db/schema/index.ts";
import { runBackfill } from "../../src/jobs/backfill.ts";
import { replayLoader } from "../../src/jobs/load-documents.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const database = useTestDatabase();
const caller = () => createCaller({ db: database().db, connection: database() });
const AFTER_ALL_PAYLOADS = "2026-08-22";

const SINGLE_PAYLOADS: Array<[source: string, paths: string[], at: string]> = [
  ["modelsdev", ["prices/modelsdev/api-json/models-dev_api_2026-06-13_from-symfony-models-dev-046b81a4c7.json"], "2026-06-13"],
  ["litellm", ["prices/litellm/model_prices_2025-11-21_be9f2e026c.json"], "2025-11-21"],
  ["gemini-pricing", ["pages/google/ai.google.dev_gemini-api_docs_pricing.2026-04-27.html"], "2026-04-27"],
  ["deepseek-pricing", ["pages/deepseek/api-docs.deepseek.com_quick_start_pricing.en.2026-05-08.html"], "2026-05-08"],
];

beforeAll(async () => {
  const { db } = database();
  await runBackfill(db, sourceById("openrouter"), snapshotPath("prices/openrouter"));
  await runBackfill(db, sourceById("portkey"), snapshotPath("prices/portkey"));
  await runBackfill(db, sourceById("genai-prices"), snapshotPath("prices/genai-prices"));
  for (const [id, paths, at] of SINGLE_PAYLOADS) {
    const source = sourceById(id);
    const documents = (await Promise.all(paths.map((path) => replayLoader(snapshotPath(path))(source)))).flat();
    await runSource(db, source, { trigger: "replay", at: new Date(`${at}T00:00:00Z`), load: async () => documents });
  }
  await syncReviewedPointers(db);
}, 600_000);

describe("the seller's own price wins", () => {
  it("GPT-5.6 Sol via OpenRouter shows OpenRouter's own 2026-08-08 price, not Portkey's later copy", async () => {
    const { db } = database();
    // Both are current: OpenRouter's /models of 2026-08-08 at $5/$30, Portkey's 2026-08-21 table at $2.5/$15.
    const sources = await db
      .select({ source: pricePeriods.sourceId, input: pricePeriods.input, output: pricePeriods.output })
      .from(pricePeriods)
      .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
      .where(and(eq(offerings.modelId, "openai/gpt-5.6-sol"), eq(offerings.providerId, "openrouter"), eq(offerings.variant, "standard")));
    expect(sources.filter((row) => row.source === "portkey").map((row) => [row.input, row.output])).toContainEqual(["2.5", "15"]);

    const [price, ...others] = await caller().prices.at({ model: "openai/gpt-5.6-sol", provider: "openrouter", variant: "standard", date: AFTER_ALL_PAYLOADS });
    expect(others).toEqual([]);
    expect(price).toMatchObject({ source: "openrouter", input: "5", output: "30", sellersOwn: true, lifecycle: { stage: "ga" } });
    expect(price!.observedAt.toISOString().slice(0, 10)).toBe("2026-08-08");
    expect(price!.disagreeingSources).toContain("portkey");
    expect(price!.confidence).toBe("medium");
  }, 300_000); // the first answer at a date builds that date's market view

  it("every current price carries its source, observation date, agreeing sources, confidence and lifecycle", async () => {
    const prices = await caller().prices.at({ provider: "google", date: AFTER_ALL_PAYLOADS });
    expect(prices.length).toBeGreaterThan(20);
    for (const price of prices) {
      expect(price.source).toMatch(/\S/);
      expect(price.observedAt).toBeInstanceOf(Date);
      expect(Array.isArray(price.agreeingSources)).toBe(true);
      expect(["high", "medium", "low"]).toContain(price.confidence);
      expect(["preview", "ga", "deprecated", "retired"]).toContain(price.lifecycle.stage);
    }
    // Google's own page of 2026-04-27 prices its offerings; the community copies that match are named.
    const flash = prices.find((price) => price.model === "google/gemini-2.5-flash" && price.variant === "standard")!;
    expect(flash).toMatchObject({ source: "gemini-pricing", sellersOwn: true });
    expect(flash.agreeingSources.length).toBeGreaterThan(0);
    expect(flash.confidence).toBe("high");
  });
});

describe("lifecycle", () => {
  it("Gemini 2.0 Flash is deprecated on Google's April page and retired from 1 June 2026", async () => {
    const april = await caller().prices.at({ model: "google/gemini-2.0-flash-001", provider: "google", variant: "standard", date: "2026-05-01" });
    expect(april[0]!.lifecycle).toMatchObject({ stage: "deprecated", next: { stage: "retired", from: "2026-06-01T00:00:00.000Z" } });
    const [after] = await caller().prices.at({ model: "google/gemini-2.0-flash-001", provider: "google", variant: "standard", date: AFTER_ALL_PAYLOADS });
    expect(after!.lifecycle).toMatchObject({ stage: "retired", since: "2026-06-01T00:00:00.000Z" });
    expect(after!.lifecycle.origin).toContain("pages/google");
  });

  it("deepseek-chat points to V4 Flash from 2026-04-24 and is withdrawn after 2026-07-24", async () => {
    const { db } = database();
    const lifecycleOn = async (day: string) => {
      const [price] = await consolidatedPricesAt(db, { modelIds: ["deepseek/deepseek-chat"], provider: "deepseek" }, new Date(`${day}T12:00:00Z`));
      return price?.lifecycle;
    };
    // The pointer names a model the catalogue holds (DeepSeek's own id, deepseek-v4-flash), not a snapshot no source lists.
    const catalogued = await db.select({ id: models.id }).from(models).where(inArray(models.id, ["deepseek/deepseek-v4-flash", "deepseek/deepseek-v4-flash-20260423"]));
    expect(catalogued.map((row) => row.id)).toEqual(["deepseek/deepseek-v4-flash"]);
    expect((await lifecycleOn("2026-05-10"))).toMatchObject({ stage: "ga", pointsTo: { model: "deepseek/deepseek-v4-flash", since: "2026-04-24T00:00:00.000Z" } });
    expect((await lifecycleOn("2026-04-20"))?.pointsTo?.model).toBe("deepseek/deepseek-v3.2");
    expect((await lifecycleOn("2026-07-25"))).toMatchObject({ stage: "deprecated", pointsTo: null });
  });
});

describe("lifecycle from the sources' own fields and delisting", () => {
  it("OpenRouter's expiration_date: GLM 4.5 at OpenRouter is deprecated until the 2026-12-31 its newest payload states", async () => {
    const [price] = await caller().prices.at({ model: "z-ai/glm-4.5", provider: "openrouter", variant: "standard", date: AFTER_ALL_PAYLOADS });
    expect(price!.lifecycle).toMatchObject({ stage: "deprecated", basis: "source", seller: "openrouter", next: { stage: "retired", from: "2026-12-31T00:00:00.000Z" } });
    expect(price!.lifecycle.origin).toMatch(/^openrouter \(payload 2026-02-27/);
    // Other sellers of the model are not affected by OpenRouter's expiry.
    const others = await caller().prices.at({ model: "z-ai/glm-4.5", date: AFTER_ALL_PAYLOADS });
    expect(others.filter((other) => other.provider !== "openrouter" && other.lifecycle.seller === "openrouter")).toEqual([]);
  });

  it("before Google's page has a stage in force, OpenRouter's expiry of Gemini 2.0 Flash counts; after, the reviewed stage wins", async () => {
    const [march] = await caller().prices.at({ model: "google/gemini-2.0-flash-001", provider: "openrouter", variant: "standard", date: "2026-03-01" });
    expect(march!.lifecycle).toMatchObject({ stage: "deprecated", basis: "source", seller: "openrouter" });
    const [may] = await caller().prices.at({ model: "google/gemini-2.0-flash-001", provider: "openrouter", variant: "standard", date: "2026-05-01" });
    expect(may!.lifecycle).toMatchObject({ stage: "deprecated", basis: "reviewed", origin: "pages/google pricing 2026-04-27" });
  });

  it("models.dev's status under the maker deprecates the model at every seller", async () => {
    // models.dev 2026-06-13: anthropic / claude-3-5-haiku-20241022 has status "deprecated".
    const prices = await caller().prices.at({ model: "claude-3-5-haiku-20241022", date: AFTER_ALL_PAYLOADS });
    expect(prices.length).toBeGreaterThan(1);
    for (const price of prices) expect(price.lifecycle).toMatchObject({ stage: "deprecated", basis: "source", seller: null, note: 'models.dev status "deprecated"' });
    expect(new Set(prices.map((price) => price.provider)).size).toBeGreaterThan(1);
  });

  it("a model every source stopped listing is retired since the last one dropped it", async () => {
    const { db } = database();
    const dropped = await db
      .select({ model: offerings.modelId, last: sql<Date>`max(${pricePeriods.validTo})`.mapWith(pricePeriods.validTo) })
      .from(pricePeriods)
      .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
      .groupBy(offerings.modelId)
      .having(sql`bool_and(${pricePeriods.validTo} is not null and ${pricePeriods.validTo} <= ${AFTER_ALL_PAYLOADS}::timestamptz)`);
    expect(dropped.length).toBeGreaterThan(0);
    for (const { model, last } of dropped.slice(0, 20)) {
      const lifecycle = await modelLifecycle(db, model, new Date(`${AFTER_ALL_PAYLOADS}T00:00:00Z`));
      if (lifecycle.basis === "reviewed") continue;
      expect(lifecycle).toMatchObject({ stage: "retired", basis: "delisted", since: last.toISOString() });
    }
  });
});

describe("suspect prices", () => {
  it("models.dev's Helicone Mistral Nemo at $20/$40 is suspect: first seen, 10x above the model's other sellers", async () => {
    const [price] = await caller().prices.at({ model: "mistral-nemo", provider: "helicone", variant: "standard", date: AFTER_ALL_PAYLOADS });
    expect(price).toMatchObject({ source: "modelsdev", input: "20", output: "40", suspect: true, consensus: null });
    expect(price!.suspectReasons.join("; ")).toMatch(/input \$20 is \d+x above the \$[\d.]+ median of \d+ other sellers/);
    const { suspect } = await caller().sources.disagreements({ model: price!.model });
    expect(suspect.map((entry) => entry.provider)).toContain("helicone");
  });

  it("sources.disagreements lists kat-coder-pro-v1 via Vercel among the suspect offerings", async () => {
    const { suspect } = await caller().sources.disagreements({ model: "kwaipilot/kat-coder-pro-v1" });
    expect(suspect.find((entry) => entry.provider === "vercel")).toMatchObject({ reasons: ["cache read $0.06 is above input $0.03"], consensus: null });
  });

  it("kat-coder-pro-v1 via Vercel is suspect: cache read $0.06 above input $0.03", async () => {
    const [price] = await caller().prices.at({ model: "kwaipilot/kat-coder-pro-v1", provider: "vercel", variant: "standard", date: AFTER_ALL_PAYLOADS });
    expect(price).toMatchObject({ source: "modelsdev", input: "0.03", cacheRead: "0.06", suspect: true });
    expect(price!.suspectReasons).toContain("cache read $0.06 is above input $0.03");
  });

  it("sources.suspect lists it with its reasons", async () => {
    const answer = await caller().sources.suspect({ model: "kwaipilot/kat-coder-pro-v1" });
    expect(answer.find((entry) => entry.provider === "vercel")).toMatchObject({ source: "modelsdev", reasons: ["cache read $0.06 is above input $0.03"], consensus: null });
  });
});

describe("variants and rows", () => {
  it("LiteLLM's :free keys are free variants, apart from OpenRouter's paid standard offering", async () => {
    const { db } = database();
    const rows = await db
      .select({ model: offerings.modelId, variant: offerings.variant, input: pricePeriods.input, output: pricePeriods.output })
      .from(pricePeriods)
      .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
      .where(and(eq(pricePeriods.sourceId, "litellm"), eq(offerings.providerId, "openrouter"), eq(offerings.modelId, "mistral/mistral-7b-instruct")));
    // LiteLLM 2025-11-21: "openrouter/mistralai/mistral-7b-instruct" 0.13/0.13 and "...:free" 0/0.
    expect(rows.map((row) => [row.variant, row.input, row.output]).sort()).toEqual([
      ["free", "0", "0"],
      ["standard", "0.13", "0.13"],
    ]);
    const extended = await db
      .select({ variant: offerings.variant })
      .from(pricePeriods)
      .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
      .where(and(eq(pricePeriods.sourceId, "litellm"), eq(offerings.providerId, "openrouter"), eq(offerings.modelId, "meta/llama-3-8b-instruct")));
    // The same file has only the ":extended" (0.225/2.25) and ":free" (0/0) keys of Llama 3 8B at OpenRouter.
    expect(extended.map((row) => row.variant).sort()).toEqual(["extended", "free"]);
  });

  it("Groq's specdec row is its own variant, so Llama 3.3 70B's standard price is the versatile one", async () => {
    const { db } = database();
    const rows = await db
      .select({ variant: offerings.variant, input: pricePeriods.input, output: pricePeriods.output })
      .from(pricePeriods)
      .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
      .where(and(eq(pricePeriods.sourceId, "litellm"), eq(offerings.providerId, "groq"), eq(offerings.modelId, "meta/llama-3.3-70b-instruct")));
    // LiteLLM 2025-11-21: groq/llama-3.3-70b-versatile 0.59/0.79, groq/llama-3.3-70b-specdec 0.59/0.99.
    expect(rows.map((row) => [row.variant, row.input, row.output]).sort()).toEqual([
      ["specdec", "0.59", "0.99"],
      ["standard", "0.59", "0.79"],
    ]);
  });

  it("genai-prices' rows imported from OpenRouter and Vertex's Claude rows filed under google are not those sellers' prices", async () => {
    const oss = await caller().prices.at({ model: "openai/gpt-oss-120b", provider: "openai", date: AFTER_ALL_PAYLOADS });
    expect(oss).toEqual([]);
    const opus = await caller().prices.at({ model: "anthropic/claude-opus-5", provider: "google", date: AFTER_ALL_PAYLOADS });
    expect(opus).toEqual([]);
    const sellers = (await caller().prices.at({ model: "openai/gpt-oss-120b", date: AFTER_ALL_PAYLOADS })).map((price) => price.provider);
    expect(sellers).toContain("openrouter");
  });
});

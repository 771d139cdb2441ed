/**
 * Price-war figures from the recorded history: LiteLLM's 17 versions and the OpenRouter
 * files backfilled, Aider polyglot (two versions) and LMArena's jasontrigg0 rating series
 * for dated scores. Expected values were read by hand from the payloads (named inline).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, countDistinct, eq, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aiderSource } from "../../scrapers/aider/index.ts";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { lmarenaSource } from "../../scrapers/lmarena/index.ts";
import { openrouterSource } from "../../scrapers/openrouter/index.ts";
import { createRestHandler } from "../../src/api/rest/handler.ts";
import { pricewarFigureProcedures } from "../../src/api/routers/pricewar-figures.ts";
import { createCallerFactory, router } from "../../src/api/trpc.ts";
import { changeEvents, offerings, providers } from "../../src/db/schema/index.ts";
import { runBackfill } from "../../src/jobs/backfill.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotDocument, snapshotPath } from "../helpers/snapshots.ts";

const database = useTestDatabase();
const engine = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
const createCaller = createCallerFactory(router(pricewarFigureProcedures));
const caller = () => createCaller({ db: database().db, connection: database() });
/** The as-of date of every figure below unless a test says otherwise: after the newest payload. */
const UNTIL = "2026-08-21";
const LLAMA_70B = "meta/llama-3.1-70b-instruct";

beforeAll(async () => {
  const { db } = database();
  await runBackfill(db, litellmSource, snapshotPath("prices/litellm"));
  await runBackfill(db, openrouterSource, snapshotPath("prices/openrouter"));
  for (const [file, day] of [
    ["polyglot_leaderboard.2025-03-28.87ba63c.yml", "2025-03-29"],
    ["polyglot_leaderboard.2025-10-04.cb6a152.yml", "2025-10-05"],
  ] as const) {
    await runSource(db, aiderSource, { trigger: "replay", at: new Date(`${day}T00:00:00Z`), load: async () => [snapshotDocument("benchmarks/aider", file)] });
  }
  await runSource(db, lmarenaSource, {
    trigger: "replay",
    at: new Date("2025-03-27T00:00:00Z"),
    load: async () => [
      snapshotDocument("benchmarks/lmarena", "jasontrigg0.key_to_model.8862846.csv"),
      snapshotDocument("benchmarks/lmarena", "jasontrigg0.alltime.2025-03-26.8862846.csv"),
    ],
  });
});

describe(`pricewar.spread (${engine})`, () => {
  it("prices Llama 3.1 70B's sellers at the end of February 2025 as LiteLLM listed them", async () => {
    const spread = await caller().spread({ model: LLAMA_70B, until: UNTIL });
    const february = spread.points.find((point) => point.date === "2025-02-28")!;
    // LiteLLM 2025-02-28: friendliai 0.6/0.6, groq llama-3.1-70b-versatile 0.59/0.79, sambanova 0.6/1.2,
    // together Meta-Llama-3.1-70B-Instruct-Turbo 0.88/0.88, bedrock meta.llama3-1-70b 0.99/0.99,
    // perplexity llama-3.1-70b-instruct 1/1, databricks databricks-meta-llama-3-1-70b-instruct 1.00002/2.99999
    // (a seller's name, not the maker: identity v2), azure_ai 2.68/3.54 per 1M;
    // blended 3:1 = 0.6, 0.64, 0.75, 0.88, 0.99, 1, 1.5000125, 2.895.
    expect(february.quotes.map((quote) => [quote.provider, quote.blended])).toEqual([
      ["friendli", "0.6"],
      ["groq", "0.64"],
      ["sambanova", "0.75"],
      ["together", "0.88"],
      ["bedrock", "0.99"],
      ["perplexity", "1"],
      ["databricks", "1.5000125"],
      ["azure", "2.895"],
    ]);
    expect(february).toMatchObject({ sellers: 8, min: "0.6", median: "0.935", max: "2.895", maxOverMin: 4.825, cheapest: { provider: "friendli", price: "0.6" } });
  });

  it("shows at least 3 sellers of an open model, with min <= median <= max and the cheapest seller at min", async () => {
    const spread = await caller().spread({ model: "meta/llama-3.3-70b-instruct", until: UNTIL, step: "change" });
    expect(Math.max(...spread.points.map((point) => point.sellers))).toBeGreaterThanOrEqual(3);
    for (const point of spread.points.filter((p) => p.sellers > 0)) {
      const [min, median, max] = [point.min, point.median, point.max].map(Number) as [number, number, number];
      expect(min).toBeLessThanOrEqual(median);
      expect(median).toBeLessThanOrEqual(max);
      expect(point.cheapest!.price).toBe(point.min);
      expect(point.quotes[0]!.blended).toBe(point.min);
      expect(point.quotes.at(-1)!.blended).toBe(point.max);
      expect(point.sellers).toBe(point.quotes.length);
    }
  });

  it("never sees LiteLLM's Weights & Biases price, 100,000 times too high: the integrity gate rejects it at ingestion", async () => {
    const spread = await caller().spread({ model: "meta/llama-3.3-70b-instruct", since: "2025-12-01", until: "2025-12-31" });
    const [point] = spread.points;
    // LiteLLM 2025-11-21: wandb/meta-llama/Llama-3.3-70B-Instruct at 0.71 USD per token (71,000 per 1M, above the $10,000 bound).
    expect(point!.outliers.map((quote) => [quote.provider, quote.blended])).toEqual([]);
    expect(point!.quotes.some((quote) => quote.provider === "wandb")).toBe(false);
  });

  it("is as-of: a past `until` ends the series with the sellers known then", async () => {
    const spread = await caller().spread({ model: "sambanova/Meta-Llama-3.1-70B-Instruct", until: "2025-03-01" });
    expect(spread.model).toBe(LLAMA_70B);
    expect(spread.points.at(-1)).toMatchObject({ date: "2025-03-01", sellers: 8 });
    // LiteLLM 2024-08-21 already lists Groq's llama-3.1-70b-versatile at 0.59/0.79 (0.64 blended), the cheapest
    // of five sellers then (with Bedrock, Perplexity and Databricks, whose names identity v2 reads as Meta's model).
    const first = spread.points[0]!;
    expect(first).toMatchObject({ date: "2024-08-31", sellers: 5, min: "0.64", cheapest: { provider: "groq" } });
    expect(first.quotes.map((quote) => quote.provider)).toEqual(expect.arrayContaining(["groq", "bedrock", "perplexity", "databricks"]));
  });

  it("classifies the model's tier by its launch price when the catalogue has none, and not before it is listed", async () => {
    const gpt4o = await caller().spread({ model: "openai/gpt-4o", until: "2024-06-01" });
    // LiteLLM 2024-05-17: gpt-4o at 5/15 from OpenAI itself -> 7.5 blended.
    expect(gpt4o.tier).toEqual({ tier: "frontier", basis: "first-party", launchPrice: "7.5" });
    const mini = await caller().spread({ model: "openai/gpt-4o-mini", until: "2024-09-01" });
    expect(mini.tier).toEqual({ tier: "small", basis: "first-party", launchPrice: "0.2625" });
    const early = await caller().spread({ model: "openai/gpt-4o-mini", since: "2024-01-01", until: "2024-06-01" });
    expect(early.tier).toBeNull();
    expect(early.points.every((point) => point.sellers === 0)).toBe(true);
  });
});

describe(`pricewar.undercuts (${engine})`, () => {
  it("finds Hyperbolic listing Llama 3.1 70B below FriendliAI on 2025-08-30", async () => {
    const events = await caller().undercuts({ model: LLAMA_70B, until: UNTIL, limit: 50 });
    // LiteLLM 2025-08-30: hyperbolic/meta-llama/Meta-Llama-3.1-70B-Instruct 0.12/0.3 -> 0.165;
    // the cheapest seller before was friendliai at 0.6.
    expect(events).toContainEqual({
      date: "2025-08-30",
      model: LLAMA_70B,
      seller: "hyperbolic",
      price: "0.165",
      sellerPreviousPrice: null,
      previousCheapest: { provider: "friendli", price: "0.6" },
      percentBelow: 72.5,
    });
    for (const event of events) {
      expect(Number(event.price)).toBeLessThan(Number(event.previousCheapest.price));
      expect(event.percentBelow).toBeGreaterThan(0);
    }
    expect(events.map((event) => event.date)).toEqual([...events.map((event) => event.date)].sort().reverse());
  });

  it("is as-of and limited: nothing after `until`, at most `limit` events over all models", async () => {
    const before = await caller().undercuts({ model: LLAMA_70B, until: "2025-06-01", limit: 50 });
    // Friendli's 0.6 went below Groq's 0.64; SambaNova's 0.75 listed the same day was not below it.
    expect(before.map((event) => [event.date, event.seller])).toEqual([["2025-02-07", "friendli"]]);
    const all = await caller().undercuts({ until: UNTIL, limit: 5 });
    expect(all).toHaveLength(5);
  });
});

describe(`pricewar.index (${engine})`, () => {
  it("tracks frontier above small at every month-end, with the gap as the ratio of medians", async () => {
    const index = await caller().index({ groupBy: "tier", until: UNTIL });
    const [frontier, mid, small] = index.groups;
    expect(index.groups.map((group) => group.group)).toEqual(["frontier", "mid", "small"]);
    expect(frontier!.points[0]).toMatchObject({ date: "2023-11-30", chained: 100 });
    for (const [i, point] of frontier!.points.entries()) {
      const smallPoint = small!.points[i]!;
      expect(Number(point.median)).toBeGreaterThan(Number(mid!.points[i]!.median));
      expect(Number(mid!.points[i]!.median)).toBeGreaterThan(Number(smallPoint.median));
      expect(index.frontierSmallGap![i]!.ratio).toBeCloseTo(Number(point.median) / Number(smallPoint.median), 2);
      expect(point.matched).toBeLessThanOrEqual(point.members);
    }
    // Existing frontier models got cheaper: the matched-model chain ends below its base.
    expect(frontier!.points.at(-1)!.chained).toBeLessThan(100);
  });

  it("groups by kind of seller: labs, hosts, clouds, aggregators", async () => {
    const index = await caller().index({ groupBy: "providerKind", since: "2025-01-01", until: "2025-06-30" });
    expect(index.groups.map((group) => group.group)).toEqual(expect.arrayContaining(["lab", "host", "cloud", "aggregator"]));
    const lab = index.groups.find((group) => group.group === "lab")!;
    expect(lab.points.map((point) => point.date)).toEqual(["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31", "2025-06-30"]);
    expect(index.frontierSmallGap).toBeNull();
  });
});

describe(`pricewar.cutsPerMonth (${engine})`, () => {
  it("counts moves by month and direction, 2026-03 being the month with most cuts", async () => {
    const months = await caller().cutsPerMonth({ until: UNTIL });
    expect(months[0]!.month).toBe("2024-02");
    const most = [...months].sort((a, b) => b.cut - a.cut)[0]!;
    // 44 cuts that month before the integrity gate and identity v2: the ones of 10x or more are now held in
    // quarantine, and names of one model no longer count as separate offerings.
    expect(most).toMatchObject({ month: "2026-03", cut: 38 });
    // Independent count: offerings with a cut event that month (each source sees its own offerings here).
    const [row] = await database()
      .db.select({ n: countDistinct(changeEvents.offeringId) })
      .from(changeEvents)
      .innerJoin(offerings, eq(offerings.id, changeEvents.offeringId))
      .innerJoin(providers, eq(providers.id, offerings.providerId))
      .where(
        and(
          eq(changeEvents.kind, "price"),
          eq(changeEvents.direction, "cut"),
          ne(providers.kind, "reference"),
          sql`to_char(${changeEvents.effectiveAt} at time zone 'UTC', 'YYYY-MM') = '2026-03'`,
        ),
      );
    expect(row!.n).toBe(most.cut);
    for (const month of months) expect(month.total).toBe(month.cut + month.hike + month.mixed + month.none);
    // The gpt-4o cut of 2024-11-13 (5/15 -> 2.5/10) is among November's; December had no scrape.
    expect(months.find((month) => month.month === "2024-11")!.cut).toBeGreaterThanOrEqual(1);
    expect(months.find((month) => month.month === "2024-12")).toMatchObject({ total: 0, priceRuns: 0 });
    // Prices rise too.
    expect(months.reduce((sum, month) => sum + month.hike, 0)).toBeGreaterThan(0);
  });
});

describe(`pricewar.costOfCapability (${engine})`, () => {
  it("follows the cheapest model at 50% on Aider polyglot and fits its yearly decline", async () => {
    const figure = await caller().costOfCapability({ benchmark: "aider-polyglot", threshold: 50, until: UNTIL });
    // o1 (high) first met it: 61.7% on 2024-12-21, but no priced model met it at the end of December.
    expect(figure.firstMet).toBe("2024-12-21");
    // claude-3-5-sonnet-20241022: 51.6% (run of 2025-01-17) at 3/15 -> 6; DeepSeek R1 56.9% via openrouter 0.55/2.19 -> 0.96;
    // DeepSeek R1 (0528) 71.4% at hyperbolic 0.25/0.25 (LiteLLM 2025-08-30).
    expect(figure.points[0]).toMatchObject({ date: "2025-01-31", model: "anthropic/claude-3.5-sonnet-20241022", provider: "anthropic", price: "6", score: "51.6" });
    expect(figure.points[1]).toMatchObject({ date: "2025-02-28", model: "deepseek/deepseek-r1", price: "0.96", score: "56.9" });
    expect(figure.points.at(-1)).toMatchObject({ date: UNTIL, model: "deepseek/deepseek-r1-0528", provider: "hyperbolic", price: "0.25", score: "71.4" });
    for (const point of figure.points) expect(Number(point.score)).toBeGreaterThanOrEqual(50);
    const fit = figure.fit!;
    expect(fit.points).toBe(figure.points.length);
    expect(Math.sign(fit.declinePerYear)).toBe(Math.sign(Number(figure.points[0]!.price) - Number(figure.points.at(-1)!.price)));
    expect(fit.factorPerYear).toBeCloseTo(Math.exp(-fit.slopePerYear), 3);
    expect(fit).toMatchObject({ factorPerYear: 3.0443, declinePerYear: 0.6715 });
  });

  it("uses only scores and prices valid at each month-end (as-of)", async () => {
    const figure = await caller().costOfCapability({ benchmark: "aider-polyglot", threshold: 50, until: "2025-06-30" });
    // Gemini 2.5 Flash preview 05-20 (24k thinking, 55.1%, run of 2025-05-25) at 0.15/0.6 -> 0.2625.
    expect(figure.points.at(-1)).toMatchObject({ date: "2025-06-30", model: "google/gemini-2.5-flash-preview-05-20", price: "0.2625" });
    expect(figure.points.every((point) => point.date <= "2025-06-30")).toBe(true);
  });

  it("reads LMArena's dated ratings: GPT-4o class at 1300 first came from chatgpt-4o-latest", async () => {
    const figure = await caller().costOfCapability({ benchmark: "lmarena-text", threshold: 1300, until: UNTIL });
    // jasontrigg0: chatgpt-4o-latest rated 1316.2 on 2024-08-22; LiteLLM prices it at 5/15.
    expect(figure.points[0]).toMatchObject({ date: "2024-08-31", model: "openai/chatgpt-4o-latest", price: "7.5" });
    expect(figure.fit!.declinePerYear).toBeGreaterThan(0);
  });

  it("lists the reviewed default thresholds, each with a reason", async () => {
    const thresholds = await caller().capabilityThresholds();
    expect(thresholds).toContainEqual(expect.objectContaining({ benchmark: "aider-polyglot", threshold: 50 }));
    expect(thresholds.every((entry) => entry.reason.length > 40)).toBe(true);
  });
});

describe(`pricewar figures: bad requests (${engine})`, () => {
  it("answers 400 for a reversed range, a bad step or an oversized series, 404 for unknown names", async () => {
    await expect(caller().spread({ model: LLAMA_70B, since: "2025-06-01", until: "2025-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller().spread({ model: LLAMA_70B, step: "day" as "month" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller().spread({ model: LLAMA_70B, since: "2000-01-01", until: UNTIL, step: "week" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/at most 1000/),
    });
    await expect(caller().spread({ model: "no-such-model-xyz" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller().costOfCapability({ benchmark: "no-such-bench", threshold: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller().index({ groupBy: "seller" as "tier" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe(`pricewar figures over plain JSON GET (${engine})`, () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const handler = createRestHandler(router({ pricewar: router(pricewarFigureProcedures) }), () => ({ db: database().db, connection: database() }));
    server = createServer((request, response) => void handler(request, response, new URL(request.url ?? "/", "http://localhost")));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/pricewar`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("takes numbers and dates from query parameters and answers 400 with the reason", async () => {
    const ok = await fetch(`${base}/costOfCapability?benchmark=aider-polyglot&threshold=50&until=${UNTIL}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ threshold: 50, fit: { factorPerYear: 3.0443 } });
    const reversed = await fetch(`${base}/spread?model=${encodeURIComponent(LLAMA_70B)}&since=2025-06-01&until=2025-01-01`);
    expect(reversed.status).toBe(400);
    expect(JSON.stringify(await reversed.json())).toMatch(/since .* is after until/);
    const thresholds = await fetch(`${base}/capabilityThresholds`);
    expect(thresholds.status).toBe(200);
    const openApi = (await (await fetch(base.replace(/pricewar$/, "openapi.json"))).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openApi.paths)).toEqual(expect.arrayContaining(["/api/v1/pricewar/spread", "/api/v1/pricewar/index", "/api/v1/pricewar/costOfCapability"]));
  });
});


/**
 * Issue 12: mutated real payloads (read from ../shared/snapshots, mutated in memory) never
 * corrupt history. Each bad run is quarantined, rejected per entry or failed as a whole,
 * and the fingerprint of every price period and change event is the same afterwards.
 * Runs on PGlite, and on Postgres with TEST_DATABASE_URL.
 */
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anthropicDocsSource } from "../../scrapers/anthropic-docs/index.ts";
import { geminiPricingSource } from "../../scrapers/gemini-pricing/index.ts";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { openrouterSource } from "../../scrapers/openrouter/index.ts";
import type { PayloadDocument, PriceSource } from "../../scrapers/source.ts";
import { createCaller } from "../../src/api/router.ts";
import { changeEvents, offerings, pricePeriods, priceQuarantine, scrapeRuns } from "../../src/db/schema/index.ts";
import { runSource, type RunSummary } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotDocument } from "../helpers/snapshots.ts";
import { historyFingerprint } from "../helpers/fingerprint.ts";
import {
  negateLitellm,
  scaleDollarAmounts,
  scaleLitellm,
  scaleOpenRouter,
  setOpenRouterPrompt,
  shrinkLitellm,
  shrinkOpenRouter,
  truncate,
} from "./mutations.ts";

const database = useTestDatabase();

const LITELLM = snapshotDocument("prices/litellm", "model_prices_2026-07-24.json");
const OPENROUTER = snapshotDocument("prices/openrouter", "models-data_2026-08-08_from-sui414-0427e0eca0.json");
const GEMINI = snapshotDocument("pages/google", "ai.google.dev_gemini-api_docs_pricing.2026-04-27.html");
const ANTHROPIC_DOCS = snapshotDocument("pages/anthropic", "platform.claude.com_docs_en_about-claude_pricing.md.2026-08-17.md");

/** Every mutated payload run by this file, for the closing figure. */
const tried: string[] = [];

// Baselines at T0; each mutated run one hour after the previous, so none is history.
const T0 = new Date("2026-08-10T00:00:00Z");
let hour = 0;
const nextTick = () => new Date(T0.getTime() + ++hour * 3_600_000);

async function run(source: PriceSource, document: PayloadDocument, at: Date = nextTick()): Promise<RunSummary> {
  return runSource(database().db, source, { trigger: "replay", at, load: async () => [document] });
}

async function mutated(label: string, source: PriceSource, document: PayloadDocument, at?: Date): Promise<RunSummary> {
  tried.push(label);
  return run(source, document, at);
}

/** Runs a mutated payload and asserts that history is exactly as before. */
async function unchangedBy(label: string, source: PriceSource, document: PayloadDocument, at?: Date): Promise<RunSummary> {
  const before = await historyFingerprint(database().db, { lastSeen: false });
  const summary = await mutated(label, source, document, at);
  expect(await historyFingerprint(database().db, { lastSeen: false })).toEqual(before);
  return summary;
}

/** The current price of one offering from one source. */
async function currentPrice(sourceId: string, providerId: string, modelId: string) {
  return database()
    .db.select({ input: pricePeriods.input, output: pricePeriods.output })
    .from(pricePeriods)
    .innerJoin(offerings, eq(offerings.id, pricePeriods.offeringId))
    .where(
      and(
        eq(pricePeriods.sourceId, sourceId),
        isNull(pricePeriods.validTo),
        eq(offerings.providerId, providerId),
        eq(offerings.modelId, modelId),
        eq(offerings.variant, "standard"),
        eq(offerings.region, ""),
      ),
    );
}

beforeAll(async () => {
  for (const [source, document] of [
    [litellmSource, LITELLM],
    [openrouterSource, OPENROUTER],
    [geminiPricingSource, GEMINI],
    [anthropicDocsSource, ANTHROPIC_DOCS],
  ] as const) {
    expect(await run(source, document, T0)).toMatchObject({ status: "succeeded", quarantined: 0 });
  }
});

afterAll(() => {
  // The issue asks how many mutated payloads were tried: printed for the closing note.
  console.info(`integrity: ${tried.length} mutated payloads tried: ${tried.join("; ")}`);
});

describe("a unit error in one model (1000x either way)", () => {
  it("holds a LiteLLM price 1000x up in quarantine; the current price stays", async () => {
    const before = await currentPrice("litellm", "openai", "openai/gpt-4o");
    const summary = await unchangedBy("litellm gpt-4o x1000", litellmSource, scaleLitellm(LITELLM, 1000, ["gpt-4o"]));
    // The entry prices the standard, batch and priority variants; each variant with a previous price is held.
    expect(summary).toMatchObject({ status: "succeeded", changed: 0 });
    expect(summary.quarantined).toBeGreaterThanOrEqual(1);
    expect(await currentPrice("litellm", "openai", "openai/gpt-4o")).toEqual(before);

    const listed = await createCaller({ db: database().db, connection: database() }).sources.quarantine({ source: "litellm" });
    expect(listed).toHaveLength(summary.quarantined);
    expect(listed).toContainEqual(
      expect.objectContaining({
        rawName: "gpt-4o",
        provider: "openai",
        model: "openai/gpt-4o",
        status: "held",
        runId: summary.runId,
        value: expect.objectContaining({ input: "2500", output: "10000" }),
        previous: expect.objectContaining({ input: "2.5", output: "10" }),
        variant: "standard",
        reason: "input 2.5 -> 2500 (1000x) against the previous value",
      }),
    );
  });

  it("records a held price once however often its payload is ingested", async () => {
    const document = scaleLitellm(LITELLM, 1000, ["gpt-4o"]);
    const at = nextTick();
    const heldAt = async () =>
      (await database().db.select({ n: sql<number>`count(*)::int` }).from(priceQuarantine).where(eq(priceQuarantine.observedAt, at)))[0]!.n;
    const first = await unchangedBy("litellm gpt-4o x1000, again at one time", litellmSource, document, at);
    expect(await heldAt()).toBe(first.quarantined);
    const second = await unchangedBy("litellm gpt-4o x1000, again at one time", litellmSource, document, at);
    expect(second.quarantined).toBe(first.quarantined);
    expect(await heldAt()).toBe(first.quarantined);
  });

  it("holds a LiteLLM price 1000x down", async () => {
    const summary = await unchangedBy("litellm gpt-4o-mini /1000", litellmSource, scaleLitellm(LITELLM, 0.001, ["gpt-4o-mini"]));
    expect(summary.status).toBe("succeeded");
    expect(summary.quarantined).toBeGreaterThanOrEqual(1);
  });
});

describe("a unit error in every entry (1000x)", () => {
  it("fails a LiteLLM run as a unit error and writes nothing", async () => {
    const quarantineBefore = await database().db.select({ n: sql<number>`count(*)::int` }).from(priceQuarantine);
    const summary = await unchangedBy("litellm all x1000", litellmSource, scaleLitellm(LITELLM, 1000));
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/^unit error: \d+ of \d+ comparable prices \(\d+%\) jump 10x or more .*nothing written$/);
    expect(await database().db.select({ n: sql<number>`count(*)::int` }).from(priceQuarantine)).toEqual(quarantineBefore);
  });

  it("fails an OpenRouter run as a unit error", async () => {
    const summary = await unchangedBy("openrouter all x1000", openrouterSource, scaleOpenRouter(OPENROUTER, 1000));
    expect(summary).toMatchObject({ status: "failed", error: expect.stringMatching(/^unit error/) });
  });

  // The issue saw both page scrapers accept a 1000x page as price changes.
  it.each([
    ["gemini-pricing", geminiPricingSource, GEMINI],
    ["anthropic-docs", anthropicDocsSource, ANTHROPIC_DOCS],
  ] as const)("fails a %s page with every dollar amount x1000 as a unit error", async (label, source, document) => {
    const summary = await unchangedBy(`${label} page all x1000`, source, scaleDollarAmounts(document, 1000));
    expect(summary).toMatchObject({ status: "failed", error: expect.stringMatching(/^unit error/) });
  });
});

describe("a shrunken full snapshot", () => {
  it.each([0.8, 0.5])("fails a LiteLLM payload with %s of its entries removed as a shrink, delisting nothing", async (share) => {
    const summary = await unchangedBy(`litellm ${share * 100}% shrink`, litellmSource, shrinkLitellm(LITELLM, share));
    expect(summary).toMatchObject({ status: "failed", error: expect.stringMatching(/^shrink: the payload lists \d+ of the \d+ offerings .*; nothing delisted/) });
  });

  it.each([0.8, 0.5])("fails an OpenRouter payload with %s of its models removed as a shrink", async (share) => {
    const summary = await unchangedBy(`openrouter ${share * 100}% shrink`, openrouterSource, shrinkOpenRouter(OPENROUTER, share));
    expect(summary).toMatchObject({ status: "failed", error: expect.stringMatching(/^shrink/) });
  });

  it.each([0.25, 0.5, 0.75, 0.9])("fails or delists nothing when the Gemini pricing page is truncated to %s", async (share) => {
    const summary = await unchangedBy(`gemini page truncated to ${share * 100}%`, geminiPricingSource, truncate(GEMINI, share));
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/^shrink|^gemini-pricing: truncated HTML/);
  });
});

describe("absurd and negative values", () => {
  it('rejects an OpenRouter price of "1e400" per entry: nothing stored, nothing delisted', async () => {
    const models = JSON.parse(OPENROUTER.body) as Array<{ id: string; pricing: { prompt: string } }>;
    const target = models.find((model) => model.id.startsWith("openai/") && Number(model.pricing.prompt) > 0)!;
    const summary = await unchangedBy('openrouter "1e400"', openrouterSource, setOpenRouterPrompt(OPENROUTER, target.id, "1e400"));
    expect(summary).toMatchObject({ status: "succeeded", changed: 0, quarantined: 0 });
    expect(summary.rejected).toBeGreaterThanOrEqual(1);
    expect(summary.rejectedSamples).toContainEqual({ name: target.id, reason: expect.stringMatching(/^rejected: input 1\.000e\+406 USD per 1M is above the bound of 10000$/) });
    const [stored] = await database().db.select({ n: sql<number>`count(*)::int` }).from(pricePeriods).where(gt(pricePeriods.input, "10000"));
    expect(stored!.n).toBe(0);
    const [run] = await database().db.select({ rejected: scrapeRuns.rejected }).from(scrapeRuns).where(eq(scrapeRuns.id, summary.runId));
    expect(run!.rejected).toBe(summary.rejected);
  });

  it("keeps the offerings of 37 negative LiteLLM prices listed, at their prices", async () => {
    const { document, names } = negateLitellm(LITELLM, 37);
    expect(names).toHaveLength(37);
    const delisted = () => database().db.select({ n: sql<number>`count(*)::int` }).from(changeEvents).where(eq(changeEvents.kind, "delisted"));
    const [delistedBefore, historyBefore] = [await delisted(), await historyFingerprint(database().db, { lastSeen: false })];
    const summary = await mutated("litellm 37 negative prices", litellmSource, document);
    expect(summary.status).toBe("succeeded");
    expect(await delisted()).toEqual(delistedBefore);
    // No price moves, not even where another raw name of the same offering was priced apart.
    expect(await historyFingerprint(database().db, { lastSeen: false })).toEqual(historyBefore);
  });
});

describe("dates", () => {
  it("refuses a run dated more than a day ahead (--at 2030-01-01) with a clear error", async () => {
    const summary = await unchangedBy("litellm --at 2030-01-01", litellmSource, LITELLM, new Date("2030-01-01T00:00:00Z"));
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/^refused: the observation time 2030-01-01T00:00:00\.000Z is more than a day ahead of now .*nothing written$/);
  });

  it("fails a unit error in a payload older than the source's newest one, measured against the prices in force then", async () => {
    const between = new Date(T0.getTime() + 30 * 60_000);
    const summary = await unchangedBy("litellm all x1000, as history", litellmSource, scaleLitellm(LITELLM, 1000), between);
    expect(summary).toMatchObject({ status: "failed", error: expect.stringMatching(/^unit error/) });
  });

  it("ingests an older payload as history: bounded, never current, never delisting", async () => {
    const older = snapshotDocument("prices/litellm", "model_prices_2026-03-29_mirror-b93e3f31e1.json");
    const openBefore = (await historyFingerprint(database().db)).counts.openPricePeriods;
    const delisted = () => database().db.select({ n: sql<number>`count(*)::int` }).from(changeEvents).where(eq(changeEvents.kind, "delisted"));
    const delistedBefore = await delisted();
    const summary = await run(litellmSource, older, new Date("2026-03-29T00:00:00Z"));
    expect(summary.status).toBe("succeeded");
    // Every period it opened ends at the source's next observation or earlier: none is current.
    const opened = await database().db.select({ validTo: pricePeriods.validTo }).from(pricePeriods).where(eq(pricePeriods.scrapeRunId, summary.runId));
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.every((period) => period.validTo !== null && period.validTo <= T0)).toBe(true);
    expect((await historyFingerprint(database().db)).counts.openPricePeriods).toBe(openBefore);
    // Its delistings are the ends of its own bounded periods, never of a current one.
    const [after] = await delisted();
    expect(after!.n - delistedBefore[0]!.n).toBeLessThanOrEqual(opened.length);
  });
});

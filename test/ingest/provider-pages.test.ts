import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { anthropicDocsSource } from "../../scrapers/anthropic-docs/index.ts";
import { sourceById } from "../../scrapers/registry.ts";
import { openaiPricingSource } from "../../scrapers/openai-pricing/index.ts";
import { createCaller } from "../../src/api/router.ts";
import { replayLoader } from "../../src/jobs/load-documents.ts";
import { runSource, type RunSummary } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotDocument, snapshotPath } from "../helpers/snapshots.ts";

const database = useTestDatabase();
const caller = () => createCaller({ db: database().db, connection: database() });

/** First-party pages and the community/aggregator tables of about the same dates. */
const INGEST: Array<[source: string, path: string, at: string]> = [
  ["litellm", "prices/litellm/model_prices_2026-07-24.json", "2026-07-24"],
  ["llm-prices", "prices/llm-prices/2026-08-06", "2026-08-06"],
  ["genai-prices", "prices/genai-prices/2026-08-21", "2026-08-21"],
  ["anthropic-docs", "pages/anthropic/platform.claude.com_docs_en_about-claude_pricing.md.2026-08-17.md", "2026-08-17"],
  ["openai-pricing", "pages/openai/developers.openai.com_api_docs_pricing.2026-08-21.html", "2026-08-21"],
  ["gemini-pricing", "pages/google/ai.google.dev_gemini-api_docs_pricing.2026-04-27.html", "2026-04-27"],
  ["deepseek-pricing", "pages/deepseek/api-docs.deepseek.com_quick_start_pricing.en.2026-05-08.html", "2026-05-08"],
  ["mistral-pricing", "pages/mistral/mistral.ai_pricing.2026-05-08.html", "2026-05-08"],
  ["zai-pricing", "pages/zai/docs.z.ai_guides_overview_pricing.2026-08-18.html", "2026-08-18"],
];
const runs = new Map<string, RunSummary>();

async function historyRows(): Promise<number> {
  const result = await database().db.execute<{ n: number }>(sql`select (select count(*) from price_periods) + (select count(*) from change_events) as n`);
  return Number((Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows)[0]!.n);
}

beforeAll(async () => {
  for (const [id, path, at] of INGEST) {
    runs.set(id, await runSource(database().db, sourceById(id), { trigger: "replay", at: new Date(`${at}T00:00:00Z`), load: replayLoader(snapshotPath(path)) }));
  }
});

describe("provider pricing pages beside the aggregators", () => {
  it("ingests every page and table", () => {
    for (const [id] of INGEST) expect(runs.get(id), id).toMatchObject({ status: "succeeded" });
    expect(runs.get("anthropic-docs")!.parsed).toBe(32);
  });

  it("takes the current price of an offering from the first-party page", async () => {
    const prices = await caller().prices.current({ model: "anthropic/claude-opus-4.1", provider: "anthropic", variant: "standard" });
    expect(prices).toHaveLength(1);
    expect(prices[0]).toMatchObject({ source: "anthropic-docs", authority: "first-party", input: "15", output: "75" });
    expect(prices[0]!.alternatives.map((alternative) => alternative.source)).toEqual(expect.arrayContaining(["litellm"]));
  });

  it("lists real disagreements between the pages and the community tables, with both values and dates", async () => {
    const found = (await caller().sources.disagreements({})).pairs;
    expect(found.length).toBeGreaterThan(0);
    const firstParty = found.filter((d) => d.a.authority === "first-party");
    expect(firstParty.length).toBeGreaterThan(0);
    for (const disagreement of found) {
      expect(disagreement.difference).toBeGreaterThan(0.01);
      expect(disagreement.a.source).not.toBe(disagreement.b.source);
      expect(disagreement.a.lastSeenAt).toBeInstanceOf(Date);
    }
  });
});

describe("pages that must fail and write nothing", () => {
  it("reports OpenAI's bot-challenge page as blocked", async () => {
    const before = await historyRows();
    const run = await runSource(database().db, openaiPricingSource, {
      trigger: "replay",
      load: async () => [snapshotDocument("pages/openai/blocked/platform.openai.com_docs_pricing.challenge-page.2026-05-08.html")],
    });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/blocked by a bot challenge/);
    expect(await historyRows()).toBe(before);
  });

  it("fails an Anthropic page whose pricing tables were removed", async () => {
    const before = await historyRows();
    const page = snapshotDocument("pages/anthropic/platform.claude.com_docs_en_about-claude_pricing.2026-04-26.html");
    const run = await runSource(database().db, anthropicDocsSource, {
      trigger: "replay",
      load: async () => [{ ...page, body: page.body.replace(/<table[\s\S]*?<\/table>/g, "") }],
    });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/^anthropic-docs: /);
    expect(await historyRows()).toBe(before);
  });
});

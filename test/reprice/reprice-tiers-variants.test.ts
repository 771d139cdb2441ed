/**
 * Repricing with tiers, cache prices and variants, on the recorded first-party pages:
 * Google's Gemini pricing (2.5 Pro: $1.25/$10 up to 200k prompt tokens, $2.50/$15 above;
 * Batch and Flex at half, Priority at 1.8x), Anthropic's (Sonnet 4.5: $3/$15, cache reads
 * $0.30, 5-minute cache writes $3.75; Batch at half, with no cache price listed) and
 * OpenAI's (GPT-5.4: no price stated above 272k prompt tokens).
 */
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { sourceById } from "../../scrapers/registry.ts";
import { defaultBestRoute } from "../../src/api/best-route.ts";
import { createRepriceLookup } from "../../src/db/queries/reprice-prices.ts";
import { readUsageLog } from "../../src/domain/reprice/read-log.ts";
import { repriceLog, type RepricedLine } from "../../src/domain/reprice/reprice-log.ts";
import { replayLoader } from "../../src/jobs/load-documents.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const database = useTestDatabase();

const PAGES: Array<[source: string, path: string, at: string]> = [
  ["gemini-pricing", "pages/google/ai.google.dev_gemini-api_docs_pricing.2026-04-27.html", "2026-04-27"],
  ["anthropic-docs", "pages/anthropic/platform.claude.com_docs_en_about-claude_pricing.md.2026-08-17.md", "2026-08-17"],
  ["openai-pricing", "pages/openai/developers.openai.com_api_docs_pricing.2026-08-21.html", "2026-08-21"],
];

beforeAll(async () => {
  const { db } = database();
  for (const [id, path, at] of PAGES) {
    const run = await runSource(db, sourceById(id), { trigger: "replay", at: new Date(`${at}T00:00:00Z`), load: replayLoader(snapshotPath(path)) });
    expect(run.status, id).toBe("succeeded");
  }
}, 240_000);

async function reprice(lines: object[]): Promise<RepricedLine[]> {
  const { db } = database();
  const lookup = createRepriceLookup(db, { bestRoute: defaultBestRoute({ db, connection: database() }) });
  const log = lines.map((line) => JSON.stringify({ timestamp: "2026-09-01T12:00:00Z", ...line })).join("\n");
  const out: RepricedLine[] = [];
  for await (const item of repriceLog(readUsageLog(Readable.from([log])), lookup)) if (item.type === "line") out.push(item);
  return out;
}

const costs = (lines: RepricedLine[]) => lines.map((line) => (line.ok ? { total: line.cost.total, tier: line.cost.tier, variant: line.price.variant } : { reason: line.reason }));

describe("repricing with long-context tiers, per request", () => {
  it("bills a Gemini 2.5 Pro request at the base price up to 200k prompt tokens and wholly at the tier above, cache reads included", async () => {
    const lines = await reprice([
      { model: "gemini-2.5-pro", input_tokens: 100_000, output_tokens: 1_000 },
      { model: "gemini-2.5-pro", input_tokens: 150_000, output_tokens: 1_000, cached_input_tokens: 50_000 },
      { model: "gemini-2.5-pro", input_tokens: 150_000, output_tokens: 1_000, cached_input_tokens: 50_001 },
    ]);
    expect(costs(lines)).toEqual([
      // 0.1M x $1.25 + 0.001M x $10
      { total: "0.135", tier: null, variant: "standard" },
      // 0.15M x $1.25 + 0.05M x $0.125 + 0.001M x $10
      { total: "0.20375", tier: null, variant: "standard" },
      // 0.15M x $2.50 + 0.050001M x $0.25 + 0.001M x $15
      { total: "0.40250025", tier: 200_000, variant: "standard" },
    ]);
  });

  it("gives a reason, never $0, above a threshold whose price the page does not state", async () => {
    const [under, over] = await reprice([
      { model: "gpt-5.4", seller: "openai", input_tokens: 272_000, output_tokens: 0 },
      { model: "gpt-5.4", seller: "openai", input_tokens: 272_001, output_tokens: 0 },
    ]);
    expect(under).toMatchObject({ ok: true, cost: { total: "0.68", tier: null } });
    expect(over).toMatchObject({ ok: false, reason: "no input price above 272000 prompt tokens (openai openai/gpt-5.4, openai-pricing)" });
  });
});

describe("repricing cache reads and writes", () => {
  it("bills Claude Sonnet 4.5 cache reads and writes at their own prices", async () => {
    const [line] = await reprice([{ model: "claude-sonnet-4-5", input_tokens: 1_000_000, output_tokens: 1_000_000, cached_input_tokens: 1_000_000, cache_write_tokens: 1_000_000 }]);
    expect(line).toMatchObject({ ok: true, cost: { input: "3", cachedInput: "0.3", cacheWrite: "3.75", output: "15", total: "22.05" }, price: { seller: "anthropic", source: "anthropic-docs" } });
  });
});

describe("repricing variants", () => {
  it("prices batch, flex and priority lines at their own offering, and says when a variant has no cache-write price", async () => {
    const usage = { input_tokens: 1_000_000, output_tokens: 1_000_000 };
    // Under Gemini's 200k threshold.
    const short = { input_tokens: 100_000, output_tokens: 1_000_000 };
    const lines = await reprice([
      { model: "gemini-2.5-pro", variant: "batch", ...short },
      { model: "gemini-2.5-pro", variant: "flex", ...short },
      { model: "gemini-2.5-pro", variant: "priority", ...short },
      { model: "claude-sonnet-4-5", variant: "batch", ...usage },
      { model: "claude-sonnet-4-5", variant: "batch", ...usage, cache_write_tokens: 10 },
    ]);
    expect(costs(lines)).toEqual([
      // 0.1M x $0.625 + 1M x $5
      { total: "5.0625", tier: null, variant: "batch" },
      { total: "5.0625", tier: null, variant: "flex" },
      // 0.1M x $2.25 + 1M x $18
      { total: "18.225", tier: null, variant: "priority" },
      // 1M x $1.50 + 1M x $7.50
      { total: "9", tier: null, variant: "batch" },
      { reason: expect.stringMatching(/^no cache-write price \(anthropic anthropic\/claude-sonnet-4\.5/) },
    ]);
  });

  it("names the variant when a model has none of that kind", async () => {
    const [line] = await reprice([{ model: "gpt-5.4-nano", variant: "priority", input_tokens: 1, output_tokens: 1 }]);
    expect(line).toMatchObject({ ok: false, reason: expect.stringMatching(/^no priority price recorded for openai\/gpt-5\.4-nano$/) });
  });
});

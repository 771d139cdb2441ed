import { describe, expect, it } from "vitest";
import { priceObservationSchema, type PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument, snapshotFolderDocuments } from "../../test/helpers/snapshots.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { llmPricesSource } from "./index.ts";
import { parseLlmPrices } from "./parse.ts";

const context = { observedAt: new Date("2026-08-07T03:17:00Z") };
const latestFolder = snapshotFolderDocuments("prices/llm-prices/2026-08-06");
const latest = llmPricesSource.parse(latestFolder, context);
const earlier = llmPricesSource.parse(snapshotFolderDocuments("prices/llm-prices/2026-03-17"), context);

function find(result: { observations: PriceObservation[] }, provider: string, model: string): PriceObservation[] {
  return result.observations.filter((o) => o.provider === provider && o.model === model);
}

function vendorFile(models: unknown[], vendor = "openai"): PayloadDocument {
  return { name: `data/${vendor}.json`, body: JSON.stringify({ vendor, models }) };
}

const row = (input: number, output: number, from: string | null = null, to: string | null = null) => ({
  input,
  output,
  input_cached: null,
  from_date: from,
  to_date: to,
});

describe("llm-prices snapshot 2026-08-06 (11 vendor files)", () => {
  it("turns every price period into an observation", () => {
    expect(latestFolder.map((d) => d.name)).toContain("data/meta-ai.json");
    expect(latest.observations).toHaveLength(116);
    expect(latest.skipped).toHaveLength(5);
    for (const observation of latest.observations) priceObservationSchema.parse(observation);
  });

  it("maps vendors to our provider ids", () => {
    expect([...new Set(latest.observations.map((o) => o.provider))].sort()).toEqual([
      "alibaba",
      "amazon",
      "anthropic",
      "deepseek",
      "google",
      "meta",
      "minimax",
      "mistral",
      "moonshot",
      "openai",
      "xai",
    ]);
  });

  it("keeps real prices exactly", () => {
    expect(find(latest, "openai", "gpt-4o")).toMatchObject([
      { input: "2.5", output: "10", cacheRead: "1.25", cacheWrite: null, tiers: [], validFrom: null, validTo: null, hints: { displayName: "GPT-4o" } },
    ]);
    expect(find(latest, "amazon", "amazon-nova-micro")).toMatchObject([{ input: "0.035", output: "0.14", cacheRead: null }]);
    expect(find(latest, "anthropic", "claude-opus-4-6")).toMatchObject([{ input: "5", output: "25" }]);
    expect(find(latest, "meta", "muse-spark-1.2-contributor")).toMatchObject([{ input: "0.1", output: "0.2", cacheRead: "0.002" }]);
    expect(find(latest, "alibaba", "qwen3.6-plus")).toMatchObject([
      { input: "0.5", output: "3", tiers: [{ minInputTokens: 256000, input: "2", output: "6", cacheRead: null, cacheWrite: null }] },
    ]);
  });

  it("dates a real change from the newest-first rows: deepseek-chat 0.14/0.28 until 2025-02-08, then 0.27/1.1", () => {
    expect(find(latest, "deepseek", "deepseek-chat")).toMatchObject([
      { input: "0.14", output: "0.28", validFrom: null, validTo: "2025-02-08" },
      { input: "0.27", output: "1.1", validFrom: "2025-02-08", validTo: null },
    ]);
  });

  it("dates the GPT-5.6 Luna cut of 2026-07-30, with its >272k tier in both periods", () => {
    expect(find(latest, "openai", "gpt-5.6-luna")).toMatchObject([
      {
        input: "1",
        output: "6",
        cacheRead: "0.1",
        validFrom: null,
        validTo: "2026-07-30",
        tiers: [{ minInputTokens: 272000, input: "2", output: "9", cacheRead: "0.2" }],
      },
      {
        input: "0.2",
        output: "1.2",
        cacheRead: "0.02",
        validFrom: "2026-07-30",
        validTo: null,
        tiers: [{ minInputTokens: 272000, input: "0.4", output: "1.8", cacheRead: "0.04" }],
      },
    ]);
  });

  it("keeps the scheduled Claude Sonnet 5 change dated after the commit", () => {
    expect(find(latest, "anthropic", "claude-sonnet-5")).toMatchObject([
      { input: "2", output: "10", validFrom: null, validTo: "2026-09-01" },
      { input: "3", output: "15", validFrom: "2026-09-01", validTo: null },
    ]);
  });

  it("folds the >Nk companion models into tiers instead of emitting them as models", () => {
    expect(find(latest, "google", "gemini-2.5-pro")).toMatchObject([
      { input: "1.25", output: "10", cacheRead: "0.125", tiers: [{ minInputTokens: 200000, input: "2.5", output: "15", cacheRead: "0.25" }] },
    ]);
    expect(latest.observations.filter((o) => /-\d+k$/.test(o.model))).toEqual([]);
    expect(latest.observations.filter((o) => o.tiers.length > 0)).toHaveLength(27);
  });

  it("skips image-generation rows and the repeated grok-4-fast entry", () => {
    expect(latest.skipped).toEqual([
      { name: "openai/gpt-image-1", reason: "image-generation model: prices image tokens, not text" },
      { name: "openai/gpt-image-1-mini", reason: "image-generation model: prices image tokens, not text" },
      { name: "openai/gpt-image-2-image", reason: "image-generation model: prices image tokens, not text" },
      { name: "openai/gpt-image-2-text", reason: "image-generation model: prices image tokens, not text" },
      { name: "xai/grok-4-fast", reason: 'repeats an earlier entry with the same prices (as "Grok 4 Fast ≤128k")' },
    ]);
    expect(find(latest, "xai", "grok-4-fast")).toMatchObject([
      { input: "0.2", output: "0.5", cacheRead: "0.05", tiers: [{ minInputTokens: 128000, input: "0.4", output: "1" }] },
    ]);
  });
});

describe("llm-prices snapshot 2026-03-17 (9 vendor files)", () => {
  it("parses every vendor file", () => {
    expect(earlier.observations).toHaveLength(87);
    expect(earlier.skipped).toHaveLength(3);
    expect(earlier.observations.filter((o) => o.tiers.length > 0)).toHaveLength(13);
    for (const observation of earlier.observations) priceObservationSchema.parse(observation);
  });

  it("has the deepseek-chat change but neither the GPT-5.6 models nor the later vendors", () => {
    expect(find(earlier, "deepseek", "deepseek-chat").map((o) => [o.input, o.validFrom, o.validTo])).toEqual([
      ["0.14", null, "2025-02-08"],
      ["0.27", "2025-02-08", null],
    ]);
    expect(find(earlier, "openai", "gpt-5.6-luna")).toEqual([]);
    const providers = new Set(earlier.observations.map((o) => o.provider));
    expect(providers.has("meta") || providers.has("alibaba")).toBe(false);
    expect(find(earlier, "openai", "gpt-5.4")).toMatchObject([
      { input: "2.5", output: "15", cacheRead: "0.25", tiers: [{ minInputTokens: 272000, input: "5", output: "22.5", cacheRead: "0.5" }] },
    ]);
  });
});

describe("llm-prices bad payloads and edge cases", () => {
  it("rejects the recorded upstream commit with a trailing comma, naming the file", () => {
    const invalid = snapshotDocument("prices/llm-prices/invalid/openai_2026-04-24_a87a3be44f_trailing-comma.json.txt");
    expect(() => parseLlmPrices([invalid])).toThrow(PayloadError);
    expect(() => parseLlmPrices([invalid])).toThrow(
      /^llm-prices: invalid JSON: .* \(in prices\/llm-prices\/invalid\/openai_2026-04-24_a87a3be44f_trailing-comma\.json\.txt\)$/s,
    );
  });

  it("fails the whole run when one vendor file of several is invalid", () => {
    const documents = [...latestFolder, { name: "data/zzz.json", body: "<html>Too many requests</html>" }];
    expect(() => parseLlmPrices(documents)).toThrow(/invalid JSON: .*\(in data\/zzz\.json\)/s);
  });

  it("ignores files that are not vendor JSON, and rejects a payload without any", () => {
    const readme = { name: "README.md", body: "# llm-prices" };
    const { observations } = parseLlmPrices([readme, vendorFile([{ id: "m", name: "M", price_history: [row(1, 2)] }])]);
    expect(observations).toMatchObject([{ provider: "openai", model: "m", input: "1", output: "2" }]);
    expect(() => parseLlmPrices([readme])).toThrow("llm-prices: no vendor .json file among 1 document(s)");
  });

  it("rejects rows with an input price but no output price, naming the model", () => {
    const missingOutput = vendorFile([{ id: "gpt-x", price_history: [{ ...row(1, 2), output: null }] }]);
    expect(() => parseLlmPrices([missingOutput])).toThrow(/unexpected model openai\/gpt-x: price_history\.0\.output: /);
  });

  it("rejects layout changes and ambiguous duplicates", () => {
    expect(() => parseLlmPrices([{ name: "data/openai.json", body: '[{"id": "gpt-4o"}]' }])).toThrow(/unexpected layout/);
    expect(() => parseLlmPrices([vendorFile([])])).toThrow(/unexpected layout: models: no models/);
    const conflict = vendorFile([
      { id: "m", price_history: [row(1, 2)] },
      { id: "m", price_history: [row(1, 3)] },
    ]);
    expect(() => parseLlmPrices([conflict])).toThrow("llm-prices: model openai/m is listed twice with different prices (in data/openai.json)");
  });

  it("skips histories it cannot place in time and companions whose periods do not line up", () => {
    const { observations, skipped } = parseLlmPrices([
      vendorFile([
        { id: "ok", name: "OK ≤200k", price_history: [row(1, 2, null, "2026-01-01"), row(0.5, 1, "2026-01-01")] },
        { id: "ok-200k", name: "OK >200k", price_history: [row(2, 4)] },
        { id: "overlap", price_history: [row(1, 2, null, "2026-02-01"), row(3, 4, "2026-01-01")] },
        { id: "backwards", price_history: [row(1, 2, "2026-02-01", "2026-01-01")] },
      ]),
    ]);
    expect(skipped).toEqual([
      { name: "openai/overlap", reason: "overlapping price periods in price_history" },
      { name: "openai/backwards", reason: "price period 2026-02-01 to 2026-01-01 ends before it starts" },
      { name: "openai/ok-200k", reason: "long-context price of ok whose price periods cannot be matched to it" },
    ]);
    expect(observations.map((o) => [o.model, o.input, o.tiers])).toEqual([
      ["ok", "1", []],
      ["ok", "0.5", []],
    ]);
  });

  it("keeps a -Nk model whose name does not say it is the >Nk price of another", () => {
    const { observations } = parseLlmPrices([
      vendorFile(
        [
          { id: "moonshot-v1", name: "Moonshot v1", price_history: [row(1, 2)] },
          { id: "moonshot-v1-128k", name: "Moonshot v1 128K", price_history: [row(8, 8)] },
        ],
        "moonshot-ai",
      ),
    ]);
    expect(observations.map((o) => [o.provider, o.model, o.tiers.length])).toEqual([
      ["moonshot", "moonshot-v1", 0],
      ["moonshot", "moonshot-v1-128k", 0],
    ]);
  });
});

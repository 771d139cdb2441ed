import { describe, expect, it } from "vitest";
import { priceObservationSchema, type PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError, type ParseResult, type PayloadDocument } from "../source.ts";
import { litellmSource } from "./index.ts";
import { parseLitellmCostMap } from "./parse.ts";

const context = { observedAt: new Date("2026-07-25T00:00:00Z") };
const FOLDER = ["prices", "litellm"] as const;

const parsedSnapshots = new Map<string, ParseResult<PriceObservation>>();
function parseSnapshot(file: string): ParseResult<PriceObservation> {
  const cached = parsedSnapshots.get(file);
  if (cached) return cached;
  const result = parseLitellmCostMap([snapshotDocument(...FOLDER, file)], context);
  parsedSnapshots.set(file, result);
  return result;
}

function parseInline(payload: unknown): ParseResult<PriceObservation> {
  return parseLitellmCostMap([{ name: "inline.json", body: JSON.stringify(payload) }], context);
}

function find(result: ParseResult<PriceObservation>, model: string, variant = "standard"): PriceObservation {
  const found = result.observations.find((o) => o.model === model && o.variant === variant);
  if (!found) throw new Error(`no ${variant} observation for ${model}`);
  return found;
}

describe("litellm snapshots", () => {
  // [file, observations, skipped]: every top-level key is either priced or skipped with a reason.
  const counts: Array<[string, number, number]> = [
    ["model_prices_2023-11-14_e1a567a353.json", 108, 5],
    ["model_prices_2024-02-16_124efabda3.json", 182, 83],
    ["model_prices_2024-05-17_4952e244d9.json", 293, 97],
    ["model_prices_2024-08-21_b2e182a42c.json", 403, 118],
    ["model_prices_2024-11-08_6e4a9bb3b7.json", 515, 139],
    ["model_prices_2024-11-08_d0d29d70de.json", 528, 139],
    ["model_prices_2024-11-11_f59cb46e71.json", 528, 140],
    ["model_prices_2024-11-13_e7543378b8.json", 528, 140],
    ["model_prices_2024-11-27_2d2931a215.json", 550, 141],
    ["invalid/model_prices_2024-12-08_09ae395f91_fixed.json", 560, 143],
    ["model_prices_2025-02-07_778bbcdd9c.json", 632, 159],
    ["model_prices_2025-02-07_346d8a9132.json", 632, 159],
    ["model_prices_2025-02-28_1affd0f178.json", 656, 162],
    ["model_prices_2025-05-31_06484f6e5a.json", 852, 236],
    ["model_prices_2025-08-30_fa4c833e58.json", 1268, 315],
    ["model_prices_2025-11-21_be9f2e026c.json", 1482, 413],
    ["model_prices_2026-03-29_mirror-b93e3f31e1.json", 2103, 636],
    ["model_prices_2026-07-24.json", 2506, 707],
  ];

  it.each(counts)("%s: %i observations, %i skipped, all valid", (file, observationCount, skippedCount) => {
    const result = parseSnapshot(file);
    expect(result.observations).toHaveLength(observationCount);
    expect(result.skipped).toHaveLength(skippedCount);
    for (const observation of result.observations) expect(priceObservationSchema.parse(observation)).toEqual(observation);
    const offerings = new Set(result.observations.map((o) => `${o.provider}|${o.model}|${o.variant}|${o.region}`));
    expect(offerings.size).toBe(observationCount);
  });

  it("prices gpt-4o at 5/15 before the 2024-11-13 fix and 2.5/10 after it", () => {
    const before = find(parseSnapshot("model_prices_2024-11-11_f59cb46e71.json"), "gpt-4o");
    expect(before).toMatchObject({ provider: "openai", input: "5", output: "15", cacheRead: "1.25", region: "" });
    expect(before.hints).toMatchObject({ contextWindow: 128000, maxOutputTokens: 4096 });
    const after = find(parseSnapshot("model_prices_2024-11-13_e7543378b8.json"), "gpt-4o");
    expect(after).toMatchObject({ input: "2.5", output: "10", cacheRead: "1.25" });
  });

  it("follows the deepseek/deepseek-chat price change of 2025-02-07, cache hits included", () => {
    const before = find(parseSnapshot("model_prices_2025-02-07_778bbcdd9c.json"), "deepseek/deepseek-chat");
    expect(before).toMatchObject({ provider: "deepseek", input: "0.14", output: "0.28", cacheRead: "0.014", cacheWrite: "0" });
    const after = find(parseSnapshot("model_prices_2025-02-07_346d8a9132.json"), "deepseek/deepseek-chat");
    expect(after).toMatchObject({ input: "0.27", output: "1.1", cacheRead: "0.07", cacheWrite: "0" });
  });

  it("reads gemini-1.5-pro on Vertex with its above-128k tier, and ignores per-character prices", () => {
    const before = find(parseSnapshot("model_prices_2024-11-08_6e4a9bb3b7.json"), "gemini-1.5-pro");
    expect(before).toMatchObject({ provider: "vertex", input: "0.078125", output: "0.3125" });
    expect(before.tiers).toEqual([{ minInputTokens: 128000, input: "0.15625", output: "0.625", cacheRead: null, cacheWrite: null }]);
    const after = find(parseSnapshot("model_prices_2024-11-08_d0d29d70de.json"), "gemini-1.5-pro");
    expect(after).toMatchObject({ provider: "vertex", input: "1.25", output: "5" });
    expect(after.tiers).toEqual([{ minInputTokens: 128000, input: "2.5", output: "10", cacheRead: null, cacheWrite: null }]);
    expect(after.hints).toMatchObject({ contextWindow: 2097152, maxOutputTokens: 8192 });
  });

  it("converts without float noise: 2e-07 is 0.2, 3.2e-06 is 3.2, Databricks' computed floats are rounded", () => {
    const latest = parseSnapshot("model_prices_2026-07-24.json");
    expect(find(latest, "ai21.jamba-1-5-mini-v1:0")).toMatchObject({ input: "0.2", output: "0.4", provider: "bedrock" });
    expect(find(latest, "amazon.nova-pro-v1:0")).toMatchObject({ input: "0.8", output: "3.2", provider: "bedrock" });
    // The file says 2.9999900000000002e-06 and 1.5000020000000002e-05.
    expect(find(latest, "databricks/databricks-claude-3-7-sonnet")).toMatchObject({ input: "2.99999", output: "15.00002" });
    for (const { input, output } of latest.observations) {
      for (const amount of [input, output]) {
        const significant = (amount ?? "").replace(".", "").replace(/^0+/, "");
        expect(significant.length, amount ?? "null").toBeLessThanOrEqual(12);
      }
    }
  });

  it("splits service classes into batch, priority and flex observations", () => {
    const latest = parseSnapshot("model_prices_2026-07-24.json");
    expect(find(latest, "gpt-4o", "batch")).toMatchObject({ input: "1.25", output: "5", cacheRead: null });
    expect(find(latest, "gpt-4o", "priority")).toMatchObject({ input: "4.25", output: "17", cacheRead: "2.125" });
    expect(find(latest, "gpt-5.6", "flex")).toMatchObject({ input: "2.5", output: "15", cacheRead: "0.25", cacheWrite: "3.125" });
    expect(find(latest, "gpt-5.6").tiers).toEqual([{ minInputTokens: 272000, input: "10", output: "45", cacheRead: "1", cacheWrite: "12.5" }]);
    const priority = find(latest, "gemini-3-pro-preview", "priority");
    expect(priority).toMatchObject({ provider: "vertex", input: "3.6", output: "21.6", cacheRead: "0.36" });
    expect(priority.tiers).toEqual([{ minInputTokens: 200000, input: "7.2", output: "32.4", cacheRead: "0.72", cacheWrite: null }]);
    // gpt-5-nano states a priority input price and no priority output price.
    expect(latest.skipped).toContainEqual({ name: "gpt-5-nano [priority]", reason: "priority price incomplete: no output price" });
  });

  it("reads Anthropic cache writes: 5-minute, 1-hour, and the 200k tier", () => {
    const sonnet = find(parseSnapshot("model_prices_2026-07-24.json"), "claude-sonnet-4-5");
    expect(sonnet).toMatchObject({ provider: "anthropic", input: "3", output: "15", cacheRead: "0.3", cacheWrite: "3.75", cacheWrite1h: "6" });
    expect(sonnet.tiers).toEqual([{ minInputTokens: 200000, input: "6", output: "22.5", cacheRead: "0.6", cacheWrite: "7.5" }]);
  });

  it("turns tiered_pricing ranges into tiers starting at each range's lower bound", () => {
    const coder = find(parseSnapshot("model_prices_2026-07-24.json"), "dashscope/qwen3-coder-plus");
    expect(coder).toMatchObject({ provider: "alibaba", input: "1", output: "5", cacheRead: "0.1" });
    expect(coder.tiers).toEqual([
      { minInputTokens: 32000, input: "1.8", output: "9", cacheRead: "0.18", cacheWrite: null },
      { minInputTokens: 128000, input: "3", output: "15", cacheRead: "0.3", cacheWrite: null },
      { minInputTokens: 256000, input: "6", output: "60", cacheRead: "0.6", cacheWrite: null },
    ]);
  });

  it("maps sellers and regions", () => {
    const latest = parseSnapshot("model_prices_2026-07-24.json");
    expect(find(latest, "bedrock/ap-northeast-1/anthropic.claude-instant-v1")).toMatchObject({ provider: "bedrock", region: "ap-northeast-1", input: "2.23", output: "7.55" });
    expect(find(latest, "us.anthropic.claude-sonnet-4-5-20250929-v1:0")).toMatchObject({ provider: "bedrock", region: "us", input: "3.3", cacheWrite1h: "6.6" });
    expect(find(latest, "azure/eu/gpt-4o-2024-08-06")).toMatchObject({ provider: "azure", region: "eu", input: "2.75", output: "11" });
    expect(find(latest, "deepseek-chat")).toMatchObject({ provider: "deepseek", region: "", input: "0.28", output: "0.42" });
  });

  it("skips documentation keys, non-text modes, commitments, size buckets and unpriced entries with reasons", () => {
    const latest = parseSnapshot("model_prices_2026-07-24.json");
    const reasonOf = (name: string): string | undefined => latest.skipped.find((s) => s.name === name)?.reason;
    expect(reasonOf("sample_spec")).toBe("documentation key, not a model");
    expect(reasonOf("fallback_generalizations")).toBe("documentation key, not a model");
    expect(reasonOf("last_updated")).toBe("documentation key, not a model");
    expect(reasonOf("text-embedding-3-small")).toBe('mode "embedding" is not a text-token price');
    expect(reasonOf("bedrock/us-east-1/1-month-commitment/anthropic.claude-v1")).toBe("provisioned-throughput commitment priced per second, not per token");
    expect(reasonOf("fireworks-ai-up-to-4b")).toBe("size-bucket fallback price for unlisted models, not a model");
    expect(reasonOf("medlm-large")).toBe("no per-token price; priced by input_cost_per_character, output_cost_per_character");
    expect(reasonOf("twelvelabs.pegasus-1-2-v1:0")).toBe("input priced by input_cost_per_video_per_second, not per text token");
    expect(reasonOf("featherless_ai/featherless-ai/Qwerky-72B")).toBe("no price stated");
  });

  it("prices the 2023 table, whose together-ai size buckets have neither mode nor provider", () => {
    const oldest = parseSnapshot("model_prices_2023-11-14_e1a567a353.json");
    expect(find(oldest, "gpt-4")).toMatchObject({ provider: "openai", input: "30", output: "60" });
    expect(oldest.skipped.map((s) => s.name)).toEqual([
      "together-ai-up-to-3b",
      "together-ai-3.1b-7b",
      "together-ai-7.1b-20b",
      "together-ai-20.1b-40b",
      "together-ai-40.1b-70b",
    ]);
  });

  it("rejects the trailing-comma commit as invalid JSON", () => {
    const broken = snapshotDocument(...FOLDER, "invalid", "model_prices_2024-12-08_13213b6174_trailing-comma.json.txt");
    expect(() => parseLitellmCostMap([broken], context)).toThrow(PayloadError);
    expect(() => parseLitellmCostMap([broken], context)).toThrow(/invalid JSON/);
  });
});

describe("litellm edge cases", () => {
  const chat = { litellm_provider: "openai", mode: "chat" };

  it("prices a listed model that has no mode like chat", () => {
    const result = parseInline({ "together_ai/mistralai/Mixtral-8x7B-Instruct-v0.1": { litellm_provider: "together_ai", input_cost_per_token: 6e-7, output_cost_per_token: 6e-7 } });
    expect(result.observations[0]).toMatchObject({ provider: "together", input: "0.6", output: "0.6" });
  });

  it("maps the vertex_ai-* family and text-completion-* sellers", () => {
    const result = parseInline({
      "claude-x@001": { litellm_provider: "vertex_ai-anthropic_models", mode: "chat", input_cost_per_token: 3e-6, output_cost_per_token: 1.5e-5 },
      "mercury-x": { litellm_provider: "text-completion-inception", mode: "completion", input_cost_per_token: 2.5e-7, output_cost_per_token: 1e-6 },
    });
    expect(result.observations.map((o) => o.provider)).toEqual(["vertex", "inception"]);
  });

  it("prefers cache_read_input_token_cost over the older input_cost_per_token_cache_hit", () => {
    const result = parseInline({
      a: { ...chat, input_cost_per_token_cache_hit: 1e-8, cache_read_input_token_cost: 2e-8, input_cost_per_token: 1e-7, output_cost_per_token: 2e-7 },
      b: { ...chat, input_cost_per_token: 1e-7, output_cost_per_token: 2e-7, input_cost_per_token_cache_hit: 1e-8 },
    });
    expect(result.observations.map((o) => o.cacheRead)).toEqual(["0.02", "0.01"]);
  });

  it("keeps 0 as free and passes negative placeholders on for the integrity gate to reject", () => {
    const result = parseInline({
      free: { ...chat, input_cost_per_token: 0, output_cost_per_token: 0.0 },
      placeholder: { ...chat, input_cost_per_token: -1, output_cost_per_token: -1 },
    });
    expect(result.observations).toMatchObject([
      { model: "free", input: "0", output: "0" },
      { model: "placeholder", input: "-1000000", output: "-1000000" },
    ]);
    expect(result.skipped).toEqual([]);
  });

  it("throws on an input price without an output price", () => {
    expect(() => parseInline({ broken: { ...chat, input_cost_per_token: 1e-6 } })).toThrow(/"broken" has an input price but no output price/);
  });

  it("throws on a price that is not a number", () => {
    expect(() => parseInline({ m: { ...chat, input_cost_per_token: "1e-6", output_cost_per_token: 2e-6 } })).toThrow(/"m".input_cost_per_token is "1e-6"/);
  });

  it("throws on tiered_pricing that does not start at 0 tokens", () => {
    const tiered_pricing = [{ range: [32000, 128000], input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 }];
    expect(() => parseInline({ q: { ...chat, tiered_pricing } })).toThrow(/no range starting at 0 tokens/);
  });

  it("throws on a payload that is not a cost map", () => {
    const html: PayloadDocument = { name: "challenge.html", body: "<!DOCTYPE html><title>Just a moment...</title>" };
    expect(() => parseLitellmCostMap([html], context)).toThrow(/invalid JSON/);
    expect(() => parseInline([{ gpt: 1 }])).toThrow(/expected a JSON object of model entries/);
    expect(() => parseInline({ "gpt-x": "not an entry" })).toThrow(/entry "gpt-x" is not a model entry/);
    expect(() => parseInline({ sample_spec: { mode: "one of: chat" } })).toThrow(/no token-priced text model found/);
    expect(() => parseLitellmCostMap([], context)).toThrow(/no payload document/);
  });

  it("declares the live URL and a replay path", () => {
    expect(litellmSource).toMatchObject({ id: "litellm", kind: "price", authority: "community", fullSnapshot: true, format: "json" });
    expect(litellmSource.urls).toEqual(["https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"]);
    expect(litellmSource.replayPaths).toEqual(["prices/litellm/model_prices_2026-07-24.json"]);
  });
});

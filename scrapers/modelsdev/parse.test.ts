import { describe, expect, it } from "vitest";
import { priceObservationSchema, type PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { modelsdevSource } from "./index.ts";
import { parseModelsDev } from "./parse.ts";

const FOLDER = "prices/modelsdev/api-json";
const MAR_06 = "models-dev_api_2026-03-06_from-symfony-models-dev-a7b5296c37.json";
const JUN_13 = "models-dev_api_2026-06-13_from-symfony-models-dev-046b81a4c7.json";

const parsed = new Map<string, ReturnType<typeof parseModelsDev>>();
function parseSnapshot(file: string): ReturnType<typeof parseModelsDev> {
  const cached = parsed.get(file);
  if (cached) return cached;
  const result = parseModelsDev([snapshotDocument(FOLDER, file)]);
  parsed.set(file, result);
  return result;
}

function find(file: string, provider: string, model: string, region = ""): PriceObservation {
  const observation = parseSnapshot(file).observations.find(
    (candidate) => candidate.provider === provider && candidate.model === model && candidate.region === region,
  );
  if (!observation) throw new Error(`${provider}/${model} (${region}) not parsed from ${file}`);
  return observation;
}

function skipReason(file: string, name: string): string | undefined {
  return parseSnapshot(file).skipped.find((entry) => entry.name === name)?.reason;
}

function inline(body: unknown): PayloadDocument[] {
  return [{ name: "inline.json", body: typeof body === "string" ? body : JSON.stringify(body) }];
}

const gpt4o = {
  id: "gpt-4o",
  name: "GPT-4o",
  family: "gpt",
  release_date: "2024-05-13",
  open_weights: false,
  limit: { context: 128000, output: 16384 },
  modalities: { input: ["text", "image"], output: ["text"] },
  cost: { input: 2.5, output: 10, cache_read: 1.25 },
};

function api(models: Record<string, unknown>, providerId = "openai"): Record<string, unknown> {
  return { [providerId]: { id: providerId, name: "Provider", env: [], npm: "x", doc: "x", models } };
}

describe("modelsdev source definition", () => {
  it("points at the live api.json and the replay folder", () => {
    expect(modelsdevSource.urls).toEqual(["https://models.dev/api.json"]);
    expect(modelsdevSource).toMatchObject({ id: "modelsdev", kind: "price", authority: "community", fullSnapshot: true, format: "json" });
    expect(modelsdevSource.replayPaths).toEqual(["prices/modelsdev/api-json"]);
  });
});

describe("parseModelsDev on the recorded api.json snapshots", () => {
  it.each([
    // models: 3,079 = 2,696 prices + 383 skipped; 5,258 = 4,561 + 697. Azure's
    // azure-cognitive-services listing is the same seller as azure at the same prices
    // (89 and 88 duplicates), as are stepfun-ai and google-vertex-anthropic duplicates.
    [MAR_06, 2696, 383, 179],
    [JUN_13, 4561, 697, 372],
  ])("%s gives %i prices and %i skipped (%i without cost), all valid and unique", (file, observationCount, skippedCount, noPrice) => {
    const { observations, skipped } = parseSnapshot(file);
    expect(observations).toHaveLength(observationCount);
    expect(skipped).toHaveLength(skippedCount);
    expect(skipped.filter((entry) => entry.reason === "no price")).toHaveLength(noPrice);
    for (const observation of observations) expect(() => priceObservationSchema.parse(observation)).not.toThrow();
    const offerings = new Set(observations.map((o) => `${o.provider}|${o.model}|${o.variant}|${o.region}`));
    expect(offerings.size).toBe(observations.length);
  });

  it("reads real prices exactly (USD per 1M)", () => {
    expect(find(JUN_13, "openai", "gpt-4o")).toMatchObject({ input: "2.5", output: "10", cacheRead: "1.25", cacheWrite: null, currency: "USD" });
    expect(find(JUN_13, "anthropic", "claude-sonnet-4-5")).toMatchObject({ input: "3", output: "15", cacheRead: "0.3", cacheWrite: "3.75" });
    expect(find(MAR_06, "deepseek", "deepseek-chat")).toMatchObject({ input: "0.28", output: "0.42", cacheRead: "0.028" });
    expect(find(JUN_13, "deepseek", "deepseek-chat")).toMatchObject({ input: "0.14", output: "0.28", cacheRead: "0.0028" });
    expect(find(JUN_13, "bedrock", "amazon.nova-lite-v1:0")).toMatchObject({ variant: "standard", input: "0.06", output: "0.24", cacheRead: "0.015" });
    expect(find(JUN_13, "alibaba", "qwen3-vl-plus", "cn")).toMatchObject({ input: "0.143353", output: "1.433525" });
  });

  it("maps context tiers, preferring tiers (with their size) to context_over_200k", () => {
    expect(find(JUN_13, "google", "gemini-2.5-pro").tiers).toEqual([
      { minInputTokens: 200000, input: "2.5", output: "15", cacheRead: "0.25", cacheWrite: null },
    ]);
    expect(find(JUN_13, "302ai", "gpt-5.4").tiers).toEqual([{ minInputTokens: 272000, input: "5", output: "22.5", cacheRead: null, cacheWrite: null }]);
    // 2026-03-06 predates `tiers`: context_over_200k is the only statement.
    expect(find(MAR_06, "anthropic", "claude-sonnet-4-5").tiers).toEqual([]);
    expect(parseSnapshot(MAR_06).observations.filter((o) => o.tiers.length > 0)).toHaveLength(57);
  });

  it("keeps international and China storefronts of one seller apart by region", () => {
    expect(find(JUN_13, "alibaba", "qwen-plus")).toMatchObject({ input: "0.4", output: "1.2" });
    expect(find(JUN_13, "alibaba", "qwen-plus", "cn")).toMatchObject({ input: "0.115", output: "0.287" });
    expect(find(JUN_13, "zai", "glm-4.6", "cn")).toMatchObject({ input: "0.6", output: "2.2" });
  });

  it("reports the same offering listed under two models.dev providers once", () => {
    expect(find(JUN_13, "vertex", "claude-opus-4-7@default")).toMatchObject({ input: "5", output: "25" });
    expect(skipReason(JUN_13, "google-vertex-anthropic/claude-opus-4-7@default")).toBe("same offering as google-vertex/claude-opus-4-7@default");
  });

  it("uses OpenRouter-style suffixes as variants and nothing else", () => {
    expect(find(JUN_13, "kilo", "baidu/cobuddy:free")).toMatchObject({ variant: "free", input: "0", output: "0" });
    expect(find(JUN_13, "kilo", "qwen/qwen-plus-2025-07-28:thinking")).toMatchObject({ variant: "thinking", input: "0.26", output: "0.78" });
    expect(find(JUN_13, "bedrock", "amazon.nova-lite-v1:0").variant).toBe("standard");
    const variants = new Set(parseSnapshot(MAR_06).observations.map((observation) => observation.variant));
    expect([...variants].sort()).toEqual(["exacto", "extended", "free", "standard", "thinking"]);
  });

  it("skips what is not a per-token text price, with the reason", () => {
    expect(skipReason(JUN_13, "anyapi/anthropic/claude-opus-4-7")).toBe("no price");
    expect(skipReason(JUN_13, "digitalocean/openai-gpt-image-1")).toBe("no text output (image)");
    expect(skipReason(JUN_13, "azure/text-embedding-3-large")).toBe("embedding model");
    expect(skipReason(JUN_13, "zai-coding-plan/glm-4.7")).toBe("subscription plan: per-token costs are not pay-as-you-go prices");
  });

  it("fills hints, leaving month-only dates and zero limits unknown", () => {
    expect(find(JUN_13, "openai", "gpt-4o").hints).toEqual({
      displayName: "GPT-4o",
      family: "gpt",
      releaseDate: "2024-05-13",
      openWeights: false,
      contextWindow: 128000,
      maxOutputTokens: 16384,
    });
    expect(find(JUN_13, "abacus", "kimi-k2.5").hints).toMatchObject({ releaseDate: null, openWeights: true });
    expect(find(JUN_13, "nvidia", "nvidia/active-speaker-detection").hints).toMatchObject({ contextWindow: null, maxOutputTokens: 4096 });
  });
});

describe("parseModelsDev edge cases", () => {
  it("keeps a stated 0 as free and passes a negative amount on for the integrity gate to reject", () => {
    const { observations, skipped } = parseModelsDev(
      inline(api({ free: { ...gpt4o, id: "free", cost: { input: 0, output: 0 } }, odd: { ...gpt4o, id: "odd", cost: { input: -1, output: -1 } } })),
    );
    expect(observations).toMatchObject([
      { model: "free", input: "0", output: "0", cacheRead: null },
      { model: "odd", input: "-1", output: "-1" },
    ]);
    expect(skipped).toEqual([]);
  });

  it("reads context_over_200k as a 200k tier when tiers is absent", () => {
    const cost = { input: 3, output: 15, context_over_200k: { input: 6, output: 22.5, cache_read: 0.6 } };
    const { observations } = parseModelsDev(inline(api({ "gpt-4o": { ...gpt4o, cost } })));
    expect(observations[0]?.tiers).toEqual([{ minInputTokens: 200000, input: "6", output: "22.5", cacheRead: "0.6", cacheWrite: null }]);
  });

  it("reports two models.dev providers that disagree on one offering", () => {
    const body = { ...api({ "glm-5": { ...gpt4o, id: "glm-5" } }, "z-ai"), ...api({ "glm-5": { ...gpt4o, id: "glm-5", cost: { input: 1, output: 3 } } }, "zai") };
    const { observations, skipped } = parseModelsDev(inline(body));
    expect(observations).toHaveLength(1);
    expect(skipped).toEqual([{ name: "zai/glm-5", reason: "conflicts with z-ai/glm-5, kept first" }]);
  });

  it.each([
    ["invalid JSON", "{", /invalid JSON/],
    ["an HTML page", "<!doctype html><html></html>", /invalid JSON/],
    ["an empty object", {}, /no providers listed/],
    ["a provider without models", { openai: { id: "openai", name: "OpenAI" } }, /unexpected layout: openai\.models/],
    ["an input price without an output price", api({ "gpt-4o": { ...gpt4o, cost: { input: 2.5 } } }), /openai\.models\.gpt-4o\.cost\.output/],
    ["a tier that is not a context tier", api({ "gpt-4o": { ...gpt4o, cost: { input: 1, output: 2, tiers: [{ input: 2, output: 4, tier: { type: "time", size: 1 } }] } } }), /tier\.type/],
  ])("throws a PayloadError on %s", (_label, body, message) => {
    expect(() => parseModelsDev(inline(body))).toThrow(PayloadError);
    expect(() => parseModelsDev(inline(body))).toThrow(message);
  });
});

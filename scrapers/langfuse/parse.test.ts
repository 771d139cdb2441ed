import { describe, expect, it } from "vitest";
import { priceObservationSchema, type PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError, type ParseResult } from "../source.ts";
import { langfuseSource } from "./index.ts";
import { parseLangfuseModelPrices } from "./parse.ts";

const context = { observedAt: new Date("2026-08-22T00:00:00Z") };
const SNAKE_CASE_FILE = "default-model-prices_2025-05-27_3646eaa5a8.json";
const CAMEL_CASE_FILE = "default-model-prices_2026-08-21_2b0e9d23a1.json";

const parsedSnapshots = new Map<string, ParseResult<PriceObservation>>();
function parseSnapshot(file: string): ParseResult<PriceObservation> {
  const cached = parsedSnapshots.get(file);
  if (cached) return cached;
  const result = parseLangfuseModelPrices([snapshotDocument("prices", "langfuse", file)], context);
  parsedSnapshots.set(file, result);
  return result;
}

function parseInline(payload: unknown): ParseResult<PriceObservation> {
  return parseLangfuseModelPrices([{ name: "inline.json", body: JSON.stringify(payload) }], context);
}

function find(result: ParseResult<PriceObservation>, model: string, variant = "standard"): PriceObservation {
  const found = result.observations.find((o) => o.model === model && o.variant === variant);
  if (!found) throw new Error(`no ${variant} observation for ${model}`);
  return found;
}

function tier(name: string, conditions: unknown[], prices: Record<string, number>, isDefault = false): unknown {
  return { id: name, name, isDefault, priority: 0, conditions, prices };
}

describe("langfuse snapshots", () => {
  // [file, models, observations, skipped]
  const counts: Array<[string, number, number, number]> = [
    [SNAKE_CASE_FILE, 114, 83, 31],
    [CAMEL_CASE_FILE, 167, 201, 27],
  ];

  it.each(counts)("%s: %i models give %i observations, %i skipped, all valid", (file, models, observationCount, skippedCount) => {
    const result = parseSnapshot(file);
    expect(result.observations).toHaveLength(observationCount);
    expect(result.skipped).toHaveLength(skippedCount);
    expect(new Set([...result.observations.map((o) => o.model), ...result.skipped.map((s) => s.name)]).size).toBe(models);
    for (const observation of result.observations) expect(priceObservationSchema.parse(observation)).toEqual(observation);
  });

  it("reads the snake_case layout of 2025-05-27", () => {
    const old = parseSnapshot(SNAKE_CASE_FILE);
    expect(find(old, "gpt-4o")).toMatchObject({ provider: "openai", input: "2.5", output: "10", cacheRead: "1.25", cacheWrite: null });
    expect(find(old, "claude-3-5-sonnet-20240620")).toMatchObject({ provider: "anthropic", input: "3", output: "15" });
    expect(find(old, "gemini-2.0-flash")).toMatchObject({ provider: "google", input: "0.1", output: "0.4" });
    // The model name is kept as written, stray space included.
    expect(find(old, " gpt-4-preview")).toMatchObject({ provider: "openai", input: "10", output: "30" });
    expect(old.observations.every((o) => o.variant === "standard" && o.tiers.length === 0)).toBe(true);
  });

  it("reads pricingTiers: service tiers become variants, input-size conditions become context tiers", () => {
    const latest = parseSnapshot(CAMEL_CASE_FILE);
    expect(find(latest, "gpt-4o", "priority")).toMatchObject({ input: "4.25", output: "17", cacheRead: "2.125" });
    const gpt54 = find(latest, "gpt-5.4");
    expect(gpt54).toMatchObject({ input: "2.5", output: "15", cacheRead: "0.25" });
    expect(gpt54.tiers).toEqual([{ minInputTokens: 272000, input: "5", output: "22.5", cacheRead: "0.5", cacheWrite: null }]);
    const flex = find(latest, "gpt-5.4", "flex");
    expect(flex).toMatchObject({ input: "1.25", output: "7.5", cacheRead: "0.13" });
    expect(flex.tiers).toEqual([{ minInputTokens: 272000, input: "2.5", output: "11.25", cacheRead: "0.25", cacheWrite: null }]);
    expect(find(latest, "gemini-2.5-pro").tiers).toEqual([{ minInputTokens: 200000, input: "2.5", output: "15", cacheRead: "0.25", cacheWrite: null }]);
  });

  it("reads Anthropic cache writes and Claude's fast mode", () => {
    const latest = parseSnapshot(CAMEL_CASE_FILE);
    expect(find(latest, "claude-sonnet-4-5-20250929")).toMatchObject({ provider: "anthropic", input: "3", output: "15", cacheRead: "0.3", cacheWrite: "3.75", cacheWrite1h: "6" });
    expect(find(latest, "claude-opus-4-8", "fast")).toMatchObject({ input: "10", output: "50", cacheWrite: "12.5", cacheWrite1h: "20" });
  });

  it("skips total-only, audio and PaLM models with reasons", () => {
    const latest = parseSnapshot(CAMEL_CASE_FILE);
    const reasonOf = (name: string): string | undefined => latest.skipped.find((s) => s.name === name)?.reason;
    expect(reasonOf("text-embedding-3-small")).toBe("no input/output token price; priced by total");
    expect(reasonOf("gemini-live-2.5-flash-native-audio")).toBe("no input/output token price; priced by input_text, input_audio, input_image, output_text, output_audio");
    expect(reasonOf("chat-bison")).toBe("PaLM 2 model sold both by Vertex AI (per character) and the PaLM API: the seller of this price is ambiguous");
    expect(parseSnapshot(SNAKE_CASE_FILE).skipped).toContainEqual({ name: "gemini-1.5-pro", reason: "no price stated" });
  });
});

describe("langfuse edge cases", () => {
  const standard = (prices: Record<string, number>) => tier("Standard", [], prices, true);

  it("skips a model whose seller cannot be inferred from its name", () => {
    const result = parseInline([
      { modelName: "gpt-x", pricingTiers: [standard({ input: 1e-6, output: 2e-6 })] },
      { modelName: "mistral-large", pricingTiers: [standard({ input: 2e-6, output: 6e-6 })] },
    ]);
    expect(result.observations.map((o) => o.provider)).toEqual(["openai"]);
    expect(result.skipped).toEqual([{ name: "mistral-large", reason: "seller not inferable from the model name" }]);
  });

  it("skips a tier whose condition is not a service tier or an input-size threshold", () => {
    const result = parseInline([
      {
        modelName: "gpt-x",
        pricingTiers: [
          standard({ input: 1e-6, output: 2e-6 }),
          tier("Region", [{ source: "model_parameters", key: "region", operator: "in", values: ["eu"] }], { input: 1.1e-6, output: 2.2e-6 }),
          tier("Long output", [{ usageDetailPattern: "(output)", operator: "gt", value: 100000 }], { input: 1e-6, output: 3e-6 }),
        ],
      },
    ]);
    expect(result.observations).toHaveLength(1);
    expect(result.skipped.map((s) => s.name)).toEqual(["gpt-x [Region]", "gpt-x [Long output]"]);
  });

  it("throws when synonyms of one price disagree", () => {
    expect(() => parseInline([{ model_name: "gpt-x", prices: { input: 1e-6, input_tokens: 2e-6, output: 3e-6 } }])).toThrow(/synonyms disagree, input = 0.000001 but input_tokens = 0.000002/);
  });

  it("throws on an input price without an output price", () => {
    expect(() => parseInline([{ model_name: "gpt-x", prices: { input: 1e-6 } }])).toThrow(/"gpt-x" has an input price but no output price/);
  });

  it("throws on payloads that are not Langfuse model prices", () => {
    expect(() => parseLangfuseModelPrices([{ name: "x.json", body: "<!doctype html>" }], context)).toThrow(/invalid JSON/);
    expect(() => parseInline({ models: [] })).toThrow(/expected a JSON array of model definitions/);
    expect(() => parseInline([{ name: "gpt-x", cost: 1 }])).toThrow(/model definition #0 is not in a known layout/);
    expect(() => parseInline([{ model_name: "gpt-x", prices: { input: "1e-6" } }])).toThrow(PayloadError);
    expect(() => parseInline([{ model_name: "gpt-x", prices: { input: 1e-6, output: 2e-6 } }, { model_name: "gpt-x", prices: {} }])).toThrow(/"gpt-x" is defined twice/);
    expect(() => parseInline([])).toThrow(/no token-priced text model found/);
  });

  it("declares the live URL and a replay path", () => {
    expect(langfuseSource).toMatchObject({ id: "langfuse", kind: "price", authority: "community", format: "json" });
    expect(langfuseSource.urls).toEqual(["https://raw.githubusercontent.com/langfuse/langfuse/main/worker/src/constants/default-model-prices.json"]);
    expect(langfuseSource.replayPaths).toEqual(["prices/langfuse/default-model-prices_2026-08-21_2b0e9d23a1.json"]);
  });
});

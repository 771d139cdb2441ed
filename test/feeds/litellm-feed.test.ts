import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildCompleteLitellmMap } from "../../src/api/feeds/litellm-complete.ts";
import { buildLitellmFeed, type FeedPrice } from "../../src/api/feeds/litellm-feed.ts";
import { litellmManifest } from "../../src/api/feeds/litellm-manifest.ts";
import { litellmNames, offeringKey } from "../../src/api/feeds/litellm-names.ts";
import { modelsDevCapabilities } from "../../src/api/feeds/models-dev-capabilities.ts";

function price(fields: Partial<FeedPrice> & Pick<FeedPrice, "provider" | "model">): FeedPrice {
  return {
    variant: "standard", region: "", currency: "USD", input: "3", output: "15", cacheRead: null, cacheWrite: null, cacheWrite1h: null,
    tiers: [], contextWindow: null, maxOutputTokens: null, nativeId: null, ...fields,
  };
}

const SONNET = "anthropic/claude-sonnet-4.5-20250929";
const litellmMap = {
  sample_spec: { litellm_provider: "one of https://docs.litellm.ai/docs/providers", mode: "one of: chat, embedding" },
  "claude-sonnet-4-5": { litellm_provider: "anthropic", mode: "chat", max_input_tokens: 200000, max_output_tokens: 64000, supports_vision: true, supports_function_calling: true, input_cost_per_token: 0.000002, output_cost_per_token: 0.00001, source: "https://example.test", metadata: { notes: "x" } },
  "claude-sonnet-4-5-20250929": { litellm_provider: "anthropic", mode: "chat", supports_vision: true, input_cost_per_token: 0.000002, output_cost_per_token: 0.00001 },
  "dall-e-3": { litellm_provider: "openai", mode: "image_generation", output_cost_per_image: 0.04 },
  last_updated: "2026-07-24",
};
const keyModels = new Map([["claude-sonnet-4-5", SONNET], ["claude-sonnet-4-5-20250929", SONNET]]);

describe("buildLitellmFeed", () => {
  const names = litellmNames(litellmMap, keyModels);
  const prices = [
    price({ provider: "anthropic", model: SONNET, nativeId: "claude-sonnet-4-5-20250929", cacheRead: "0.3", tiers: [{ minInputTokens: 200_000, input: "6", output: "22.5", cacheRead: null, cacheWrite: null }, { minInputTokens: 1_000_000, input: "9", output: "30", cacheRead: null, cacheWrite: null }] }),
    price({ provider: "anthropic", model: SONNET, variant: "batch", input: "1.5", output: "7.5" }),
    price({ provider: "groq", model: "meta/llama-3.3-70b-instruct", nativeId: "llama-3.3-70b-versatile", input: "0.59", output: "0.79", contextWindow: 131072, maxOutputTokens: 32768 }),
    price({ provider: "bedrock", model: SONNET, region: "eu", nativeId: "anthropic.claude-sonnet-4-5-20250929-v1:0" }),
    price({ provider: "github-models", model: "openai/gpt-4o", nativeId: "gpt-4o" }),
    price({ provider: "deepseek", model: "deepseek/deepseek-r1", nativeId: "deepseek-reasoner", currency: "CNY" }),
  ];
  const feed = buildLitellmFeed({ prices, names });

  it("answers under every key LiteLLM has for an offering, with LiteLLM's flags and our prices", () => {
    for (const key of ["claude-sonnet-4-5", "claude-sonnet-4-5-20250929"]) {
      expect(feed[key]).toMatchObject({ litellm_provider: "anthropic", mode: "chat", supports_vision: true, input_cost_per_token: 0.000003, output_cost_per_token: 0.000015, cache_read_input_token_cost: 3e-7 });
    }
    expect(feed["claude-sonnet-4-5"]).toMatchObject({ max_input_tokens: 200000, max_output_tokens: 64000, supports_function_calling: true });
  });

  it("writes service tiers and context tiers only in fields LiteLLM's schema has", () => {
    expect(feed["claude-sonnet-4-5"]).toMatchObject({ input_cost_per_token_batches: 0.0000015, output_cost_per_token_batches: 0.0000075, input_cost_per_token_above_200k_tokens: 0.000006 });
    expect(Object.keys(feed["claude-sonnet-4-5"]!).filter((field) => field.includes("1000k"))).toEqual([]);
    expect(feed["claude-sonnet-4-5"]).not.toHaveProperty("source");
    expect(feed["claude-sonnet-4-5"]).not.toHaveProperty("metadata");
  });

  it("keys other offerings by their native id in LiteLLM's spelling, with the model's limits and no invented mode", () => {
    expect(feed["groq/llama-3.3-70b-versatile"]).toEqual({
      litellm_provider: "groq", max_input_tokens: 131072, max_output_tokens: 32768, max_tokens: 32768, input_cost_per_token: 5.9e-7, output_cost_per_token: 7.9e-7,
    });
    expect(feed["eu.anthropic.claude-sonnet-4-5-20250929-v1:0"]).toMatchObject({ litellm_provider: "bedrock", input_cost_per_token: 0.000003 });
  });

  it("leaves out sellers LiteLLM has no provider for and prices not in USD", () => {
    expect(Object.keys(feed).sort()).toEqual(["claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "groq/llama-3.3-70b-versatile"]);
  });

  it("the drop-in map keeps every LiteLLM entry and field, lays our prices over its prices and adds our other offerings", () => {
    const complete = buildCompleteLitellmMap(litellmMap, feed);
    expect(Object.keys(complete)).toEqual(["sample_spec", "claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "dall-e-3", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0", "groq/llama-3.3-70b-versatile"]);
    expect(complete["dall-e-3"]).toEqual(litellmMap["dall-e-3"]);
    expect(complete["claude-sonnet-4-5"]).toMatchObject({ source: "https://example.test", metadata: { notes: "x" }, supports_vision: true, input_cost_per_token: 0.000003, input_cost_per_token_batches: 0.0000015 });
  });

  it("the manifest counts the keys and hashes the exact bytes", () => {
    const body = JSON.stringify(buildCompleteLitellmMap(litellmMap, feed));
    const manifest = litellmManifest(body, { generatedAt: new Date("2026-08-01T00:00:00Z"), dataVersion: "v1", litellmMap: { observedAt: new Date("2026-07-24T00:00:00Z"), sha256: "ab" } });
    expect(manifest).toEqual({
      count: 6, sha256: createHash("sha256").update(body).digest("hex"), generatedAt: "2026-08-01T00:00:00.000Z", dataVersion: "v1",
      litellmMap: { observedAt: "2026-07-24T00:00:00.000Z", sha256: "ab" },
    });
  });

  it("takes supports_* flags from models.dev where LiteLLM does not describe the offering, and LiteLLM's where it does", () => {
    const apiJson = {
      groq: { models: { "llama-3.3-70b-versatile": { tool_call: true, reasoning: false, modalities: { input: ["text"], output: ["text"] } } } },
      anthropic: { models: { "claude-sonnet-4-5-20250929": { tool_call: false, modalities: { input: ["text", "image", "pdf"], output: ["text"] } } } },
    };
    const capabilities = modelsDevCapabilities(apiJson, new Map([["llama-3.3-70b-versatile", "meta/llama-3.3-70b-instruct"], ["claude-sonnet-4-5-20250929", SONNET]]));
    expect(capabilities.get(offeringKey({ provider: "groq", model: "meta/llama-3.3-70b-instruct", variant: "standard", region: "" }))).toEqual({
      supports_function_calling: true, supports_reasoning: false, supports_vision: false, supports_pdf_input: false, supports_audio_input: false, supports_video_input: false, supports_audio_output: false,
    });
    const flagged = buildLitellmFeed({ prices, names, capabilities });
    expect(flagged["groq/llama-3.3-70b-versatile"]).toMatchObject({ supports_function_calling: true, supports_reasoning: false });
    // LiteLLM says Sonnet calls functions; models.dev's contrary flag does not override it, its PDF flag fills a gap.
    expect(flagged["claude-sonnet-4-5"]).toMatchObject({ supports_function_calling: true, supports_vision: true, supports_pdf_input: true });
  });
});

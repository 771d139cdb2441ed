import { describe, expect, it } from "vitest";
import { parseLitellmCostMap } from "../../scrapers/litellm/parse.ts";
import { litellmKeyFor, litellmProviderFor, type KeyedOffering } from "../../src/api/feeds/litellm-keys.ts";
import { LITELLM_PROVIDERS } from "../../src/api/feeds/litellm-providers.ts";
import { snapshotDocument } from "../helpers/snapshots.ts";

const offering = (provider: string, model: string, nativeId: string | null, region = ""): KeyedOffering => ({ provider, model, nativeId, region });

describe("litellmKeyFor: LiteLLM's spelling of a seller-native id", () => {
  it.each([
    ["openai", "openai/gpt-4o-20240806", "gpt-4o-2024-08-06", "", "gpt-4o-2024-08-06"],
    ["anthropic", "anthropic/claude-sonnet-4.5-20250929", "claude-sonnet-4-5-20250929", "", "claude-sonnet-4-5-20250929"],
    ["bedrock", "anthropic/claude-sonnet-4.5-20250929", "anthropic.claude-sonnet-4-5-20250929-v1:0", "", "anthropic.claude-sonnet-4-5-20250929-v1:0"],
    ["bedrock", "anthropic/claude-sonnet-4.5-20250929", "anthropic.claude-sonnet-4-5-20250929-v1:0", "us", "us.anthropic.claude-sonnet-4-5-20250929-v1:0"],
    ["bedrock", "meta/llama-3-70b-instruct", "meta.llama3-70b-instruct-v1:0", "eu-west-2", "bedrock/eu-west-2/meta.llama3-70b-instruct-v1:0"],
    ["vertex", "anthropic/claude-opus-4.1-20250805", "claude-opus-4-1@20250805", "", "vertex_ai/claude-opus-4-1@20250805"],
    ["vertex", "google/gemini-2.5-pro", "gemini-2.5-pro", "", "gemini-2.5-pro"],
    ["together", "meta/llama-3.3-70b-instruct", "meta-llama/Llama-3.3-70B-Instruct-Turbo", "", "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo"],
    ["fireworks", "qwen/qwen3-4b", "accounts/fireworks/models/qwen3-4b", "", "fireworks_ai/accounts/fireworks/models/qwen3-4b"],
    ["fireworks", "qwen/qwen3-4b", "qwen3-4b", "", "fireworks_ai/accounts/fireworks/models/qwen3-4b"],
    ["openrouter", "openai/gpt-4.1-nano", "openai/gpt-4.1-nano", "", "openrouter/openai/gpt-4.1-nano"],
    ["groq", "meta/llama-3.3-70b-instruct", "llama-3.3-70b-versatile", "", "groq/llama-3.3-70b-versatile"],
    ["deepinfra", "microsoft/phi-4", "microsoft/phi-4", "", "deepinfra/microsoft/phi-4"],
    ["azure", "openai/gpt-4o-mini", "gpt-4o-mini", "global-standard", "azure/global-standard/gpt-4o-mini"],
    ["azure", "openai/gpt-5.2", "gpt-5.2", "", "azure/gpt-5.2"],
    ["mistral", "mistral/mistral-large-2411", "mistral-large-2411", "", "mistral/mistral-large-2411"],
    ["google", "google/gemini-3.5-flash", "gemini-3.5-flash", "", "gemini/gemini-3.5-flash"],
    ["xai", "xai/grok-4-0709", "grok-4-0709", "", "xai/grok-4-0709"],
    ["deepseek", "deepseek/deepseek-v4-flash", "deepseek-v4-flash", "", "deepseek/deepseek-v4-flash"],
  ])("%s %s %s (region %j) -> %s", (provider, model, nativeId, region, key) => {
    expect(litellmKeyFor(offering(provider, model, nativeId, region))).toBe(key);
  });

  it("does not repeat a route prefix the native id already carries", () => {
    expect(litellmKeyFor(offering("groq", "meta/llama-3.1-8b", "groq/llama-3.1-8b-instant"))).toBe("groq/llama-3.1-8b-instant");
  });

  it("falls back to our model name where no source stated a native id", () => {
    expect(litellmKeyFor(offering("deepseek", "deepseek/deepseek-r1", null))).toBe("deepseek/deepseek-r1");
  });

  it("has no key for a region LiteLLM cannot spell, nor for a seller LiteLLM has no provider for", () => {
    expect(litellmKeyFor(offering("bedrock", "meta/llama-3-8b", "meta.llama3-8b-instruct-v1:0", "somewhere"))).toBeNull();
    expect(litellmKeyFor(offering("together", "meta/llama-3-8b", "meta-llama/Llama-3-8b", "us"))).toBeNull();
    expect(litellmKeyFor(offering("github-models", "openai/gpt-4o", "gpt-4o"))).toBeNull();
  });
});

describe("litellmProviderFor", () => {
  it("answers only values LiteLLM's map uses, split by model family on Vertex", () => {
    expect(litellmProviderFor("vertex", "anthropic/claude-opus-4.1")).toBe("vertex_ai-anthropic_models");
    expect(litellmProviderFor("vertex", "google/gemini-2.5-pro")).toBe("vertex_ai-language-models");
    expect(litellmProviderFor("vertex", "meta/llama-4-scout")).toBe("vertex_ai-llama_models");
    expect(litellmProviderFor("vertex", "someone/new-model")).toBe("vertex_ai");
    expect(litellmProviderFor("google", "google/gemini-2.5-pro")).toBe("gemini");
    expect(litellmProviderFor("together", "meta/llama-3-8b")).toBe("together_ai");
    for (const provider of ["openai", "anthropic", "bedrock", "together", "fireworks", "openrouter", "groq", "deepinfra", "azure", "mistral", "google", "xai", "deepseek", "cohere", "meta", "nvidia"]) {
      expect(LITELLM_PROVIDERS.has(litellmProviderFor(provider, "x/y")!), provider).toBe(true);
    }
  });

  it("keeps the known set equal to the values of LiteLLM's newest snapshot", () => {
    const map = JSON.parse(snapshotDocument("prices", "litellm", "model_prices_2026-07-24.json").body) as Record<string, { litellm_provider?: unknown }>;
    const values = new Set(Object.entries(map).filter(([key]) => key !== "sample_spec").map(([, entry]) => entry.litellm_provider).filter((value) => typeof value === "string"));
    expect([...LITELLM_PROVIDERS].sort()).toEqual([...values].sort());
  });
});

describe("native ids LiteLLM's parser reads back to LiteLLM's keys", () => {
  it("spells most of the newest snapshot's priced chat keys from their native ids alone", () => {
    const document = snapshotDocument("prices", "litellm", "model_prices_2026-07-24.json");
    const map = JSON.parse(document.body) as Record<string, { mode?: string }>;
    const observations = parseLitellmCostMap([document], { observedAt: new Date("2026-07-24") }).observations.filter(
      (observation) => observation.variant === "standard" && map[observation.model]?.mode === "chat",
    );
    // The creator part of the model id only matters on Vertex; the key's own organisation stands in for it.
    const rebuilt = observations.filter(
      (observation) => litellmKeyFor({ provider: observation.provider, model: `x/${observation.model}`, region: observation.region, nativeId: observation.nativeId ?? null }) === observation.model,
    );
    expect(observations.length).toBeGreaterThan(1800);
    // The rest are second spellings of one offering (bedrock_converse, azure_ai, dated and undated names); the feed adds LiteLLM's own keys for those.
    expect(rebuilt.length / observations.length).toBeGreaterThan(0.75);
  });
});

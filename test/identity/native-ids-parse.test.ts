/**
 * Seller-native ids as the parsers read them from real payloads: the exact id each
 * seller's API expects, with LiteLLM's routing prefixes removed.
 */
import { describe, expect, it } from "vitest";
import { parseLitellmCostMap } from "../../scrapers/litellm/parse.ts";
import { litellmNativeId } from "../../scrapers/litellm/native-id.ts";
import { parseModelsDev } from "../../scrapers/modelsdev/parse.ts";
import { parseOpenRouterModels } from "../../scrapers/openrouter/parse.ts";
import type { PriceObservation } from "../../src/domain/observation.ts";
import { isSellersOwnSource, oneClaimPerOffering } from "../../src/domain/identity/native-ids.ts";
import { snapshotDocument } from "../helpers/snapshots.ts";

const context = { observedAt: new Date("2026-07-25T00:00:00Z") };
const litellm = parseLitellmCostMap([snapshotDocument("prices", "litellm", "model_prices_2026-07-24.json")], context).observations;

function nativeIdOf(observations: readonly PriceObservation[], model: string, provider?: string): string | null | undefined {
  const found = observations.find((o) => o.model === model && o.variant === "standard" && (!provider || o.provider === provider));
  if (!found) throw new Error(`no observation for ${model}`);
  return found.nativeId;
}

describe("LiteLLM keys to seller-native ids", () => {
  it("keeps Anthropic's own dated id", () => {
    expect(nativeIdOf(litellm, "claude-sonnet-4-5-20250929", "anthropic")).toBe("claude-sonnet-4-5-20250929");
  });

  it("keeps Bedrock's model id and drops LiteLLM's route and region segments", () => {
    expect(nativeIdOf(litellm, "anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock")).toBe("anthropic.claude-sonnet-4-5-20250929-v1:0");
    expect(nativeIdOf(litellm, "bedrock/us-gov-east-1/anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock")).toBe(
      "anthropic.claude-sonnet-4-5-20250929-v1:0",
    );
    // A cross-region inference profile is its own id at Bedrock.
    expect(nativeIdOf(litellm, "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "bedrock")).toBe("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
  });

  it("keeps Together's Hugging Face style id", () => {
    expect(nativeIdOf(litellm, "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo", "together")).toBe("meta-llama/Llama-3.3-70B-Instruct-Turbo");
  });

  it("keeps Fireworks' account path", () => {
    expect(nativeIdOf(litellm, "fireworks_ai/accounts/fireworks/models/llama-v3p3-70b-instruct", "fireworks")).toBe(
      "accounts/fireworks/models/llama-v3p3-70b-instruct",
    );
  });

  it("keeps Vertex's @version and Azure's deployment name without the zone", () => {
    expect(nativeIdOf(litellm, "vertex_ai/claude-sonnet-4-5@20250929")).toBe("claude-sonnet-4-5@20250929");
    expect(litellmNativeId("azure/eu/gpt-4o-2024-08-06", "azure")).toBe("gpt-4o-2024-08-06");
    expect(litellmNativeId("openrouter/anthropic/claude-3-haiku", "openrouter")).toBe("anthropic/claude-3-haiku");
  });

  it("gives every priced LiteLLM entry a native id without LiteLLM's own route prefix", () => {
    expect(litellm.length).toBeGreaterThan(1000);
    for (const observation of litellm) {
      expect(observation.nativeId, observation.model).toBeTruthy();
      expect(observation.nativeId!.startsWith("together_ai/") || observation.nativeId!.startsWith("bedrock/")).toBe(false);
    }
  });
});

describe("other sources' native ids", () => {
  it("takes models.dev's per-provider model keys", () => {
    const modelsdev = parseModelsDev([snapshotDocument("prices", "modelsdev", "api-json", "models-dev_api_2026-06-13_from-symfony-models-dev-046b81a4c7.json")]);
    expect(nativeIdOf(modelsdev.observations, "claude-sonnet-4-5-20250929", "anthropic")).toBe("claude-sonnet-4-5-20250929");
  });

  it("takes OpenRouter's own ids, variant suffix included", () => {
    const openrouter = parseOpenRouterModels([snapshotDocument("prices", "openrouter", "models-data_2026-08-08_from-sui414-0427e0eca0.json")]);
    for (const observation of openrouter.observations) expect(observation.nativeId).toBe(observation.model);
    expect(openrouter.observations.some((o) => o.nativeId!.endsWith(":free"))).toBe(true);
  });
});

describe("choosing an offering's native id", () => {
  const claim = (nativeId: string) => ({ providerId: "anthropic", modelId: "anthropic/claude-sonnet-4.5-20250929", variant: "standard", region: "", nativeId });

  it("keeps the more specific of two ids a run states for one offering", () => {
    expect(oneClaimPerOffering([claim("claude-sonnet-4-5"), claim("claude-sonnet-4-5-20250929")]).map((c) => c.nativeId)).toEqual([
      "claude-sonnet-4-5-20250929",
    ]);
  });

  it("never gives an offering without a region the id of one geography's Bedrock profile", () => {
    const bedrock = (nativeId: string) => ({ providerId: "bedrock", modelId: "anthropic/claude-sonnet-4.5-20250929", variant: "standard", region: "", nativeId });
    const chosen = oneClaimPerOffering([bedrock("global.anthropic.claude-sonnet-4-5-20250929-v1:0"), bedrock("anthropic.claude-sonnet-4-5-20250929-v1:0")]);
    expect(chosen.map((c) => c.nativeId)).toEqual(["anthropic.claude-sonnet-4-5-20250929-v1:0"]);
  });

  it("lets the seller's own source speak for it, and no one else", () => {
    expect(isSellersOwnSource({ id: "anthropic-docs", authority: "first-party" }, "anthropic")).toBe(true);
    expect(isSellersOwnSource({ id: "openrouter", authority: "aggregator" }, "openrouter")).toBe(true);
    expect(isSellersOwnSource({ id: "litellm", authority: "community" }, "anthropic")).toBe(false);
  });
});

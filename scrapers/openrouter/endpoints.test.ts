import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { priceObservationSchema } from "../../src/domain/observation.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { endpointsUrl, parseEndpoints } from "./index.ts";

const FIXTURE_URL = new URL("./fixtures/endpoints-hand-written.json", import.meta.url);
const fixture: PayloadDocument = { name: "fixtures/endpoints-hand-written.json", body: readFileSync(FIXTURE_URL, "utf8") };

function endpointsDocument(modelId: string, endpoints: unknown[]): PayloadDocument[] {
  return [{ name: "inline.json", body: JSON.stringify({ data: { id: modelId, name: "Inline", created: 1733506137, endpoints } }) }];
}

function endpoint(tag: string | null, prompt: string, completion: string, providerName = "Google"): Record<string, unknown> {
  return { provider_name: providerName, tag, context_length: 1000, max_completion_tokens: null, pricing: { prompt, completion } };
}

describe("endpointsUrl", () => {
  it("builds the per-model endpoints URL from a model id", () => {
    expect(endpointsUrl("openai/gpt-4o")).toBe("https://openrouter.ai/api/v1/models/openai/gpt-4o/endpoints");
    expect(endpointsUrl("anthropic/claude-opus-5:batch")).toBe("https://openrouter.ai/api/v1/models/anthropic/claude-opus-5/endpoints");
    expect(endpointsUrl("meta-llama/llama-3.3-70b-instruct:free")).toBe(
      "https://openrouter.ai/api/v1/models/meta-llama/llama-3.3-70b-instruct/endpoints",
    );
  });

  it("rejects what is not an author/slug id", () => {
    expect(() => endpointsUrl("gpt-4o")).toThrow(/not an OpenRouter model id/);
    expect(() => endpointsUrl("openai/gpt-4o/../../keys")).toThrow(/not an OpenRouter model id/);
  });
});

describe("parseEndpoints on the hand-written fixture", () => {
  const { observations, skipped } = parseEndpoints([fixture]);

  it("gives one valid observation per endpoint, keyed by seller and variant", () => {
    expect(skipped).toEqual([]);
    expect(observations.map((observation) => [observation.provider, observation.variant])).toEqual([
      ["deepinfra", "fp8"],
      ["together", "standard"],
      ["vertex", "standard"],
      ["bedrock", "standard"],
      ["novita", "standard"],
      ["chutes", "free"],
    ]);
    for (const observation of observations) {
      expect(() => priceObservationSchema.parse(observation)).not.toThrow();
      expect(observation.model).toBe("meta-llama/llama-3.3-70b-instruct");
    }
  });

  it("converts per-token strings exactly", () => {
    expect(observations[0]).toMatchObject({ input: "0.23", output: "0.4", cacheRead: null });
    expect(observations[2]).toMatchObject({ input: "0.72", output: "0.72", cacheRead: "0.08333333333333334" });
    expect(observations[5]).toMatchObject({ input: "0", output: "0" });
  });

  it("keeps the quoted price of a discounted endpoint (already the promotional price)", () => {
    expect(observations[4]).toMatchObject({ provider: "novita", input: "0.065", output: "0.195" });
  });

  it("fills hints from the model and the endpoint", () => {
    expect(observations[0]?.hints).toEqual({
      displayName: "Llama 3.3 70B Instruct",
      creator: "meta",
      releaseDate: "2024-12-06",
      contextWindow: 131072,
      maxOutputTokens: 16384,
    });
    expect(observations[3]?.hints).toMatchObject({ contextWindow: 128000, maxOutputTokens: null });
  });
});

describe("parseEndpoints edge cases", () => {
  it("takes the seller from the tag, qualifiers after it as the variant", () => {
    const { observations } = parseEndpoints(
      endpointsDocument("google/gemini-3.7-flash", [
        endpoint("google-vertex/global/priority", "0.000001", "0.000004"),
        endpoint("google-ai-studio", "0.0000005", "0.000002", "Google AI Studio"),
      ]),
    );
    expect(observations.map((observation) => [observation.provider, observation.variant, observation.input])).toEqual([
      ["vertex", "global/priority", "1"],
      ["google", "standard", "0.5"],
    ]);
  });

  it("falls back to provider_name without a tag", () => {
    const { observations } = parseEndpoints(endpointsDocument("x/y", [endpoint(null, "0.000001", "0.000002", "Amazon Bedrock")]));
    expect(observations[0]?.provider).toBe("bedrock");
  });

  it("carries the id's variant suffix onto its endpoints", () => {
    const { observations } = parseEndpoints(endpointsDocument("anthropic/claude-opus-5:batch", [endpoint("anthropic", "0.0000025", "0.0000125", "Anthropic")]));
    expect(observations[0]).toMatchObject({ provider: "anthropic", model: "anthropic/claude-opus-5:batch", variant: "batch", input: "2.5" });
  });

  it("skips an endpoint priced -1", () => {
    const { observations, skipped } = parseEndpoints(
      endpointsDocument("openrouter/auto", [endpoint("openrouter", "-1", "-1", "OpenRouter"), endpoint("openai", "0.000001", "0.000002", "OpenAI")]),
    );
    expect(skipped).toEqual([{ name: "openrouter/auto @ openrouter", reason: "endpoint priced -1: not a price" }]);
    expect(observations).toHaveLength(1);
  });

  it.each([
    ["no endpoints", JSON.stringify({ data: { id: "x/y", name: "Y", created: 1, endpoints: [] } }), /no endpoints listed for x\/y/],
    ["a 404 error body", JSON.stringify({ error: { code: 404, message: "Model not found" } }), /unexpected layout: data/],
    ["an HTML page", "<html><body>Just a moment...</body></html>", /invalid JSON/],
    ["an endpoint without a completion price", JSON.stringify({ data: { id: "x/y", name: "Y", endpoints: [{ provider_name: "A", tag: "a", pricing: { prompt: "0.1" } }] } }), /completion/],
  ])("throws a PayloadError on %s", (_label, body, message) => {
    const documents = [{ name: "inline.json", body }];
    expect(() => parseEndpoints(documents)).toThrow(PayloadError);
    expect(() => parseEndpoints(documents)).toThrow(message);
  });
});

import { describe, expect, it } from "vitest";
import { priceObservationSchema, type PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { AA_PRICE_PROVIDER, parseArtificialAnalysisPrices } from "./parse-prices.ts";

const july09 = parseArtificialAnalysisPrices([
  snapshotDocument("benchmarks", "artificial-analysis", "aa_api_v2_data_llms_models.2026-07-09.f501415.json"),
]);
const july31 = parseArtificialAnalysisPrices([
  snapshotDocument("benchmarks", "artificial-analysis", "aa_api_v2_data_llms_models.2026-07-31.a1a2548.json"),
]);
const docsExample = parseArtificialAnalysisPrices([
  snapshotDocument("benchmarks", "artificial-analysis", "aa_docs_example_response.free-api-docs.json"),
]);

function priceOf(observations: readonly PriceObservation[], model: string): PriceObservation | undefined {
  return observations.find((observation) => observation.model === model);
}

describe("artificial-analysis prices from the snapshots", () => {
  it.each([
    // [file, priced models, models priced 0 (skipped), result]
    ["2026-07-09", 357, 194, july09],
    ["2026-07-31", 378, 211, july31],
    ["docs example", 1, 0, docsExample],
  ])("%s: %i prices, %i skipped", (_file, observations, skipped, result) => {
    expect(result.observations).toHaveLength(observations);
    expect(result.skipped).toHaveLength(skipped);
    for (const observation of result.observations) expect(priceObservationSchema.parse(observation)).toEqual(observation);
  });

  it("reads exact per-1M USD prices under AA's own provider id", () => {
    expect(priceOf(july31.observations, "gpt-oss-120b (high)")).toEqual({
      provider: AA_PRICE_PROVIDER,
      model: "gpt-oss-120b (high)",
      variant: "standard",
      region: "",
      currency: "USD",
      input: "0.15",
      output: "0.6",
      cacheRead: null,
      cacheWrite: null,
      cacheWrite1h: null,
      tiers: [],
      validFrom: null,
      validTo: null,
      hints: { displayName: "gpt-oss-120b (high)", creator: "OpenAI", releaseDate: "2025-08-05" },
    });
    expect(priceOf(july31.observations, "gpt-oss-120b (low)")).toMatchObject({ input: "0.15", output: "0.595" });
    expect(priceOf(july31.observations, "Claude Opus 4.8 (Adaptive Reasoning, Max Effort)")).toMatchObject({ input: "5", output: "25" });
    expect(priceOf(july31.observations, "o3-mini")).toMatchObject({ input: "1.1", output: "4.4" });
    expect(priceOf(docsExample.observations, "o3-mini")).toMatchObject({ input: "1.1", output: "4.4" });
  });

  it("treats a 0 price as unknown, never free: Claude 3.5 Haiku is priced on 07-09 and 0 on 07-31", () => {
    expect(priceOf(july09.observations, "Claude 3.5 Haiku")).toMatchObject({ input: "0.8", output: "4" });
    expect(priceOf(july31.observations, "Claude 3.5 Haiku")).toBeUndefined();
    expect(july31.skipped).toContainEqual({ name: "Claude 3.5 Haiku", reason: "no price at AA (0 means not available)" });
    expect(july31.skipped.map((entry) => entry.name)).toContain("GPT-4o (ChatGPT)");
    expect(july31.observations.some((observation) => observation.input === "0" || observation.output === "0")).toBe(false);
  });
});

describe("artificial-analysis price errors", () => {
  const response = (pricing: unknown): PayloadDocument => ({
    name: "fixture.json",
    body: JSON.stringify({ data: [{ id: "a", name: "m", evaluations: {}, pricing }] }),
  });

  it("skips a model with no pricing object", () => {
    expect(parseArtificialAnalysisPrices([response(null)]).skipped).toEqual([{ name: "m", reason: "no price at AA (0 means not available)" }]);
  });

  it.each([
    ["an input price with a 0 output price", { price_1m_input_tokens: 1, price_1m_output_tokens: 0 }, /has an input price but no output price/],
    ["an output price with no input price", { price_1m_output_tokens: 2 }, /has an output price but no input price/],
    ["a negative price", { price_1m_input_tokens: -1, price_1m_output_tokens: 2 }, /negative input price -1/],
    ["a price given as text", { price_1m_input_tokens: "1", price_1m_output_tokens: 2 }, /not an \/llms\/models response/],
  ])("%s throws PayloadError", (_case, pricing, message) => {
    expect(() => parseArtificialAnalysisPrices([response(pricing)])).toThrow(PayloadError);
    expect(() => parseArtificialAnalysisPrices([response(pricing)])).toThrow(message);
  });
});

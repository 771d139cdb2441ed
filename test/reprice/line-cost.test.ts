import { describe, expect, it } from "vitest";
import { lineCost, type PeriodPrice } from "../../src/domain/reprice/line-cost.ts";

// Gemini 1.5 Pro-like prices: a long-context tier above 128k prompt tokens.
const tiered: PeriodPrice = {
  input: "1.25",
  output: "5",
  cacheRead: "0.3125",
  cacheWrite: null,
  tiers: [{ minInputTokens: 128_000, input: "2.5", output: "10", cacheRead: "0.625", cacheWrite: null }],
};
const usage = (input: number, output: number, cached = 0, written = 0) => ({ input_tokens: input, output_tokens: output, cached_input_tokens: cached, cache_write_tokens: written });

describe("lineCost", () => {
  it("bills a prompt at or under the threshold at the base price, exactly", () => {
    expect(lineCost(tiered, usage(100_000, 1_000, 28_000))).toEqual({
      cost: { input: "0.125", cachedInput: "0.00875", cacheWrite: "0", output: "0.005", total: "0.13875", tier: null },
    });
  });

  it("bills the whole request at the tier once the prompt (cache reads included) exceeds it", () => {
    expect(lineCost(tiered, usage(100_000, 1_000, 28_001))).toEqual({
      cost: { input: "0.25", cachedInput: "0.017500625", cacheWrite: "0", output: "0.01", total: "0.277500625", tier: 128_000 },
    });
  });

  it("has no binary-float noise: 3 tokens at $0.1/M is 0.0000003", () => {
    const price: PeriodPrice = { input: "0.1", output: "0.2", cacheRead: null, cacheWrite: null, tiers: [] };
    expect(lineCost(price, usage(3, 0))).toMatchObject({ cost: { total: "0.0000003" } });
  });

  it("bills cache reads at the input price where no cache-read price is known", () => {
    const price: PeriodPrice = { input: "3", output: "15", cacheRead: null, cacheWrite: "3.75", tiers: [] };
    expect(lineCost(price, usage(0, 0, 1_000_000, 1_000_000))).toMatchObject({ cost: { cachedInput: "3", cacheWrite: "3.75", total: "6.75" } });
  });

  it("gives a reason, never $0, for a part without a price", () => {
    expect(lineCost(tiered, usage(1, 1, 0, 10))).toEqual({ reason: "no cache-write price" });
    expect(lineCost({ ...tiered, output: null }, usage(1, 1))).toEqual({ reason: "no output price" });
    expect(lineCost({ ...tiered, tiers: [{ minInputTokens: 10, input: null, output: null, cacheRead: null, cacheWrite: null }] }, usage(11, 1))).toEqual({ reason: "no input price above 10 prompt tokens" });
  });

  it("costs nothing for a part with no tokens even when its price is unknown", () => {
    expect(lineCost({ ...tiered, output: null }, usage(100_000, 0))).toMatchObject({ cost: { total: "0.125" } });
  });
});

import { describe, expect, it } from "vitest";
import { blendedPerMillion, callCost, pricesForPrompt, type TokenPrices } from "./call-cost.ts";

const sonnet: TokenPrices = {
  input: "3",
  output: "15",
  cacheRead: "0.3",
  tiers: [{ minInputTokens: 200_000, input: "6", output: "22.5", cacheRead: "0.6", cacheWrite: null }],
};

describe("call cost", () => {
  it("prices a call exactly from its token profile", () => {
    // 2000 in (half cached), 500 out: 1000*3 + 1000*0.3 + 500*15 = 10800 per 1M tokens
    expect(callCost(sonnet, { inputTokens: 2000, outputTokens: 500, cachedShare: 0.5 })).toBe("0.0108");
    expect(blendedPerMillion(sonnet, { inputTokens: 2000, outputTokens: 500, cachedShare: 0.5 })).toBe("4.32");
  });

  it("bills a long prompt at its tier", () => {
    expect(pricesForPrompt(sonnet, 250_000)).toEqual({ input: "6", output: "22.5", cacheRead: "0.6" });
    expect(callCost(sonnet, { inputTokens: 250_000, outputTokens: 1000, cachedShare: 0 })).toBe("1.5225");
  });

  it("uses the input price for cached tokens where no cache price is known, and is unknown without input or output", () => {
    expect(callCost({ input: "1", output: "2", cacheRead: null, tiers: [] }, { inputTokens: 1000, outputTokens: 0, cachedShare: 0.9 })).toBe("0.001");
    expect(callCost({ input: null, output: "2", cacheRead: null, tiers: [] }, { inputTokens: 1, outputTokens: 1, cachedShare: 0 })).toBeNull();
  });

  it("treats a free model as free", () => {
    expect(callCost({ input: "0", output: "0", cacheRead: null, tiers: [] }, { inputTokens: 1000, outputTokens: 1000, cachedShare: 0 })).toBe("0");
  });
});

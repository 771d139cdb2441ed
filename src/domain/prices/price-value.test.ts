import { describe, expect, it } from "vitest";
import { blendedChange, blendedPrice, changeDirection, samePrice, type PriceValue } from "./price-value.ts";

const price = (input: string | null, output: string | null, extra: Partial<PriceValue> = {}): PriceValue => ({
  currency: "USD",
  input,
  output,
  cacheRead: null,
  cacheWrite: null,
  cacheWrite1h: null,
  tiers: [],
  ...extra,
});

describe("price values", () => {
  it("compares exactly, with unknown distinct from zero", () => {
    expect(samePrice(price("2.50", "10"), price("2.5", "10.0"))).toBe(true);
    expect(samePrice(price(null, "10"), price("0", "10"))).toBe(false);
    expect(samePrice(price("1", "2"), price("1", "2", { currency: "CNY" }))).toBe(false);
    const tier = { minInputTokens: 200_000, input: "6", output: "22.5", cacheRead: null, cacheWrite: null };
    expect(samePrice(price("3", "15", { tiers: [tier] }), price("3", "15"))).toBe(false);
  });

  it("blends 3:1 and sizes the gpt-4o cut of 2024-11-13", () => {
    expect(blendedPrice(price("5", "15"))).toBe("7.5");
    expect(blendedChange(price("5", "15"), price("2.5", "10"))).toEqual({ oldBlended: "7.5", newBlended: "4.375", changeRatio: "-0.416667" });
    expect(blendedPrice(price(null, "15"))).toBeNull();
  });

  it("tells cuts, hikes and mixed moves apart", () => {
    expect(changeDirection(price("5", "15"), price("2.5", "10"))).toBe("cut");
    expect(changeDirection(price("0.14", "0.28"), price("0.27", "1.1"))).toBe("hike");
    expect(changeDirection(price("0.27", "1.1"), price("0.28", "0.42"))).toBe("mixed");
    expect(changeDirection(price("1", "2"), price("1", "2", { cacheRead: "0.1" }))).toBe("none");
  });
});

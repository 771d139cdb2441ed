import { describe, expect, it } from "vitest";
import type { SellerQuote } from "./seller-quotes.ts";
import { launchPrice, modelTier, tierOfLaunchPrice } from "./tier.ts";

const quote = (provider: string, providerKind: string, blended: string): SellerQuote => ({ provider, providerKind, region: "", source: "litellm", input: blended, output: blended, blended });

describe("tier classifier", () => {
  it("puts launch prices in bands: frontier from $2.50, small up to $0.50", () => {
    expect(tierOfLaunchPrice("7.5")).toBe("frontier"); // GPT-4o, May 2024
    expect(tierOfLaunchPrice("3.4375")).toBe("frontier"); // GPT-5
    expect(tierOfLaunchPrice("2.5")).toBe("frontier");
    expect(tierOfLaunchPrice("2.4999")).toBe("mid");
    expect(tierOfLaunchPrice("1.925")).toBe("mid"); // o3-mini
    expect(tierOfLaunchPrice("0.5000001")).toBe("mid");
    expect(tierOfLaunchPrice("0.5")).toBe("small"); // Claude 3 Haiku
    expect(tierOfLaunchPrice("0.2625")).toBe("small"); // GPT-4o mini
  });

  it("takes the lab's own price at launch when the lab sells the model, else the sellers' median", () => {
    expect(launchPrice([quote("openrouter", "aggregator", "0.9"), quote("openai", "lab", "7.5")])).toEqual({ price: "7.5", basis: "first-party" });
    expect(launchPrice([quote("a", "host", "0.2"), quote("b", "host", "0.9"), quote("c", "cloud", "1.23")])).toEqual({ price: "0.9", basis: "median of sellers" });
    expect(launchPrice([])).toBeNull();
  });

  it("prefers the catalogue's tier when it is set", () => {
    expect(modelTier("small", { price: "7.5", basis: "first-party" })).toEqual({ tier: "small", basis: "catalogue", launchPrice: "7.5" });
    expect(modelTier(null, { price: "7.5", basis: "first-party" })).toEqual({ tier: "frontier", basis: "first-party", launchPrice: "7.5" });
    expect(modelTier(null, null)).toBeNull();
  });
});

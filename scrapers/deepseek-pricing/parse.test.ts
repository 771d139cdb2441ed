import { describe, expect, it } from "vitest";
import type { PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError } from "../source.ts";
import { parseDeepseekPricing } from "./parse.ts";
import { tokenCount } from "./row-labels.ts";

const context = { observedAt: new Date("2026-05-08T00:00:00Z") };
const english = snapshotDocument("pages", "deepseek", "api-docs.deepseek.com_quick_start_pricing.en.2026-05-08.html");
const chinese = snapshotDocument("pages", "deepseek", "api-docs.deepseek.com_zh-cn_quick_start_pricing.zh-cn.2026-07-17.html");

function parseHtml(body: string): PriceObservation[] {
  return parseDeepseekPricing([{ name: "fixture.html", body }], context).observations;
}

function price(observations: readonly PriceObservation[], model: string, variant = "standard"): PriceObservation {
  const found = observations.find((observation) => observation.model === model && observation.variant === variant);
  if (!found) throw new Error(`no ${model} ${variant}`);
  return found;
}

describe("parseDeepseekPricing on the English page (2026-05-08, USD)", () => {
  const { observations, skipped } = parseDeepseekPricing([english], context);

  it("prices both models, nothing skipped", () => {
    expect(observations.map((observation) => observation.model)).toEqual(["deepseek-v4-flash", "deepseek-v4-pro"]);
    expect(skipped).toEqual([]);
  });

  it("reads cache hit as cacheRead and cache miss as input", () => {
    expect(price(observations, "deepseek-v4-flash")).toMatchObject({
      provider: "deepseek",
      currency: "USD",
      input: "0.14",
      output: "0.28",
      cacheRead: "0.0028",
      cacheWrite: null,
      tiers: [],
      hints: { displayName: "DeepSeek-V4-Flash", contextWindow: 1000000, maxOutputTokens: 384000 },
    });
  });

  it("takes the promotional price charged now, not the struck-through list price", () => {
    expect(price(observations, "deepseek-v4-pro")).toMatchObject({ currency: "USD", input: "0.435", output: "0.87", cacheRead: "0.003625", hints: { displayName: "DeepSeek-V4-Pro" } });
  });
});

describe("parseDeepseekPricing on the Chinese page (2026-07-17, CNY)", () => {
  const { observations } = parseDeepseekPricing([chinese], context);

  it("keeps CNY as CNY", () => {
    expect(observations).toHaveLength(2);
    expect(price(observations, "deepseek-v4-flash")).toMatchObject({ currency: "CNY", input: "1", output: "2", cacheRead: "0.02", hints: { displayName: "DeepSeek-V4-Flash", contextWindow: 1000000, maxOutputTokens: 384000 } });
    expect(price(observations, "deepseek-v4-pro")).toMatchObject({ currency: "CNY", input: "3", output: "6", cacheRead: "0.025" });
  });
});

describe("parseDeepseekPricing on both pages of one run", () => {
  it("returns each page's prices in its own currency", () => {
    const { observations } = parseDeepseekPricing([english, chinese], context);
    expect(observations.map((observation) => `${observation.model} ${observation.currency} ${observation.input}`)).toEqual([
      "deepseek-v4-flash USD 0.14",
      "deepseek-v4-pro USD 0.435",
      "deepseek-v4-flash CNY 1",
      "deepseek-v4-pro CNY 3",
    ]);
  });
});

describe("parseDeepseekPricing on other rowspan layouts", () => {
  it("reads the 2025 time-window layout into standard and off-peak variants, with shared cells", () => {
    const observations = parseHtml(`<table>
      <tr><td colspan="2">MODEL</td><td>deepseek-chat</td><td>deepseek-reasoner</td></tr>
      <tr><td colspan="2">MODEL VERSION</td><td>DeepSeek-V3</td><td>DeepSeek-R1</td></tr>
      <tr><td colspan="2">CONTEXT LENGTH</td><td colspan="2">64K</td></tr>
      <tr><td colspan="2">MAX OUTPUT</td><td>DEFAULT: 4K<br>MAXIMUM: 8K</td><td>DEFAULT: 32K<br>MAXIMUM: 64K</td></tr>
      <tr><td rowspan="3">STANDARD PRICE<br>(UTC 00:30-16:30)</td><td>1M INPUT TOKENS (CACHE HIT)</td><td>$0.07</td><td>$0.14</td></tr>
      <tr><td>1M INPUT TOKENS (CACHE MISS)</td><td>$0.27</td><td>$0.55</td></tr>
      <tr><td>1M OUTPUT TOKENS</td><td>$1.10</td><td>$2.19</td></tr>
      <tr><td rowspan="3">DISCOUNT PRICE<br>(UTC 16:30-00:30)</td><td>1M INPUT TOKENS (CACHE HIT)</td><td colspan="2">$0.035</td></tr>
      <tr><td>1M INPUT TOKENS (CACHE MISS)</td><td colspan="2">$0.135</td></tr>
      <tr><td>1M OUTPUT TOKENS</td><td colspan="2">$0.550</td></tr>
    </table>`);
    expect(observations).toHaveLength(4);
    expect(price(observations, "deepseek-chat")).toMatchObject({ input: "0.27", output: "1.1", cacheRead: "0.07", hints: { displayName: "DeepSeek-V3", contextWindow: 64000, maxOutputTokens: 8000 } });
    expect(price(observations, "deepseek-reasoner")).toMatchObject({ input: "0.55", output: "2.19", cacheRead: "0.14", hints: { maxOutputTokens: 64000 } });
    expect(price(observations, "deepseek-chat", "off-peak")).toMatchObject({ input: "0.135", output: "0.55", cacheRead: "0.035" });
    expect(price(observations, "deepseek-reasoner", "off-peak")).toMatchObject({ input: "0.135", output: "0.55", cacheRead: "0.035" });
  });

  it("reads PEAK / OFF-PEAK sub-rows nested under each price label", () => {
    const observations = parseHtml(`<table>
      <tr><td colspan="3">MODEL</td><td>deepseek-chat</td></tr>
      <tr><td rowspan="6">PRICING</td><td rowspan="2">1M INPUT TOKENS (CACHE HIT)</td><td>PEAK</td><td>$0.07</td></tr>
      <tr><td>OFF-PEAK</td><td>$0.035</td></tr>
      <tr><td rowspan="2">1M INPUT TOKENS (CACHE MISS)</td><td>PEAK</td><td>$0.27</td></tr>
      <tr><td>OFF-PEAK</td><td>$0.135</td></tr>
      <tr><td rowspan="2">1M OUTPUT TOKENS</td><td>PEAK</td><td>$1.10</td></tr>
      <tr><td>OFF-PEAK</td><td>$0.55</td></tr>
    </table>`);
    expect(observations.map((observation) => [observation.variant, observation.input, observation.output, observation.cacheRead])).toEqual([
      ["standard", "0.27", "1.1", "0.07"],
      ["off-peak", "0.135", "0.55", "0.035"],
    ]);
  });

  it("reads K and M sizes as written", () => {
    expect(tokenCount("1M")).toBe(1_000_000);
    expect(tokenCount("128K")).toBe(128_000);
    expect(tokenCount("MAXIMUM: 384K")).toBe(384_000);
    expect(tokenCount("最大 384K")).toBe(384_000);
    expect(tokenCount("unknown")).toBeNull();
  });
});

describe("parseDeepseekPricing on a changed layout", () => {
  it("fails when the table is removed from the real page", () => {
    const withoutTable = english.body.replace(/<table[\s\S]*?<\/table>/, "");
    expect(() => parseHtml(withoutTable)).toThrow(PayloadError);
    expect(() => parseHtml(withoutTable)).toThrow(/no model table/);
  });

  it("fails on an input price without an output price", () => {
    expect(() => parseHtml(chinese.body.replace("百万tokens输出", "百万tokens"))).toThrow(/deepseek-v4-flash standard: needs both a cache-miss input and an output price/);
  });

  it("fails on a price cell it cannot read", () => {
    expect(() => parseHtml(english.body.replace("<td>$0.14</td>", "<td>contact us</td>"))).toThrow(/no price for deepseek-v4-flash/);
  });

  it("fails on a page without price rows, and on a bot challenge", () => {
    expect(() => parseHtml(english.body.replace(/<td rowspan="3">PRICING<\/td>[\s\S]*?<\/table>/, "</table>"))).toThrow(/no price rows/);
    expect(() => parseHtml("<html><body>Just a moment...</body></html>")).toThrow(PayloadError);
    expect(() => parseDeepseekPricing([], context)).toThrow(PayloadError);
  });
});

import { describe, expect, it } from "vitest";
import type { PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError } from "../source.ts";
import { readContextCell, readYuan } from "./bigmodel-cells.ts";
import { parseBigmodelPricing } from "./bigmodel-parse.ts";

const context = { observedAt: new Date("2026-07-20T00:00:00Z") };
const page = snapshotDocument("pages", "zai", "open.bigmodel.cn_pricing.playwright-rendered.2026-07-20.html");
const result = parseBigmodelPricing([page], context);

function price(model: string, variant = "standard"): PriceObservation {
  const found = result.observations.find((observation) => observation.model === model && observation.variant === variant);
  if (!found) throw new Error(`no ${model} ${variant}`);
  return found;
}

function parseBody(body: string): () => unknown {
  return () => parseBigmodelPricing([{ name: page.name, body }], context);
}

describe("parseBigmodelPricing on the rendered 2026-07-20 page", () => {
  it("prices 50 offerings and skips 21 models and 4 non-model sections", () => {
    expect(result.observations).toHaveLength(50);
    expect(result.skipped).toHaveLength(25);
    expect(result.observations.every((observation) => observation.provider === "zai" && observation.currency === "CNY")).toBe(true);
  });

  it("reads flagship prices in CNY with the marketing badge left out of the name", () => {
    expect(price("GLM-5.2")).toMatchObject({ input: "8", output: "28", cacheRead: "2", tiers: [], hints: { displayName: "GLM-5.2", contextWindow: 1000000 } });
    expect(price("GLM-4.7-FlashX")).toMatchObject({ input: "0.5", output: "3", cacheRead: "0.1", hints: { contextWindow: 200000 } });
    expect(price("GLM-4.7-Flash")).toMatchObject({ input: "0", output: "0", cacheRead: "0" });
  });

  it("turns input-length bands into >32K tiers", () => {
    expect(price("GLM-5.1")).toMatchObject({
      input: "6",
      output: "24",
      cacheRead: "1.3",
      tiers: [{ minInputTokens: 32000, input: "8", output: "28", cacheRead: "2", cacheWrite: null }],
    });
    expect(price("GLM-4.6V")).toMatchObject({ input: "1", output: "3", cacheRead: "0.2", tiers: [{ minInputTokens: 32000, input: "2", output: "6", cacheRead: "0.4" }] });
    expect(price("GLM-4.5V")).toMatchObject({ input: "2", output: "6", tiers: [{ minInputTokens: 32000, input: "4", output: "12", cacheRead: "0.8" }] });
  });

  it("prices short outputs of short prompts as their own variant", () => {
    expect(price("GLM-4.7")).toMatchObject({ input: "3", output: "14", cacheRead: "0.6", tiers: [{ minInputTokens: 32000, input: "4", output: "16", cacheRead: "0.8" }] });
    expect(price("GLM-4.7", "short-output")).toMatchObject({ input: "2", output: "8", cacheRead: "0.4", tiers: [{ minInputTokens: 32000, input: "4", output: "16" }] });
    expect(price("GLM-4.5-Air", "short-output")).toMatchObject({ input: "0.8", output: "2", cacheRead: "0.16" });
    expect(price("GLM-4.5-Air")).toMatchObject({ input: "0.8", output: "6", cacheRead: "0.16" });
  });

  it("reads catalogue unit prices for input and output alike, with their batch prices", () => {
    expect(price("GLM-4-Plus")).toMatchObject({ input: "5", output: "5", cacheRead: null, hints: { contextWindow: 128000 } });
    expect(price("GLM-4-Plus", "batch")).toMatchObject({ input: "2.5", output: "2.5" });
    expect(price("GLM-4-Long", "batch")).toMatchObject({ input: "0.5", output: "0.5", hints: { contextWindow: 1000000 } });
    expect(price("GLM-OCR")).toMatchObject({ input: "0.2", output: "0.2" });
    expect(price("GLM-4-0520")).toMatchObject({ input: "100", output: "100" });
    expect(price("GLM-4-Flash", "batch")).toMatchObject({ input: "0", output: "0" });
    expect(result.observations.filter((observation) => observation.model === "GLM-4-AirX").map((observation) => observation.variant)).toEqual(["standard"]);
  });

  it("skips media, speech, embedding and rerank models and the non-model sections", () => {
    expect(result.skipped).toContainEqual({ name: "CogView-4", reason: "image or video generation, priced per request" });
    expect(result.skipped).toContainEqual({ name: "GLM-4-Voice", reason: "speech model, priced per character, minute or call" });
    expect(result.skipped).toContainEqual({ name: "Embedding-3", reason: "embedding model" });
    expect(result.skipped).toContainEqual({ name: "Rerank", reason: "rerank model, not a text generation model" });
    expect(result.skipped).toContainEqual({ name: "模型私有实例", reason: "not a model token price list (tools, storage, fine-tuning or deployment)" });
  });
});

describe("parseBigmodelPricing on a changed layout", () => {
  it("fails on the app shell a plain fetch returns", () => {
    const shell = '<html><body><div id="app"></div><script src="/js/app.js"></script></body></html>';
    expect(parseBody(shell)).toThrow(PayloadError);
    expect(parseBody(shell)).toThrow(/no "旗舰模型" price tables/);
  });

  it("fails when the flagship tables are removed", () => {
    const withoutFlagship = page.body.replace(/<h3 [^>]*class="model-title">旗舰模型<\/h3>[\s\S]*?(?=<h3 [^>]*class="model-title">)/, "");
    expect(parseBody(withoutFlagship)).toThrow(/no "旗舰模型" price tables/);
  });

  it("fails on an input price without an output price", () => {
    expect(parseBody(page.body.replace('<p data-v-298820d9="" class="price-line"> 28元 </p>', '<p data-v-298820d9="" class="price-line"> - </p>'))).toThrow(
      /GLM-5.2: needs both an input and an output price/,
    );
  });

  it("fails on an unknown tab or a catalogue price that is not per token", () => {
    expect(parseBody(page.body.replace("> 向量模型 <", "> 新模型 <"))).toThrow(/unknown tab "新模型" in 模型推理/);
    expect(parseBody(page.body.replace(" 5 元 / 百万Tokens ", " 5 元 / 次 "))).toThrow(/GLM-4-Plus: not a per-token price: "5 元 \/ 次"/);
  });
});

describe("bigmodel cells", () => {
  it("reads yuan prices and free marks", () => {
    expect(readYuan("8元")).toBe("8");
    expect(readYuan("0.2元/百万Tokens")).toBe("0.2");
    expect(readYuan("5 元 / 百万Tokens")).toBe("5");
    expect(readYuan("限时免费")).toBe("0");
    expect(readYuan("0.1 元 / 次")).toBeNull();
  });

  it("reads length bands in thousands of tokens and plain sizes", () => {
    expect(readContextCell(["输入长度 [0, 32)", "输出长度 [0.2+)"])).toEqual({ input: { min: 0, max: 32 }, output: { min: 0.2, max: null }, size: null });
    expect(readContextCell(["输入长度 [32+)"])).toEqual({ input: { min: 32, max: null }, output: null, size: null });
    expect(readContextCell(["200K"])).toEqual({ input: null, output: null, size: 200000 });
    expect(readContextCell(["/"])).toEqual({ input: null, output: null, size: null });
    expect(readContextCell(["about 32 pages"])).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { priceObservationSchema, type PriceObservation } from "../../src/domain/observation.ts";
import { snapshotFolderDocuments } from "../../test/helpers/snapshots.ts";
import { PayloadError, type ParseResult, type PayloadDocument } from "../source.ts";
import { portkeySource } from "./index.ts";
import { parsePortkeyPricing } from "./parse.ts";
import { readPricingFile } from "./pricingFile.ts";

const context = { observedAt: new Date("2026-08-22T00:00:00Z") };

const documentsBySnapshot = new Map<string, PayloadDocument[]>();
const resultsBySnapshot = new Map<string, ParseResult<PriceObservation>>();

function snapshotDocuments(snapshot: string): PayloadDocument[] {
  const cached = documentsBySnapshot.get(snapshot);
  if (cached) return cached;
  const documents = snapshotFolderDocuments("prices", "portkey", snapshot, "pricing");
  documentsBySnapshot.set(snapshot, documents);
  return documents;
}

function parseSnapshot(snapshot: string): ParseResult<PriceObservation> {
  const cached = resultsBySnapshot.get(snapshot);
  if (cached) return cached;
  const result = parsePortkeyPricing(snapshotDocuments(snapshot), context);
  resultsBySnapshot.set(snapshot, result);
  return result;
}

function find(result: ParseResult<PriceObservation>, provider: string, model: string, variant = "standard", region = ""): PriceObservation {
  const found = result.observations.find((o) => o.provider === provider && o.model === model && o.variant === variant && o.region === region);
  if (!found) throw new Error(`no ${provider} ${model} ${variant} ${region}`);
  return found;
}

function pricingFile(name: string, entries: Record<string, unknown>): PayloadDocument {
  return { name: `pricing/${name}.json`, body: JSON.stringify({ default: { pricing_config: { pay_as_you_go: {} } }, ...entries }) };
}

function payg(rates: Record<string, number>): unknown {
  return { pricing_config: { pay_as_you_go: Object.fromEntries(Object.entries(rates).map(([key, price]) => [key, { price }])) } };
}

describe("portkey snapshots", () => {
  // [snapshot, files, observations, skipped (of which cross-file or cross-region duplicates)]
  const counts: Array<[string, number, number, number, number]> = [
    ["2026-04-29", 40, 2155, 589, 119],
    ["2026-08-21", 46, 4918, 779, 161],
  ];

  it.each(counts)("%s: %i files give %i observations and %i skipped (%i duplicates), all valid", (snapshot, files, observationCount, skippedCount, duplicates) => {
    const result = parseSnapshot(snapshot);
    expect(snapshotDocuments(snapshot)).toHaveLength(files);
    expect(result.observations).toHaveLength(observationCount);
    expect(result.skipped).toHaveLength(skippedCount);
    expect(result.skipped.filter((s) => s.reason.startsWith("duplicate"))).toHaveLength(duplicates);
    for (const observation of result.observations) expect(priceObservationSchema.parse(observation)).toEqual(observation);
    const offerings = new Set(result.observations.map((o) => `${o.provider}|${o.model}|${o.variant}|${o.region}`));
    expect(offerings.size).toBe(observationCount);
  });

  it.each([
    ["2026-08-21", "openai.json", 1077, 34],
    ["2026-08-21", "anthropic.json", 64, 1],
    ["2026-08-21", "google.json", 107, 88],
    ["2026-08-21", "sagemaker.json", 0, 1],
    ["2026-04-29", "bedrock.json", 151, 24],
  ])("%s %s: %i candidate observations, %i skipped", (snapshot, file, candidates, skipped) => {
    const document = snapshotDocuments(snapshot).find((d) => d.name === file);
    if (!document) throw new Error(`no ${file}`);
    const outcome = readPricingFile(document);
    expect(outcome.candidates).toHaveLength(candidates);
    expect(outcome.skipped).toHaveLength(skipped);
  });

  it("converts US cents per token to USD per 1M tokens, cache writes included", () => {
    const latest = parseSnapshot("2026-08-21");
    // request_token 0.0003, response_token 0.0015, cache write 0.000375, cache read 3e-05, cache_write_1h 0.0006 cents.
    expect(find(latest, "anthropic", "claude-3-5-sonnet-20240620")).toMatchObject({ input: "3", output: "15", cacheWrite: "3.75", cacheRead: "0.3", cacheWrite1h: "6" });
    // request_token 0.00025 and response_token 0.001 cents; cache_write_input_token 0 means "not charged apart".
    expect(find(latest, "openai", "gpt-4o")).toMatchObject({ input: "2.5", output: "10", cacheRead: "1.25", cacheWrite: null });
    for (const { input, output } of latest.observations) {
      for (const amount of [input, output]) expect((amount ?? "").replace(".", "").replace(/^0+/, "").length, amount ?? "null").toBeLessThanOrEqual(12);
    }
  });

  it("follows a price correction between the two snapshots", () => {
    expect(find(parseSnapshot("2026-04-29"), "bedrock", "amazon.nova-pro-v1:0")).toMatchObject({ input: "0.8", output: "0.2" });
    expect(find(parseSnapshot("2026-08-21"), "bedrock", "amazon.nova-pro-v1:0")).toMatchObject({ input: "0.8", output: "3.2" });
  });

  it("reads batch_config and custom_pricing execution modes as variants", () => {
    const latest = parseSnapshot("2026-08-21");
    expect(find(latest, "openai", "gpt-4o", "batch")).toMatchObject({ input: "1.25", output: "5", cacheRead: null });
    expect(find(latest, "openai", "gpt-4o", "priority")).toMatchObject({ input: "4.25", output: "17", cacheRead: "2.125" });
    // pricing_config wins over a custom_pricing restatement of the default-region standard price ($2.5/$10 there).
    expect(find(latest, "openai", "gpt-4o-latest")).toMatchObject({ input: "5", output: "15" });
  });

  it("splits comma-joined custom_pricing regions into one observation per region", () => {
    const latest = parseSnapshot("2026-08-21");
    expect(find(latest, "bedrock", "mistral.mistral-7b-instruct-v0:2")).toMatchObject({ input: "0.15", output: "0.2" });
    expect(find(latest, "bedrock", "mistral.mistral-7b-instruct-v0:2", "flex", "ap-south-1")).toMatchObject({ input: "0.09", output: "0.12" });
    for (const region of ["ap-southeast-2", "eu-west-2", "eu-west-3"]) {
      expect(find(latest, "bedrock", "mistral.mistral-7b-instruct-v0:2", "priority", region)).toMatchObject({ input: "0.35", output: "0.455" });
    }
  });

  it("reads custom_pricing context tiers through context_tier_map", () => {
    const sol = find(parseSnapshot("2026-08-21"), "bedrock", "us.openai.gpt-5.6-sol");
    expect(sol).toMatchObject({ input: "5.5", output: "33", cacheRead: "0.55", cacheWrite: "6.875" });
    expect(sol.tiers).toEqual([{ minInputTokens: 272000, input: "11", output: "49.5", cacheRead: "1.1", cacheWrite: "13.75" }]);
  });

  it("folds -lte-/-gt- context-tier keys into the model they price", () => {
    const latest = parseSnapshot("2026-08-21");
    const pro = find(latest, "google", "gemini-2.5-pro");
    expect(pro).toMatchObject({ input: "1.25", output: "10", cacheRead: "0.125" });
    expect(pro.tiers).toEqual([{ minInputTokens: 128000, input: "2.5", output: "15", cacheRead: "0.25", cacheWrite: null }]);
    expect(find(latest, "google", "gemini-2.5-pro", "batch").tiers).toEqual([{ minInputTokens: 128000, input: "1.25", output: "7.5", cacheRead: null, cacheWrite: null }]);
    expect(latest.observations.some((o) => o.model.endsWith("-gt-128k") || o.model.endsWith("-lte-128k"))).toBe(false);
    expect(latest.skipped).toContainEqual({ name: "google/gemini-2.5-pro-gt-128k", reason: 'folded into "gemini-2.5-pro" as its tier above 128000 input tokens' });
    // BytePlus keeps a bare entry beside its -lte-32k twin: the bare entry is the base.
    const deepseek = find(latest, "byteplus", "deepseek-v3-2");
    expect(deepseek).toMatchObject({ input: "0.28", output: "0.42" });
    expect(deepseek.tiers).toEqual([{ minInputTokens: 32000, input: "0.56", output: "0.84", cacheRead: "0.056", cacheWrite: "0.0083" }]);
    expect(latest.skipped).toContainEqual({ name: "byteplus/deepseek-v3-2-lte-32k", reason: 'tier up to 32000 input tokens of "deepseek-v3-2", whose base price comes from "deepseek-v3-2"' });
  });

  it("maps provider files to sellers", () => {
    const latest = parseSnapshot("2026-08-21");
    expect(find(latest, "mistral", "mistral-large-latest")).toMatchObject({ input: "0.5", output: "1.5" });
    expect(find(latest, "zai", "glm-4.6")).toMatchObject({ input: "0.6", output: "2.2", cacheRead: "0.11" });
    expect(find(latest, "perplexity", "pplx-7b-online")).toMatchObject({ input: "0", output: "0.28" });
    // palm.json is Google's PaLM API.
    expect(find(latest, "google", "models/chat-bison-001")).toMatchObject({ input: "0.5", output: "0.5" });
  });

  it("keeps one observation per offering when two files name one seller", () => {
    const latest = parseSnapshot("2026-08-21");
    expect(latest.skipped).toContainEqual({ name: "zhipu/glm-5.1", reason: "duplicate of the zai offering in z-ai.json (same prices; that one is kept)" });
    expect(latest.skipped).toContainEqual({ name: "azure-ai/o3", reason: "duplicate of the azure offering in azure-openai.json (different prices; that one is kept)" });
  });

  it("keeps :free endpoints as free and skips 0/0 fill-ins, input-only models and non-token units", () => {
    const latest = parseSnapshot("2026-08-21");
    expect(find(latest, "openrouter", "openai/gpt-oss-20b:free", "free")).toMatchObject({ input: "0", output: "0" });
    const reasonOf = (name: string): string | undefined => latest.skipped.find((s) => s.name === name)?.reason;
    expect(reasonOf("openai/default")).toBe("cost formula of the file, not a model");
    expect(reasonOf("deepinfra/black-forest-labs/FLUX-1-dev")).toBe("priced 0/0 without a :free marker: Portkey's fill-in value, not a known free price");
    expect(reasonOf("openai/text-embedding-3-small")).toBe("input-only price: an embedding, rerank, speech or OCR model");
    expect(reasonOf("openai/dall-e-3")).toBe("no request_token/response_token price; priced by image");
    expect(reasonOf("vertex-ai/gemma-3-27b-it")).toBe("no request_token/response_token price; priced by finetune_config");
    expect(reasonOf("azure-openai/code-davinci-002")).toBe("no pricing_config");
  });
});

describe("portkey edge cases", () => {
  it("rounds away float noise written by the source", () => {
    const result = parsePortkeyPricing([pricingFile("openai", { m: payg({ request_token: 1.5e-5, response_token: 5.999999999999999e-5 }) })], context);
    expect(result.observations[0]).toMatchObject({ input: "0.15", output: "0.6" });
  });

  it("throws on a response price without a request price", () => {
    expect(() => parsePortkeyPricing([pricingFile("openai", { m: payg({ response_token: 0.001 }) })], context)).toThrow(/"m" \(standard\) has a response_token price but no request_token price/);
  });

  it("throws on a context tier that context_tier_map does not define", () => {
    const entry = {
      pricing_config: { pay_as_you_go: {} },
      custom_pricing: {
        context_tier_map: { "0": "lte-200k" },
        regions: { default: { execution_modes: { priority: { context_tiers: { "gt-200k": { pricing_config: { pay_as_you_go: {} } } } } } } },
      },
    };
    expect(() => parsePortkeyPricing([pricingFile("openai", { m: entry })], context)).toThrow(/context tier "gt-200k" that its context_tier_map does not define/);
  });

  it("throws on payloads that are not Portkey pricing files", () => {
    expect(() => parsePortkeyPricing([{ name: "pricing/openai.json", body: "<html>rate limited</html>" }], context)).toThrow(/invalid JSON/);
    expect(() => parsePortkeyPricing([{ name: "pricing/openai.json", body: JSON.stringify({ "gpt-4o": {} }) }], context)).toThrow(/no "default" entry/);
    expect(() => parsePortkeyPricing([{ name: "pricing/openai.json", body: "[]" }], context)).toThrow(/expected a JSON object/);
    expect(() => parsePortkeyPricing([{ name: "openai.txt", body: "{}" }], context)).toThrow(/cannot tell the provider/);
    expect(() => parsePortkeyPricing([pricingFile("openai", { m: { pricing_config: { pay_as_you_go: { request_token: { price: "0.1" } } } } })], context)).toThrow(PayloadError);
    expect(() => parsePortkeyPricing([pricingFile("openai", { m: { pricing_config: { currency: "EUR", pay_as_you_go: {} } } })], context)).toThrow(/priced in EUR/);
    expect(() => parsePortkeyPricing([pricingFile("sagemaker", {})], context)).toThrow(/no token-priced text model found/);
    expect(() => parsePortkeyPricing([], context)).toThrow(/no payload document/);
  });

  it("declares one live URL per provider file", () => {
    expect(portkeySource).toMatchObject({ id: "portkey", kind: "price", authority: "community", format: "json" });
    expect(portkeySource.urls).toHaveLength(46);
    expect(portkeySource.urls).toContain("https://raw.githubusercontent.com/Portkey-AI/models/main/pricing/openai.json");
    expect(portkeySource.replayPaths).toEqual(["prices/portkey/2026-08-21/pricing"]);
  });
});

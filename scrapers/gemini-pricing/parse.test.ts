import { describe, expect, it } from "vitest";
import type { PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { readPaidCell } from "./paid-cell.ts";
import { parseGeminiPricing } from "./parse.ts";

const context = { observedAt: new Date("2026-04-27T00:00:00Z") };
const page = snapshotDocument("pages", "google", "ai.google.dev_gemini-api_docs_pricing.2026-04-27.html");
const result = parseGeminiPricing([page], context);

function price(model: string, variant = "standard"): PriceObservation {
  const found = result.observations.find((observation) => observation.model === model && observation.variant === variant);
  if (!found) throw new Error(`no ${model} ${variant}`);
  return found;
}

function parseBody(body: string): () => unknown {
  return () => parseGeminiPricing([{ name: page.name, body }], context);
}

describe("parseGeminiPricing on the 2026-04-27 page", () => {
  it("prices 52 model x tier offerings and skips 21 non-token or unpaid entries", () => {
    expect(result.observations).toHaveLength(52);
    expect(result.skipped).toHaveLength(21);
    expect(result.observations.every((observation) => observation.provider === "google" && observation.currency === "USD")).toBe(true);
  });

  it("reads gemini-2.5-pro in all four tiers with its >200k prompt tier", () => {
    expect(price("gemini-2.5-pro")).toMatchObject({
      input: "1.25",
      output: "10",
      cacheRead: "0.125",
      cacheWrite: null,
      tiers: [{ minInputTokens: 200000, input: "2.5", output: "15", cacheRead: "0.25", cacheWrite: null }],
      hints: { displayName: "Gemini 2.5 Pro" },
    });
    expect(price("gemini-2.5-pro", "batch")).toMatchObject({ input: "0.625", output: "5", cacheRead: "0.125", tiers: [{ minInputTokens: 200000, input: "1.25", output: "7.5" }] });
    expect(price("gemini-2.5-pro", "flex")).toMatchObject({ input: "0.625", output: "5" });
    expect(price("gemini-2.5-pro", "priority")).toMatchObject({ input: "2.25", output: "18", cacheRead: "0.225", tiers: [{ minInputTokens: 200000, input: "4.5", output: "27", cacheRead: "0.45" }] });
  });

  it("takes the text/image/video price as input, never the audio price", () => {
    expect(price("gemini-2.5-flash")).toMatchObject({ input: "0.3", output: "2.5", cacheRead: "0.03", tiers: [] });
    expect(price("gemini-2.5-flash", "batch")).toMatchObject({ input: "0.15", output: "1.25", cacheRead: "0.03" });
    expect(price("gemini-2.5-flash", "priority")).toMatchObject({ input: "0.54", output: "4.5", cacheRead: "0.054" });
    expect(price("gemini-2.5-flash-lite")).toMatchObject({ input: "0.1", output: "0.4", cacheRead: "0.01" });
    expect(price("gemini-3-flash-preview", "priority")).toMatchObject({ input: "0.9", output: "5.4", cacheRead: "0.09" });
    expect(price("gemini-3.1-flash-live-preview")).toMatchObject({ input: "0.75", output: "4.5", cacheRead: null });
    expect(price("gemini-2.0-flash")).toMatchObject({ input: "0.1", output: "0.4", cacheRead: "0.025" });
  });

  it("reads flat prices and batch tables with their own numbers", () => {
    expect(price("gemini-2.0-flash-lite")).toMatchObject({ input: "0.075", output: "0.3", cacheRead: null });
    expect(price("gemini-2.0-flash-lite", "batch")).toMatchObject({ input: "0.0375", output: "0.15" });
    // Batch caching is "Same as Standard" on this page: the batch table repeats the standard figure.
    expect(price("gemini-3-flash-preview", "batch")).toMatchObject({ input: "0.25", output: "1.5", cacheRead: "0.05" });
  });

  it("prices every model id a section names", () => {
    for (const model of ["gemini-3.1-pro-preview", "gemini-3.1-pro-preview-customtools"]) {
      expect(price(model)).toMatchObject({
        input: "2",
        output: "12",
        cacheRead: "0.2",
        tiers: [{ minInputTokens: 200000, input: "4", output: "18", cacheRead: "0.4" }],
        hints: { displayName: "Gemini 3.1 Pro Preview" },
      });
    }
  });

  it("takes the text-and-thinking output of image models and the audio output of TTS models", () => {
    expect(price("gemini-3-pro-image-preview")).toMatchObject({ input: "2", output: "12", hints: { displayName: "Gemini 3 Pro Image Preview" } });
    expect(price("gemini-3.1-flash-image-preview", "batch")).toMatchObject({ input: "0.25", output: "1.5" });
    expect(price("gemini-2.5-flash-preview-tts")).toMatchObject({ input: "0.5", output: "10" });
  });

  it("never turns the free tier into a price", () => {
    expect(result.observations.filter((observation) => observation.input === "0" || observation.output === "0")).toEqual([]);
    expect(result.skipped).toContainEqual({ name: "Gemma 4", reason: "standard: no paid-tier price (free tier only, or not offered in this tier)" });
    expect(result.skipped).toContainEqual({ name: "gemini-robotics-er-1.5-preview", reason: "batch: no paid-tier price (free tier only, or not offered in this tier)" });
  });

  it("skips media models, per-image outputs and embeddings with a reason", () => {
    expect(result.skipped).toContainEqual({ name: "imagen-4.0-ultra-generate-001", reason: "standard: priced per Image in USD, not per token" });
    expect(result.skipped).toContainEqual({ name: "veo-2.0-generate-001", reason: "standard: priced per second in USD, not per token" });
    expect(result.skipped).toContainEqual({ name: "gemini-2.5-flash-image", reason: "standard: output priced per image, not per token" });
    expect(result.skipped).toContainEqual({ name: "gemini-embedding-001", reason: "batch: embedding model: input-only pricing" });
  });

  it("agrees with the later Jina rendering where the price did not change", () => {
    const rendering = snapshotDocument("pages", "google", "derived", "ai.google.dev_gemini-api_docs_pricing.jina-reader.2026-07-21.md").body;
    expect(rendering).toContain("| Input price | Not available | $2.00, prompts <= 200k tokens $4.00, prompts > 200k tokens |");
    expect(price("gemini-3.1-pro-preview").input).toBe("2");
    expect(price("gemini-3.1-pro-preview").tiers[0]?.input).toBe("4");
  });
});

describe("parseGeminiPricing on a changed layout", () => {
  it("fails when the pricing tables are removed", () => {
    const withoutTables = page.body.replace(/<table class="pricing-table">[\s\S]*?<\/table>/g, "");
    expect(parseBody(withoutTables)).toThrow(PayloadError);
    expect(parseBody(withoutTables)).toThrow(/Gemini 3\.1 Pro Preview: no pricing table/);
  });

  it("fails when the model sections are gone (another page or a bot challenge)", () => {
    expect(parseBody(page.body.replace(/class="models-section"/g, 'class="section"'))).toThrow(/no div\.models-section/);
    expect(parseBody("<html><body>Checking your browser…</body></html>")).toThrow(PayloadError);
  });

  it("fails on an input price without an output price", () => {
    const withoutOutput = page.body.replace(/<td>Output price \(including thinking tokens\)<\/td>/g, "<td>Something else</td>");
    expect(parseBody(withoutOutput)).toThrow(/Gemini 3\.1 Pro Preview \(Standard\): an "Input price" row but no "Output price" row/);
  });

  it("fails when the paid column disappears", () => {
    expect(parseBody(page.body.replace(/Paid Tier, per 1M tokens in USD/g, "Price"))).toThrow(/no "Paid Tier" column/);
  });

  it("fails on an unknown service tier", () => {
    expect(parseBody(page.body.replace(">Flex</h3>", ">Turbo</h3>"))).toThrow(/unknown service tier "Turbo"/);
  });

  it("rejects a document list without the page", () => {
    expect(() => parseGeminiPricing([] as PayloadDocument[], context)).toThrow(PayloadError);
  });
});

describe("readPaidCell", () => {
  it("reads a prompt-size tier and ignores the storage line", () => {
    expect(readPaidCell(["$0.20, prompts <= 200k tokens", "$0.40, prompts > 200k", "$4.50 / 1,000,000 tokens per hour (storage price)"], "t")).toEqual({
      kind: "token",
      base: "0.2",
      longContext: [{ minInputTokens: 200000, amount: "0.4" }],
    });
  });

  it("prefers the text line and ignores notes without a leading price", () => {
    expect(readPaidCell(["$1.00 (text)", "$0.0006 (image)*"], "t")).toEqual({ kind: "token", base: "1", longContext: [] });
    expect(readPaidCell(["Same as Standard, Batch pricing not yet implemented", "$0.05 (text / image / video)", "$0.10 (audio)"], "t")).toEqual({ kind: "token", base: "0.05", longContext: [] });
  });

  it("recognises per-unit and unavailable cells", () => {
    expect(readPaidCell(["$0.039 per image*"], "t")).toEqual({ kind: "per-unit", unit: "per image" });
    expect(readPaidCell(["Not available"], "t")).toEqual({ kind: "not-available" });
  });

  it("fails on an ambiguous or unreadable cell", () => {
    expect(() => readPaidCell(["$1.00 (audio)", "$2.00 (images)"], "t")).toThrow(PayloadError);
    expect(() => readPaidCell(["$2.00, prompts <= 200k tokens"], "t")).toThrow(/without a price above it/);
    expect(() => readPaidCell(["Contact sales"], "t")).toThrow(/no price found/);
  });
});

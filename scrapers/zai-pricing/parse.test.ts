import { describe, expect, it } from "vitest";
import type { PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError } from "../source.ts";
import { parseZaiPricing } from "./parse.ts";

const context = { observedAt: new Date("2026-08-18T00:00:00Z") };
const page = snapshotDocument("pages", "zai", "docs.z.ai_guides_overview_pricing.2026-08-18.html");
const result = parseZaiPricing([page], context);

function price(model: string): PriceObservation {
  const found = result.observations.find((observation) => observation.model === model);
  if (!found) throw new Error(`no ${model}`);
  return found;
}

function parseBody(body: string): () => unknown {
  return () => parseZaiPricing([{ name: page.name, body }], context);
}

describe("parseZaiPricing on the 2026-08-18 docs.z.ai page", () => {
  it("prices the 14 text and 6 vision models, and skips the 14 tools, media models and agents", () => {
    expect(result.observations).toHaveLength(20);
    expect(result.skipped).toHaveLength(14);
    expect(result.observations.every((observation) => observation.provider === "zai" && observation.currency === "USD" && observation.variant === "standard")).toBe(true);
  });

  it("reads input, cached input and output in USD per 1M tokens", () => {
    expect(price("GLM-5.2")).toMatchObject({ input: "1.4", output: "4.4", cacheRead: "0.26", cacheWrite: null, tiers: [], hints: { displayName: "GLM-5.2" } });
    expect(price("GLM-5")).toMatchObject({ input: "1", output: "3.2", cacheRead: "0.2" });
    expect(price("GLM-5-Turbo")).toMatchObject({ input: "1.2", output: "4", cacheRead: "0.24" });
    expect(price("GLM-4.7-FlashX")).toMatchObject({ input: "0.07", output: "0.4", cacheRead: "0.01" });
    expect(price("GLM-4.5-X")).toMatchObject({ input: "2.2", output: "8.9", cacheRead: "0.45" });
    expect(price("GLM-4.6V-FlashX")).toMatchObject({ input: "0.04", output: "0.4", cacheRead: "0.004" });
  });

  it("reads '-' and '\\' as no cache price, and Free as 0", () => {
    expect(price("GLM-4-32B-0414-128K")).toMatchObject({ input: "0.1", output: "0.1", cacheRead: null });
    expect(price("GLM-OCR")).toMatchObject({ input: "0.03", output: "0.03", cacheRead: null });
    expect(price("GLM-4.7-Flash")).toMatchObject({ input: "0", output: "0", cacheRead: "0" });
  });

  it("skips per-use, per-image, per-video, audio and agent prices with what the page says", () => {
    expect(result.skipped).toContainEqual({ name: "Web Search", reason: "Built-in Tools: Cost $0.01 / use" });
    expect(result.skipped).toContainEqual({ name: "CogView-4", reason: "Image Generation Models: Price $0.01" });
    expect(result.skipped).toContainEqual({ name: "GLM-ASR-2512", reason: "Audio Models: Price $0.03 / MTok (equivalent to approximately $0.0024/minute)" });
    expect(result.skipped).toContainEqual({ name: "General-Purpose Translation", reason: "Agents: Price $3 / MTok" });
  });

  it("agrees with the earlier Jina rendering on prices that did not change", () => {
    const rendering = snapshotDocument("pages", "zai", "derived", "docs.z.ai_guides_overview_pricing.jina-reader.2026-05-08.md").body;
    expect(rendering).toContain("| GLM-4.6 | $0.6 | $0.11 | Limited-time Free | $2.2 |");
    expect(price("GLM-4.6")).toMatchObject({ input: "0.6", output: "2.2", cacheRead: "0.11" });
    expect(rendering).toContain("| GLM-4.5-Air | $0.2 | $0.03 | Limited-time Free | $1.1 |");
    expect(price("GLM-4.5-Air")).toMatchObject({ input: "0.2", output: "1.1", cacheRead: "0.03" });
    expect(rendering).toContain("| GLM-4.6V | $0.3 | $0.05 | Limited-time Free | $0.9 |");
    expect(price("GLM-4.6V")).toMatchObject({ input: "0.3", output: "0.9", cacheRead: "0.05" });
  });
});

describe("parseZaiPricing on a changed layout", () => {
  it("fails when the token tables are removed", () => {
    const withoutTables = page.body.replace(/<table[^>]*><thead><tr><th[^>]*>Model<\/th><th[^>]*>Input<\/th>[\s\S]*?<\/table>/g, "");
    expect(parseBody(withoutTables)).toThrow(PayloadError);
    expect(parseBody(withoutTables)).toThrow(/no table with Input and Output columns/);
    expect(parseBody("<html><body><h1>Just a moment...</h1></body></html>")).toThrow(PayloadError);
  });

  it("fails on an input price without an output price", () => {
    expect(parseBody(page.body.replace('<td data-numeric="true" style="text-align:left">$4.4</td>', '<td style="text-align:left">-</td>'))).toThrow(
      /Text Models: "GLM-5.2" needs both an input and an output price/,
    );
  });

  it("fails on an unreadable price and on a missing unit line", () => {
    expect(parseBody(page.body.replace(">$1.4<", ">¥10<"))).toThrow(/GLM-5.2 input: unreadable price "¥10"/);
    expect(parseBody(page.body.replace(/Prices per 1M tokens\./g, "Prices per 1K tokens."))).toThrow(/expected "Prices per 1M tokens\." above the table/);
  });
});

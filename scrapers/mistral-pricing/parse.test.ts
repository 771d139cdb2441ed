import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError } from "../source.ts";
import { flightJsonRows, readFlightPayload, unescapeFlightString, valuesUnderKey } from "../lib/next-flight.ts";
import { parseMistralPricing } from "./parse.ts";

const context = { observedAt: new Date("2026-05-08T00:00:00Z") };
const page = snapshotDocument("pages", "mistral", "mistral.ai_pricing.2026-05-08.html");
const result = parseMistralPricing([page], context);

function price(model: string): PriceObservation {
  const found = result.observations.find((observation) => observation.model === model);
  if (!found) throw new Error(`no ${model}`);
  return found;
}

function parseBody(body: string): () => unknown {
  return () => parseMistralPricing([{ name: page.name, body }], context);
}

/** A page whose only flight chunk carries the given "apis" catalogue. */
function fixturePage(apis: unknown): string {
  return `<script>self.__next_f.push(${JSON.stringify([1, `36:${JSON.stringify(["$", "$L56", null, { apis }])}\n`])})</script>`;
}

const entry = (name: string, price: Array<{ value: string; price_dollar: string }>) => ({
  name,
  type: "Open models",
  api_endpoint: null,
  licence: "Open model",
  context: null,
  price: price.map((line) => ({ ...line, price_euro: "" })),
});

describe("parseMistralPricing on the 2026-05-08 page", () => {
  it("prices 21 models and skips 16 non-token entries of the 37 in the catalogue", () => {
    expect(result.observations).toHaveLength(21);
    expect(result.skipped).toHaveLength(16);
    expect(result.observations.every((observation) => observation.provider === "mistral" && observation.currency === "USD" && observation.variant === "standard")).toBe(true);
  });

  it("reads USD input and output per 1M tokens", () => {
    expect(price("Mistral Large 3")).toMatchObject({ input: "0.5", output: "1.5", cacheRead: null, tiers: [], hints: { displayName: "Mistral Large 3", openWeights: true } });
    expect(price("Mistral Medium 3.5")).toMatchObject({ input: "1.5", output: "7.5", hints: { contextWindow: 128000 } });
    expect(price("Mistral Small 4")).toMatchObject({ input: "0.15", output: "0.6" });
    expect(price("Mistral Small 3.2")).toMatchObject({ input: "0.1", output: "0.3" });
    expect(price("Codestral")).toMatchObject({ input: "0.3", output: "0.9", hints: { openWeights: false } });
    expect(price("Magistral Medium")).toMatchObject({ input: "2", output: "5" });
    expect(price("Ministral 3 - 14B")).toMatchObject({ input: "0.2", output: "0.2" });
    expect(price("Pixtral Large")).toMatchObject({ input: "2", output: "6" });
    expect(price("Mixtral 8x22B")).toMatchObject({ input: "2", output: "6" });
  });

  it("takes the text price of audio-capable chat models, and 0 for a free endpoint", () => {
    expect(price("Voxtral Small")).toMatchObject({ input: "0.1", output: "0.3" });
    expect(price("Voxtral Mini")).toMatchObject({ input: "0.04", output: "0.04" });
    expect(price("Leanstral")).toMatchObject({ input: "0", output: "0" });
  });

  it("skips per-page, per-character, per-minute, embedding, classifier and tool entries", () => {
    expect(result.skipped).toContainEqual({ name: "OCR 3", reason: "not priced per token (OCR: $2 / 1000 pages + 50% off with batch-APIs)" });
    expect(result.skipped).toContainEqual({ name: "Voxtral TTS", reason: "not priced per token (Audio generation: $0.016 per 1k characters)" });
    expect(result.skipped).toContainEqual({ name: "Mistral Embed", reason: "embedding model" });
    expect(result.skipped).toContainEqual({ name: "Mistral Moderation", reason: "classifier (moderation / fine-tuned classification), not a chat model" });
    expect(result.skipped).toContainEqual({ name: "Web search", reason: "tool, not a model" });
  });

  it("decodes the $$ escape: the highlighted models grid agrees with the catalogue", () => {
    const rows = flightJsonRows(readFlightPayload(cheerio.load(page.body), "test"), "test");
    const highlightSchema = z.array(z.object({ name: z.string(), price: z.array(z.object({ price_dollar: z.string() })) }));
    const highlights = valuesUnderKey(rows, "models").flatMap((value) => highlightSchema.safeParse(value).data ?? []);
    const medium = highlights.find((highlight) => highlight.name === "Mistral Medium 3.5");
    expect(medium?.price.map((line) => line.price_dollar)).toEqual(["$$1.5", "$$7.5"]);
    expect(medium?.price.map((line) => unescapeFlightString(line.price_dollar))).toEqual(["$1.5", "$7.5"]);
    expect(unescapeFlightString("$L25")).toBe("$L25");
  });
});

describe("parseMistralPricing on fixtures", () => {
  it("reads a price snippet that the flight encoding escaped with $$", () => {
    const body = fixturePage([entry("Model A", [{ value: "Input (/M tokens)", price_dollar: "$$0.25" }, { value: "Output (/M tokens)", price_dollar: "$$1" }])]);
    expect(parseMistralPricing([{ name: "f", body }], context).observations).toMatchObject([{ model: "Model A", input: "0.25", output: "1" }]);
  });
});

describe("parseMistralPricing on a changed layout", () => {
  it("fails when the flight payload is removed", () => {
    const withoutPayload = page.body.replace(/<script>self\.__next_f\.push\([\s\S]*?<\/script>/g, "");
    expect(parseBody(withoutPayload)).toThrow(PayloadError);
    expect(parseBody(withoutPayload)).toThrow(/expected one "apis" price catalogue in the flight payload, found 0/);
    expect(parseBody("<html><body>Just a moment...</body></html>")).toThrow(PayloadError);
  });

  it("fails on an input price without an output price", () => {
    expect(parseBody(page.body.replaceAll("Output (/M tokens)", "Outcome"))).toThrow(/Mistral Large 3: an input price per M tokens without the output price/);
  });

  it("fails on a catalogue entry of an unexpected shape and on a truncated payload", () => {
    expect(() => parseMistralPricing([{ name: "f", body: fixturePage([{ name: "Model A" }]) }], context)).toThrow(/unexpected "apis" catalogue/);
    const truncated = page.body.replace(/\\"apis\\":\[[\s\S]{0,300}/, '\\"apis\\":[');
    expect(parseBody(truncated)).toThrow(/truncated or malformed flight row/);
  });

  it("fails when a token price is not a number per token", () => {
    const body = fixturePage([entry("Model A", [{ value: "Input (/M tokens)", price_dollar: "<p>$2 / 1000 pages</p>" }, { value: "Output (/M tokens)", price_dollar: "<p>$1</p>" }])]);
    expect(() => parseMistralPricing([{ name: "f", body }], context)).toThrow(/Model A Input \(\/M tokens\): not a per-token price/);
  });
});

import { describe, expect, it } from "vitest";
import { priceObservationSchema, type PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError, type ParseResult, type PayloadDocument } from "../source.ts";
import { openaiPricingSource } from "./index.ts";
import { parseOpenaiPricing } from "./parse.ts";

const APRIL = snapshotDocument("pages", "openai", "developers.openai.com_api_docs_pricing.2026-04-27.html");
const AUGUST = snapshotDocument("pages", "openai", "developers.openai.com_api_docs_pricing.2026-08-21.html");
const CHALLENGE = snapshotDocument("pages", "openai", "blocked", "platform.openai.com_docs_pricing.challenge-page.2026-05-08.html");

// Each recorded page is parsed once: they are about half a megabyte each.
const APRIL_RESULT = parseOpenaiPricing([APRIL]);
const AUGUST_RESULT = parseOpenaiPricing([AUGUST]);

function offering(result: ParseResult<PriceObservation>, model: string, variant: string): PriceObservation {
  const matches = result.observations.filter((entry) => entry.model === model && entry.variant === variant);
  expect(matches, `${model} (${variant})`).toHaveLength(1);
  return matches[0]!;
}

function prices(entry: PriceObservation) {
  const { input, cacheRead, cacheWrite, output, tiers } = entry;
  return { input, cacheRead, cacheWrite, output, tiers };
}

function countByVariant(result: ParseResult<PriceObservation>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of result.observations) counts[entry.variant] = (counts[entry.variant] ?? 0) + 1;
  return counts;
}

function skipReason(result: ParseResult<PriceObservation>, name: string): string | undefined {
  return result.skipped.find((entry) => entry.name === name)?.reason;
}

const UNKNOWN_TIER = { minInputTokens: 272000, input: null, cacheRead: null, cacheWrite: null, output: null };

describe("openai-pricing source", () => {
  it("is a first-party full snapshot of developers.openai.com/api/docs/pricing", () => {
    expect(openaiPricingSource).toMatchObject({ id: "openai-pricing", kind: "price", format: "html", authority: "first-party", fullSnapshot: true });
    expect(openaiPricingSource.urls).toEqual(["https://developers.openai.com/api/docs/pricing"]);
    for (const path of openaiPricingSource.replayPaths ?? []) expect(() => snapshotDocument(path)).not.toThrow();
  });
});

describe("parseOpenaiPricing on the 2026-04-27 page", () => {
  it("reads every listed model of the four tiers and the specialized models", () => {
    expect(countByVariant(APRIL_RESULT)).toEqual({ standard: 60, batch: 43, flex: 13, priority: 20 });
    expect(APRIL_RESULT.skipped).toHaveLength(42);
  });

  it("reads standard short-context prices and the long-context tier from the rendered table", () => {
    expect(prices(offering(APRIL_RESULT, "gpt-5.5", "standard"))).toEqual({
      input: "5",
      cacheRead: "0.5",
      cacheWrite: null,
      output: "30",
      tiers: [{ minInputTokens: 272000, input: "10", cacheRead: "1", cacheWrite: null, output: "45" }],
    });
    expect(prices(offering(APRIL_RESULT, "gpt-5.4-pro", "standard"))).toEqual({
      input: "30",
      cacheRead: null,
      cacheWrite: null,
      output: "180",
      tiers: [{ minInputTokens: 272000, input: "60", cacheRead: null, cacheWrite: null, output: "270" }],
    });
    expect(prices(offering(APRIL_RESULT, "gpt-5.4-mini", "standard"))).toEqual({ input: "0.75", cacheRead: "0.075", cacheWrite: null, output: "4.5", tiers: [] });
    expect(prices(offering(APRIL_RESULT, "gpt-4o", "standard"))).toEqual({ input: "2.5", cacheRead: "1.25", cacheWrite: null, output: "10", tiers: [] });
    expect(prices(offering(APRIL_RESULT, "o1-pro", "standard"))).toEqual({ input: "150", cacheRead: null, cacheWrite: null, output: "600", tiers: [] });
    expect(prices(offering(APRIL_RESULT, "gpt-3.5-turbo-16k-0613", "standard"))).toMatchObject({ input: "3", output: "4" });
  });

  it("reads the batch, flex and priority tiers", () => {
    expect(prices(offering(APRIL_RESULT, "gpt-5.4", "batch"))).toEqual({
      input: "1.25",
      cacheRead: "0.13",
      cacheWrite: null,
      output: "7.5",
      tiers: [{ minInputTokens: 272000, input: "2.5", cacheRead: "0.25", cacheWrite: null, output: "11.25" }],
    });
    expect(prices(offering(APRIL_RESULT, "gpt-5-nano", "batch"))).toMatchObject({ input: "0.025", cacheRead: "0.0025", output: "0.2" });
    expect(prices(offering(APRIL_RESULT, "o4-mini", "flex"))).toEqual({ input: "0.55", cacheRead: "0.138", cacheWrite: null, output: "2.2", tiers: [] });
    expect(prices(offering(APRIL_RESULT, "gpt-4o", "priority"))).toEqual({ input: "4.25", cacheRead: "2.125", cacheWrite: null, output: "17", tiers: [] });
  });

  it("keeps the threshold of a '(<272K context length)' row whose long-context price is not available", () => {
    expect(prices(offering(APRIL_RESULT, "gpt-5.5-pro", "batch"))).toEqual({ input: "15", cacheRead: null, cacheWrite: null, output: "90", tiers: [UNKNOWN_TIER] });
    expect(prices(offering(APRIL_RESULT, "gpt-5.5", "priority"))).toEqual({ input: "12.5", cacheRead: "1.25", cacheWrite: null, output: "75", tiers: [UNKNOWN_TIER] });
  });

  it("reads the specialized models, including a price cell with small print", () => {
    expect(prices(offering(APRIL_RESULT, "o3-deep-research", "standard"))).toMatchObject({ input: "10", cacheRead: "2.5", output: "40" });
    expect(prices(offering(APRIL_RESULT, "o3-deep-research", "batch"))).toMatchObject({ input: "5", cacheRead: null, output: "20" });
    expect(prices(offering(APRIL_RESULT, "gpt-5.3-codex", "priority"))).toMatchObject({ input: "3.5", cacheRead: "0.35", output: "28" });
    expect(prices(offering(APRIL_RESULT, "gpt-4o-mini-search-preview", "standard"))).toMatchObject({ input: "0.15", cacheRead: null, output: "0.6" });
    expect(prices(offering(APRIL_RESULT, "computer-use-preview", "standard"))).toMatchObject({ input: "3", output: "12" });
  });

  it("skips embeddings, moderation, audio, image, video, transcription, tools and fine-tuning", () => {
    expect(skipReason(APRIL_RESULT, "text-embedding-3-large")).toMatch(/^embedding model/);
    expect(skipReason(APRIL_RESULT, "text-moderation-latest")).toMatch(/^moderation model/);
    expect(skipReason(APRIL_RESULT, "gpt-realtime-1.5")).toMatch(/priced per modality/);
    expect(skipReason(APRIL_RESULT, "gpt-image-1")).toMatch(/priced per modality/);
    expect(skipReason(APRIL_RESULT, "sora-2-pro")).toMatch(/per second/);
    expect(skipReason(APRIL_RESULT, "gpt-4o-transcribe")).toMatch(/per minute/);
    expect(skipReason(APRIL_RESULT, "File search")).toMatch(/built-in tool/);
    expect(skipReason(APRIL_RESULT, "gpt-3.5-turbo")).toMatch(/^fine-tuning/);
    expect(APRIL_RESULT.observations.some((entry) => /embedding|moderation|realtime|image|sora|transcribe|tts/.test(entry.model))).toBe(false);
  });
});

describe("parseOpenaiPricing on the 2026-08-21 page", () => {
  it("reads every listed model of the four tiers, the cyber and the specialized models", () => {
    expect(countByVariant(AUGUST_RESULT)).toEqual({ standard: 41, batch: 34, flex: 16, priority: 19 });
    expect(AUGUST_RESULT.skipped).toHaveLength(45);
  });

  it("reads cache writes and the long-context tier of the latest models", () => {
    expect(prices(offering(AUGUST_RESULT, "gpt-5.6-sol", "standard"))).toEqual({
      input: "5",
      cacheRead: "0.5",
      cacheWrite: "6.25",
      output: "30",
      tiers: [{ minInputTokens: 272000, input: "10", cacheRead: "1", cacheWrite: "12.5", output: "45" }],
    });
    expect(prices(offering(AUGUST_RESULT, "gpt-5.6-terra", "standard"))).toEqual({
      input: "2",
      cacheRead: "0.2",
      cacheWrite: "2.5",
      output: "12",
      tiers: [{ minInputTokens: 272000, input: "4", cacheRead: "0.4", cacheWrite: "5", output: "18" }],
    });
    expect(prices(offering(AUGUST_RESULT, "gpt-5.6-sol", "batch"))).toEqual({
      input: "2.5",
      cacheRead: "0.25",
      cacheWrite: "3.125",
      output: "15",
      tiers: [{ minInputTokens: 272000, input: "5", cacheRead: "0.5", cacheWrite: "6.25", output: "22.5" }],
    });
  });

  it("reads the renamed Fast mode tier as the priority variant", () => {
    expect(prices(offering(AUGUST_RESULT, "gpt-5.6-luna", "priority"))).toEqual({
      input: "0.4",
      cacheRead: "0.04",
      cacheWrite: "0.5",
      output: "2.4",
      tiers: [{ minInputTokens: 272000, input: "0.8", cacheRead: "0.08", cacheWrite: "1", output: "3.6" }],
    });
    expect(prices(offering(AUGUST_RESULT, "gpt-4o-2024-05-13", "priority"))).toEqual({ input: "8.75", cacheRead: null, cacheWrite: null, output: "26.25", tiers: [] });
    expect(AUGUST_RESULT.observations.some((entry) => entry.variant === "fast")).toBe(false);
  });

  it("reads models without cache writes from rows one cell shorter", () => {
    expect(prices(offering(AUGUST_RESULT, "gpt-5.2", "standard"))).toEqual({ input: "1.75", cacheRead: "0.175", cacheWrite: null, output: "14", tiers: [] });
    expect(prices(offering(AUGUST_RESULT, "gpt-5.4-nano", "flex"))).toEqual({ input: "0.1", cacheRead: "0.01", cacheWrite: null, output: "0.625", tiers: [] });
    expect(prices(offering(AUGUST_RESULT, "gpt-5.5", "standard"))).toEqual({ input: "5", cacheRead: "0.5", cacheWrite: null, output: "30", tiers: [UNKNOWN_TIER] });
  });

  it("reads the cyber models, once for gpt-5.6-sol which is also a flagship model", () => {
    expect(prices(offering(AUGUST_RESULT, "gpt-5.6-cyber", "standard"))).toEqual({ input: "12.5", cacheRead: "1.25", cacheWrite: "15.625", output: "75", tiers: [] });
    expect(prices(offering(AUGUST_RESULT, "gpt-5.5-cyber", "standard"))).toEqual({ input: "12.5", cacheRead: "1.25", cacheWrite: null, output: "75", tiers: [] });
    expect(skipReason(AUGUST_RESULT, "gpt-5.4-cyber")).toBe("listed without any price");
  });

  it("reads the specialized models", () => {
    expect(prices(offering(AUGUST_RESULT, "chat-latest", "standard"))).toMatchObject({ input: "5", cacheRead: "0.5", output: "30" });
    expect(prices(offering(AUGUST_RESULT, "gpt-5-search-api", "standard"))).toMatchObject({ input: "1.25", cacheRead: "0.125", output: "10" });
    expect(prices(offering(AUGUST_RESULT, "gpt-5.3-codex", "priority"))).toMatchObject({ input: "3.5", cacheRead: "0.35", output: "28" });
    expect(skipReason(AUGUST_RESULT, "omni-moderation-latest")).toMatch(/^moderation model/);
    expect(skipReason(AUGUST_RESULT, "gpt-realtime-translate")).toMatch(/per minute/);
  });
});

describe("parseOpenaiPricing observations", () => {
  it("are valid first-party USD observations named as the page writes them", () => {
    for (const result of [APRIL_RESULT, AUGUST_RESULT]) {
      for (const entry of result.observations) {
        expect(priceObservationSchema.parse(entry)).toEqual(entry);
        expect(entry).toMatchObject({ provider: "openai", currency: "USD", region: "", cacheWrite1h: null });
        expect(entry.model).not.toMatch(/context length|\s/);
        expect(entry.hints).toEqual({ displayName: entry.model, creator: "openai" });
      }
    }
  });
});

/** Astro's props serialisation: every value a [type, value] pair, HTML-escaped into the attribute. */
function astroProps(props: Record<string, unknown>): string {
  const serialise = (value: unknown): unknown =>
    Array.isArray(value)
      ? [1, value.map(serialise)]
      : typeof value === "object" && value !== null
        ? [0, Object.fromEntries(Object.entries(value).map(([key, field]) => [key, serialise(field)]))]
        : [0, value];
  const json = JSON.stringify(Object.fromEntries(Object.entries(props).map(([key, value]) => [key, serialise(value)])));
  return json.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
}

function fixturePage(rows: unknown[][], renderedRows: string[][]): PayloadDocument {
  const header =
    '<thead><tr><th></th><th colspan="3">Short context</th><th colspan="3">Long context</th></tr>' +
    "<tr><th>Model</th><th>Input</th><th>Cached input</th><th>Output</th><th>Input</th><th>Cached input</th><th>Output</th></tr></thead>";
  const body = renderedRows.map((cells) => `<tr>${cells.map((cell) => `<td><span>${cell}</span></td>`).join("")}</tr>`).join("");
  const island = `<astro-island component-export="TextTokenPricingTables" props="${astroProps({ tier: "standard", rows })}"><table>${header}<tbody>${body}</tbody></table></astro-island>`;
  return { name: "fixture.html", body: `<html><body><p>Prices per 1M tokens.</p><div class="content-switcher-panes"><div data-value="standard">${island}</div></div></body></html>` };
}

describe("parseOpenaiPricing on hand-written pages", () => {
  it("reads 'Free' as 0 and a row's own context threshold", () => {
    const page = fixturePage(
      [
        ["gpt-x (<128K context length)", 1, 0.1, 4],
        ["gpt-free", "Free", "-", "Free"],
      ],
      [["gpt-x", "$1.00", "$0.10", "$4.00", "$2.00", "-", "$8.00"]],
    );
    const { observations } = parseOpenaiPricing([page]);
    expect(observations.map(prices)).toEqual([
      { input: "1", cacheRead: "0.1", cacheWrite: null, output: "4", tiers: [{ minInputTokens: 128000, input: "2", cacheRead: null, cacheWrite: null, output: "8" }] },
      { input: "0", cacheRead: null, cacheWrite: null, output: "0", tiers: [] },
    ]);
  });

  it("fails on a long-context price without any stated threshold", () => {
    const page = fixturePage([["gpt-x", 1, 0.1, 4]], [["gpt-x", "$1.00", "$0.10", "$4.00", "$2.00", "-", "$8.00"]]);
    expect(() => parseOpenaiPricing([page])).toThrow(/gpt-x \(standard\): a long-context price but no stated threshold/);
  });

  it("fails on a price that is not per token, or negative", () => {
    expect(() => parseOpenaiPricing([fixturePage([["gpt-x", "$0.006 / minute", null, 4]], [])])).toThrow(/expected a price per 1M tokens like "\$1.25", found "\$0.006 \/ minute"/);
    expect(() => parseOpenaiPricing([fixturePage([["gpt-x", -1, null, 4]], [])])).toThrow(/negative price -1/);
  });
});

describe("parseOpenaiPricing failures", () => {
  // One parse per case: the real pages take a few hundred milliseconds each.
  const expectPayloadError = (document: PayloadDocument, message: RegExp) => {
    let thrown: unknown;
    try {
      parseOpenaiPricing([document]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PayloadError);
    expect((thrown as PayloadError).message).toMatch(message);
  };
  // Most cases edit only the page's <article>, which holds every pricing table: half the page, half the parse time.
  const article = AUGUST.body.slice(AUGUST.body.indexOf("<article"), AUGUST.body.lastIndexOf("</article>") + "</article>".length);
  const editedAugust = (edit: (body: string) => string): PayloadDocument => ({ name: AUGUST.name, body: edit(article) });

  it("reads the article alone as it reads the whole page", () => {
    expect(parseOpenaiPricing([{ name: AUGUST.name, body: article }])).toEqual(AUGUST_RESULT);
  });

  it("reports the recorded bot-challenge page as blocked, not as an empty list", () => {
    expectPayloadError(CHALLENGE, /openai-pricing: blocked by a bot challenge.*challenge-page/);
  });

  it("fails when the pricing tables are removed from the real page", () => {
    const withoutTables = AUGUST.body.replace(/<table\b[\s\S]*?<\/table>/g, "");
    expectPayloadError({ name: AUGUST.name, body: withoutTables }, /TextTokenPricingTables \(standard\): no server-rendered pricing table/);
  });

  it("fails when the islands lose their props", () => {
    expectPayloadError(editedAugust((body) => body.replaceAll(" props=", " data-props=")), /island has no props/);
  });

  it("fails when the unit note is gone", () => {
    expectPayloadError(editedAugust((body) => body.replaceAll("Prices per 1M tokens", "Prices per 1K tokens")), /unit note is missing/);
  });

  it("fails on a model with an input price but no output price", () => {
    const withoutOutput = (body: string) => body.replace("[0,&quot;gpt-5.2&quot;],[0,1.75],[0,0.175],[0,14]", "[0,&quot;gpt-5.2&quot;],[0,1.75],[0,0.175],[0,&quot;-&quot;]");
    expectPayloadError(editedAugust(withoutOutput), /gpt-5.2 \(standard\): input 1.75 and output missing/);
  });

  it("fails when the rendered table contradicts the props", () => {
    expectPayloadError(editedAugust((body) => body.replace("[0,&quot;gpt-5.6-sol&quot;],[0,5],", "[0,&quot;gpt-5.6-sol&quot;],[0,6],")), /gpt-5.6-sol: rendered input 5 differs from the listed 6/);
  });

  it("fails when one offering is priced differently in two tables", () => {
    const cyberRow = "[[0,5],[0,0.5],[0,6.25],[0,30],[0,10],[0,1],[0,12.5],[0,45]]";
    expect(AUGUST.body).toContain(cyberRow);
    expectPayloadError(editedAugust((body) => body.replace(cyberRow, cyberRow.replace("[0,30]", "[0,31]"))), /gpt-5.6-sol \(standard\) is priced differently in two tables/);
  });

  it("fails on two different long-context thresholds", () => {
    expectPayloadError(editedAugust((body) => body.replace("(&lt;272K context length)", "(&lt;128K context length)")), /several long-context thresholds: 272000, 128000/);
  });

  it("fails on an unknown service tier or an unrecognised pricing table", () => {
    expectPayloadError(editedAugust((body) => body.replaceAll('data-value="flex"', 'data-value="turbo"')), /unknown service-tier pane "turbo"/);
    expectPayloadError(editedAugust((body) => body.replaceAll("Price per second", "Price per frame")), /unrecognised pricing table with columns Model \| Size/);
  });

  it("fails on a page without pricing tables or an empty document list", () => {
    expectPayloadError({ name: "empty.html", body: "<html><body><h1>Pricing</h1></body></html>" }, /no pricing tables/);
    expect(() => parseOpenaiPricing([])).toThrow(PayloadError);
  });
});

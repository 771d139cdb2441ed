import { describe, expect, it } from "vitest";
import { priceObservationSchema, type PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { anthropicPricingSource } from "./index.ts";
import { parseAnthropicPricing } from "./parse.ts";

const PAGE = snapshotDocument("pages", "anthropic", "claude.com_pricing.2026-05-08.html");
const RESULT = parseAnthropicPricing([PAGE]);

function card(model: string): PriceObservation {
  const matches = RESULT.observations.filter((entry) => entry.model === model);
  expect(matches, model).toHaveLength(1);
  return matches[0]!;
}

function prices(entry: PriceObservation) {
  const { input, output, cacheWrite, cacheWrite1h, cacheRead } = entry;
  return { input, output, cacheWrite, cacheWrite1h, cacheRead };
}

describe("anthropic-pricing source", () => {
  it("is a first-party full snapshot of claude.com/pricing", () => {
    expect(anthropicPricingSource).toMatchObject({ id: "anthropic-pricing", kind: "price", format: "html", authority: "first-party", fullSnapshot: true });
    expect(anthropicPricingSource.urls).toEqual(["https://claude.com/pricing"]);
    for (const path of anthropicPricingSource.replayPaths ?? []) expect(() => snapshotDocument(path)).not.toThrow();
  });
});

describe("parseAnthropicPricing on the 2026-05-08 page", () => {
  it("reads the 9 API model cards, latest then legacy, as the page names them", () => {
    expect(RESULT.observations.map((entry) => entry.model)).toEqual(["Opus 4.7", "Sonnet 4.6", "Haiku 4.5", "Opus 4.6", "Sonnet 4.5", "Opus 4.5", "Opus 4.1", "Sonnet 4", "Opus 4"]);
  });

  it("reads input, output and the 5-minute cache write and read of each card", () => {
    expect(prices(card("Opus 4.7"))).toEqual({ input: "5", output: "25", cacheWrite: "6.25", cacheWrite1h: null, cacheRead: "0.5" });
    expect(prices(card("Sonnet 4.6"))).toEqual({ input: "3", output: "15", cacheWrite: "3.75", cacheWrite1h: null, cacheRead: "0.3" });
    expect(prices(card("Haiku 4.5"))).toEqual({ input: "1", output: "5", cacheWrite: "1.25", cacheWrite1h: null, cacheRead: "0.1" });
    expect(prices(card("Opus 4.1"))).toEqual({ input: "15", output: "75", cacheWrite: "18.75", cacheWrite1h: null, cacheRead: "1.5" });
    expect(prices(card("Sonnet 4"))).toEqual({ input: "3", output: "15", cacheWrite: "3.75", cacheWrite1h: null, cacheRead: "0.3" });
    expect(prices(card("Opus 4"))).toEqual({ input: "15", output: "75", cacheWrite: "18.75", cacheWrite1h: null, cacheRead: "1.5" });
  });

  it("emits valid standard-tier USD observations only (batch prices are not in the static HTML)", () => {
    for (const entry of RESULT.observations) {
      expect(priceObservationSchema.parse(entry)).toEqual(entry);
      expect(entry).toMatchObject({ provider: "anthropic", variant: "standard", currency: "USD", tiers: [] });
      expect(entry.hints).toEqual({ displayName: entry.model, creator: "anthropic" });
    }
  });

  it("skips the subscription plans and the platform features", () => {
    expect(RESULT.skipped.map((entry) => entry.name)).toEqual(["Free", "Pro", "Max", "Team", "Enterprise", "Managed Agents", "Web search", "Code execution"]);
    expect(RESULT.skipped[0]?.reason).toMatch(/subscription plan/);
    expect(RESULT.skipped[5]?.reason).toMatch(/not per token/);
  });
});

const CARD_ROW = (label: string, amount: string) =>
  `<div class="tokens_main_wrap"><div class="tokens_main_label">${label}</div><div data-api-price="" class="tokens_main_val"><span class="tokens_main_val_span">$</span><span data-value="${amount}" class="tokens_main_val_number">${amount}</span><span class="tokens_main_val_span">&nbsp;/ MTok</span></div></div>`;

function fixturePage(rows: string): PayloadDocument {
  const body = `<!DOCTYPE html><html><body><div class="tab_panel">
    <div class="card_pricing_api_wrap"><h3 class="card_pricing_title_text">Haiku 9</h3>${rows}</div>
    <p>Prompt caching pricing reflects 5-minute TTL. Learn about extended prompt caching.</p></div></body></html>`;
  return { name: "fixture.html", body };
}

const FULL_CARD = [
  CARD_ROW("Input", "0.80"),
  CARD_ROW("Output", "4"),
  '<div class="tokens_main_wrap"><div class="tokens_main_label">Prompt caching</div></div>',
  CARD_ROW("Write", "1"),
  CARD_ROW("Read", "0.08"),
].join("");

describe("parseAnthropicPricing on hand-written cards", () => {
  it("reads a card and ignores the Prompt caching heading row", () => {
    const [entry] = parseAnthropicPricing([fixturePage(FULL_CARD)]).observations;
    expect(entry && prices(entry)).toEqual({ input: "0.8", output: "4", cacheWrite: "1", cacheWrite1h: null, cacheRead: "0.08" });
  });
});

describe("parseAnthropicPricing failures", () => {
  // One parse per case: the real page takes most of a second to load.
  const expectPayloadError = (document: PayloadDocument, message: RegExp) => {
    let thrown: unknown;
    try {
      parseAnthropicPricing([document]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PayloadError);
    expect((thrown as PayloadError).message).toMatch(message);
  };

  it("fails when the API cards are removed from the real page", () => {
    const withoutCards = PAGE.body.replaceAll("card_pricing_api_wrap", "card_removed");
    expectPayloadError({ name: PAGE.name, body: withoutCards }, /no API model cards.*claude\.com_pricing/);
  });

  it("fails when the note on the cache-write duration is gone", () => {
    expectPayloadError({ name: PAGE.name, body: PAGE.body.replaceAll("5-minute TTL", "TTL") }, /5-minute TTL is missing/);
  });

  it("fails on a card with an input price but no output price", () => {
    expectPayloadError(fixturePage(FULL_CARD.replace(CARD_ROW("Output", "4"), "")), /"Haiku 9": needs both an Input and an Output price/);
  });

  it("fails on an unknown price row or a price in another unit", () => {
    expectPayloadError(fixturePage(FULL_CARD + CARD_ROW("Thinking", "2")), /unknown price row "Thinking"/);
    expectPayloadError(fixturePage(FULL_CARD.replace("&nbsp;/ MTok", "&nbsp;/ KTok")), /expected "\$0.80 \/ MTok", shown "\$0.80 \/ KTok"/);
  });

  it("fails on an amount that is not a decimal, or a card without a name", () => {
    expectPayloadError(fixturePage(FULL_CARD.replace('data-value="4"', 'data-value="four"')), /a decimal data-value/);
    expectPayloadError({ name: "x.html", body: fixturePage(FULL_CARD).body.replace("Haiku 9", "") }, /expected shape/);
  });

  it("fails on a bot-challenge page or an empty document list", () => {
    expectPayloadError({ name: "challenge.html", body: "<html><body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>" }, /no API model cards/);
    expect(() => parseAnthropicPricing([])).toThrow(PayloadError);
  });
});

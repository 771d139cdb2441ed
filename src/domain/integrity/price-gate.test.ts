import { describe, expect, it } from "vitest";
import type { PriceValue } from "../prices/price-value.ts";
import { gatePriceRun, type CurrentPrice, type GateObservation, type OtherPrice, type PriceGateInput } from "./price-gate.ts";
import { DEFAULT_INTEGRITY } from "./thresholds.ts";

const price = (input: string | null, output: string | null, currency: PriceValue["currency"] = "USD"): PriceValue => ({
  currency,
  input,
  output,
  cacheRead: null,
  cacheWrite: null,
  cacheWrite1h: null,
  tiers: [],
});
const key = (model: string, provider = "openai") => `${provider}|openai/${model}|standard|`;
const seen = (model: string, value: PriceValue, validTo: Date | null = null): GateObservation => ({
  key: key(model),
  providerId: "openai",
  rawName: model,
  value,
  validTo,
});
const current = (model: string, value: PriceValue, offeringId = 1, provider = "openai"): CurrentPrice => ({
  key: key(model, provider),
  offeringId,
  providerId: provider,
  modelId: `openai/${model}`,
  value,
});
const other = (model: string, sourceId: string, value: PriceValue): OtherPrice => ({ key: key(model), offeringId: 1, sourceId, value });

function gate(input: Partial<PriceGateInput<GateObservation>> & Pick<PriceGateInput<GateObservation>, "observations">) {
  return gatePriceRun({
    sourceId: "litellm",
    thresholds: DEFAULT_INTEGRITY,
    delists: true,
    current: [],
    others: [],
    releases: [],
    shrinkReleases: [],
    protectedModels: new Set(),
    ...input,
  });
}

/** n models priced 1/2 now, for runs where a few of them move. */
const book = (n: number) => Array.from({ length: n }, (_, i) => current(`m${i}`, price("1", "2"), i + 1));
const sameBook = (n: number) => Array.from({ length: n }, (_, i) => seen(`m${i}`, price("1", "2")));

describe("gatePriceRun: value bounds", () => {
  it.each([
    ["1e406 (the OpenRouter \"1e400\" per token)", price(`1${"0".repeat(406)}`, "2"), /above the bound of 10000/],
    ["a negative price", price("-1", "2"), /input -1 is negative/],
    ["a value above $10,000 per 1M", price("1", "10000.01"), /output 10000\.01 USD per 1M is above the bound/],
    ["text that is not a number", price("abc", "2"), /not a number/],
  ])("rejects %s per entry and keeps its offering listed", (_, value, reason) => {
    const verdict = gate({ observations: [seen("gpt-4o", value)], current: [current("gpt-4o", price("2.5", "10"))] });
    expect(verdict).toMatchObject({ ok: true, write: [], held: [], rejected: [{ reason: expect.stringMatching(reason) }] });
    expect(verdict.ok && verdict.keepListed.has(key("gpt-4o"))).toBe(true);
  });

  it("bounds CNY prices by their own currency's limit", () => {
    const verdict = gate({ observations: [seen("glm", price("60000", "2", "CNY"))] });
    expect(verdict).toMatchObject({ ok: true, rejected: [], write: [expect.anything()] });
  });
});

describe("gatePriceRun: jumps", () => {
  it.each([
    ["1000x up", price("2500", "10000")],
    ["1000x down", price("0.0025", "0.01")],
    ["exactly 10x", price("25", "10")],
  ])("holds a price that moves %s against the previous value, with the reason", (_, value) => {
    const verdict = gate({ observations: [...sameBook(20), seen("gpt-4o", value)], current: [...book(20), current("gpt-4o", price("2.5", "10"), 99)] });
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.held).toEqual([
      { observation: expect.objectContaining({ rawName: "gpt-4o" }), offeringId: 99, previous: price("2.5", "10"), reason: expect.stringMatching(/^input .* against the previous value$/) },
    ]);
    expect(verdict.write).toHaveLength(20);
    expect(verdict.keepListed.has(key("gpt-4o"))).toBe(true);
  });

  it("lets no other name of an offering move its price when one of its names is rejected or held", () => {
    const alias = (value: PriceValue): GateObservation => ({ ...seen("gpt-4o", value), rawName: "openai/gpt-4o" });
    const rejected = gate({ observations: [seen("gpt-4o", price("-2.5", "10")), alias(price("3", "12"))], current: [current("gpt-4o", price("2.5", "10"))] });
    expect(rejected).toMatchObject({ ok: true, write: [], rejected: [{ observation: { rawName: "gpt-4o" } }] });
    const held = gate({ observations: [seen("gpt-4o", price("2500", "10000")), alias(price("3", "12"))], current: [current("gpt-4o", price("2.5", "10"))] });
    expect(held).toMatchObject({ ok: true, write: [], held: [{ observation: { rawName: "gpt-4o" } }] });
    // Another offering of the run is written as usual.
    const apart = gate({ observations: [seen("gpt-4o", price("-1", "10")), seen("o3", price("2", "8"))], current: [current("gpt-4o", price("2.5", "10"))] });
    expect(apart.ok && apart.write.map((observation) => observation.rawName)).toEqual(["o3"]);
  });

  it("holds a cache price that moves 10x while the headline stays", () => {
    const cached = (cacheRead: string) => ({ ...price("2.5", "10"), cacheRead });
    const verdict = gate({ observations: [seen("gpt-4o", cached("1250"))], current: [current("gpt-4o", cached("1.25"))] });
    expect(verdict).toMatchObject({ ok: true, held: [{ reason: "cacheRead 1.25 -> 1250 (1000x) against the previous value" }] });
  });

  it("lets a move just under 10x through", () => {
    const verdict = gate({ observations: [seen("gpt-4o", price("24.9", "99"))], current: [current("gpt-4o", price("2.5", "10"))] });
    expect(verdict).toMatchObject({ ok: true, held: [], write: [expect.anything()] });
  });

  it("never compares free or unknown amounts, nor other currencies", () => {
    const verdict = gate({
      observations: [seen("a", price("0", "5")), seen("b", price(null, "5")), seen("c", price("100", "200", "CNY"))],
      current: [current("a", price("3", "5"), 1), current("b", price("0.01", "5"), 2), current("c", price("1", "2"), 3)],
    });
    expect(verdict).toMatchObject({ ok: true, held: [] });
  });

  it("holds a new offering 10x away from every one of two or more other sources", () => {
    const others = [other("gpt-4o", "openrouter", price("2.5", "10")), other("gpt-4o", "modelsdev", price("2.5", "10"))];
    const verdict = gate({ observations: [seen("gpt-4o", price("2500", "10000"))], others });
    expect(verdict).toMatchObject({ ok: true, held: [{ reason: expect.stringMatching(/against 2 other sources \(modelsdev, openrouter\)/) }] });
  });

  it("does not hold against a single other source", () => {
    const verdict = gate({ observations: [seen("gpt-4o", price("2500", "10000"))], others: [other("gpt-4o", "openrouter", price("2.5", "10"))] });
    expect(verdict).toMatchObject({ ok: true, held: [], write: [expect.anything()] });
  });

  it("keeps an unchanged price even when other sources disagree with it", () => {
    const others = [other("gpt-4o", "openrouter", price("2.5", "10")), other("gpt-4o", "modelsdev", price("2.5", "10"))];
    const verdict = gate({ observations: [seen("gpt-4o", price("25", "100"))], current: [current("gpt-4o", price("25", "100"))], others });
    expect(verdict).toMatchObject({ ok: true, held: [], write: [expect.anything()] });
  });

  it("writes a jump another source confirms, and says who confirmed it", () => {
    const verdict = gate({
      observations: [seen("gpt-4o", price("25", "100"))],
      current: [current("gpt-4o", price("2.5", "10"))],
      others: [other("gpt-4o", "openai-pricing", price("25", "100"))],
    });
    expect(verdict).toMatchObject({ ok: true, held: [], settled: [{ key: key("gpt-4o"), status: "confirmed", by: "openai-pricing" }] });
  });

  it("writes a jump a reviewed release names, with the release's reason", () => {
    const verdict = gate({
      observations: [seen("gpt-4o", price("25", "100"))],
      current: [current("gpt-4o", price("2.5", "10"))],
      releases: [{ source: "litellm", raw: "gpt-4o", input: "25", output: "100", reason: "price raised on 2026-09-01" }],
    });
    expect(verdict).toMatchObject({ ok: true, held: [], settled: [{ status: "released", by: "release: price raised on 2026-09-01" }] });
  });

  it("does not apply a release to another value or another source", () => {
    const releases = [{ source: "openrouter", raw: "gpt-4o", input: "25", output: "100", reason: "r" }, { source: "litellm", raw: "gpt-4o", input: "25", output: "101", reason: "r" }];
    const verdict = gate({ observations: [seen("gpt-4o", price("25", "100"))], current: [current("gpt-4o", price("2.5", "10"))], releases });
    expect(verdict).toMatchObject({ ok: true, held: [expect.anything()] });
  });

  it("does not check a closed dated period (history) for jumps", () => {
    const verdict = gate({ observations: [seen("gpt-4o", price("25", "100"), new Date("2024-01-01"))], current: [current("gpt-4o", price("2.5", "10"))] });
    expect(verdict).toMatchObject({ ok: true, held: [], write: [expect.anything()] });
  });
});

describe("gatePriceRun: unit errors", () => {
  it("fails the run when more than 20% of the comparable entries jump", () => {
    const observations = sameBook(10).map((entry, i) => (i < 3 ? { ...entry, value: price("1000", "2000") } : entry));
    const verdict = gate({ observations, current: book(10) });
    expect(verdict).toMatchObject({ ok: false, kind: "unit-error", message: expect.stringMatching(/^unit error: 3 of 10 comparable prices \(30%\)/) });
  });

  it("holds, but does not fail, when 20% or fewer jump", () => {
    const observations = sameBook(10).map((entry, i) => (i < 2 ? { ...entry, value: price("1000", "2000") } : entry));
    expect(gate({ observations, current: book(10) })).toMatchObject({ ok: true, held: [expect.anything(), expect.anything()] });
  });

  it("needs a few jumps before calling it a unit error", () => {
    const observations = sameBook(4).map((entry, i) => (i < 2 ? { ...entry, value: price("1000", "2000") } : entry));
    expect(gate({ observations, current: book(4) })).toMatchObject({ ok: true, held: [expect.anything(), expect.anything()] });
  });
});

describe("gatePriceRun: shrink", () => {
  it("fails a full snapshot that keeps fewer than 80% of the current offerings", () => {
    const verdict = gate({ observations: sameBook(79), current: book(100) });
    expect(verdict).toMatchObject({ ok: false, kind: "shrink", message: expect.stringMatching(/lists 79 of the 100 .* would delist 21/) });
  });

  it("lets a full snapshot that keeps 80% through", () => {
    expect(gate({ observations: sameBook(80), current: book(100) })).toMatchObject({ ok: true });
  });

  it("fails a full snapshot that would delist more than 200, whatever the share", () => {
    expect(gate({ observations: sameBook(1799), current: book(2000) })).toMatchObject({ ok: false, kind: "shrink" });
    expect(gate({ observations: sameBook(1800), current: book(2000) })).toMatchObject({ ok: true });
  });

  it("counts whole sellers the payload no longer lists as missing, though it would delist only its own sellers'", () => {
    const hosts = Array.from({ length: 50 }, (_, i) => current(`h${i}`, price("1", "1"), 1000 + i, "together"));
    expect(gate({ observations: sameBook(10), current: [...book(10), ...hosts] })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/lists 10 of the 60 offerings .* would delist 0 /),
    });
    expect(gate({ observations: sameBook(50), current: [...book(50), ...hosts.slice(0, 10)] })).toMatchObject({ ok: true });
  });

  it("does not count offerings of rejected, held or parser-skipped entries as lost", () => {
    const observations = [...sameBook(70), ...Array.from({ length: 30 }, (_, i) => seen(`m${70 + i}`, price("-1", "2")))];
    expect(gate({ observations, current: book(100) })).toMatchObject({ ok: true });
    const protectedModels = new Set(Array.from({ length: 30 }, (_, i) => `openai/m${70 + i}`));
    const verdict = gate({ observations: sameBook(70), current: book(100), protectedModels });
    expect(verdict.ok && verdict.keepListed.size).toBe(30);
  });

  it("names a few of the offerings it would delist, for the reviewer", () => {
    const verdict = gate({ observations: sameBook(70), current: book(100) });
    expect(verdict).toMatchObject({ ok: false, message: expect.stringMatching(/missing e\.g\. openai\|openai\/m70\|standard, openai\|openai\/m71\|standard, /) });
  });

  it("accepts a shrink a reviewed entry allows, up to the loss it states", () => {
    const shrink = { source: "litellm", from: "2026-08-21", lost: 30, reason: "legacy models dropped" };
    expect(gate({ observations: sameBook(70), current: book(100), shrinkReleases: [shrink] })).toMatchObject({ ok: true });
    expect(gate({ observations: sameBook(69), current: book(100), shrinkReleases: [shrink] })).toMatchObject({ ok: false, kind: "shrink" });
  });

  it("is not checked when the run does not delist (not a full snapshot, or history)", () => {
    expect(gate({ observations: sameBook(10), current: book(100), delists: false })).toMatchObject({ ok: true });
  });
});

/**
 * The pure rules added to issue 13's offers: freshness by each source's schedule from the
 * payload's own date, lifecycle from the sources' own fields merged with the reviewed file
 * and delisting, prices far from the model's other sellers, and the currency rule.
 */
import { describe, expect, it } from "vitest";
import { expirationSignal } from "../../scrapers/openrouter/lifecycle.ts";
import { statusSignal } from "../../scrapers/modelsdev/lifecycle.ts";
import { consolidate, type SourcedPrice } from "../../src/domain/prices/consolidate.ts";
import { FRESH_RUNS, isFresh, sourceInterval } from "../../src/domain/prices/freshness.ts";
import { exclusionOf } from "../../src/domain/prices/eligibility.ts";
import { marketReasons, type MarketPrice } from "../../src/domain/prices/suspect.ts";
import { delistingOf } from "../../src/domain/lifecycle/delisting.ts";
import { lifecycleAt } from "../../src/domain/lifecycle/lifecycle.ts";
import { offeringLifecycle, type StoredSignal } from "../../src/domain/lifecycle/merge.ts";

const HOUR = 60 * 60 * 1000;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("freshness", () => {
  it("derives each source's interval from its cron and keeps a price fresh for k = 3 intervals", () => {
    expect(FRESH_RUNS).toBe(3);
    expect(sourceInterval("openrouter")).toBe(HOUR); // "7 * * * *"
    expect(sourceInterval("litellm")).toBe(24 * HOUR); // "17 3 * * *"
    expect(isFresh(day("2026-08-18"), day("2026-08-21"), sourceInterval("litellm"))).toBe(true);
    expect(isFresh(day("2026-08-17"), day("2026-08-21"), sourceInterval("litellm"))).toBe(false);
    expect(isFresh(new Date("2026-08-21T00:00:00Z"), new Date("2026-08-21T03:00:00Z"), sourceInterval("openrouter"))).toBe(true);
    expect(isFresh(new Date("2026-08-21T00:00:00Z"), new Date("2026-08-21T03:00:01Z"), sourceInterval("openrouter"))).toBe(false);
  });

  it("judges payloads against each other by their own dates, never against the day they are read", () => {
    const row = (source: string, authority: string, seen: string, input: string): SourcedPrice => ({ offeringId: 1, provider: "openai", source, authority, lastSeenAt: new Date(seen), input, output: "8" });
    // Both observed in 2025, read today: the first-party page is 2 days older than LiteLLM, within its 3 daily runs.
    const [fresh] = consolidate([row("openai-pricing", "first-party", "2025-03-01", "2"), row("openrouter", "aggregator", "2025-03-03", "1.5")]);
    expect(fresh).toMatchObject({ source: "openai-pricing", disagreeingSources: ["openrouter"] });
    // Four days older: stale, and the aggregator's newer change wins.
    const [stale] = consolidate([row("openai-pricing", "first-party", "2025-03-01", "2"), row("openrouter", "aggregator", "2025-03-05", "1.5")]);
    expect(stale!.source).toBe("openrouter");
    // An hourly source seen 4 hours before the newest sighting no longer counts as disagreeing.
    const [chosen] = consolidate([row("litellm", "community", "2025-03-05T04:00:00Z", "1.5"), row("openrouter", "aggregator", "2025-03-05T00:00:00Z", "1.6")]);
    expect(chosen!.disagreeingSources).toEqual(chosen!.source === "litellm" ? [] : ["litellm"]);
  });
});

describe("lifecycle from the sources' own fields", () => {
  it("reads OpenRouter's expiration_date and models.dev's status", () => {
    expect(expirationSignal("2026-03-31")).toEqual({ stage: "retired", from: "2026-03-31", note: "OpenRouter expiration_date 2026-03-31" });
    expect(expirationSignal("2098-12-31")).toBeNull();
    expect(expirationSignal(null)).toBeNull();
    expect(statusSignal("deprecated")).toMatchObject({ stage: "deprecated", from: null });
    expect(statusSignal("beta")).toMatchObject({ stage: "preview" });
    expect(statusSignal("alpha")).toMatchObject({ stage: "preview" });
    expect(statusSignal(undefined)).toBeNull();
  });

  const expiry: StoredSignal = { source: "openrouter", provider: "openrouter", stage: "retired", effectiveAt: day("2026-03-31"), firstSeenAt: day("2026-02-27"), note: "OpenRouter expiration_date 2026-03-31" };
  const lab: StoredSignal = { source: "modelsdev", provider: "anthropic", stage: "deprecated", effectiveAt: null, firstSeenAt: day("2026-06-13"), note: 'models.dev status "deprecated"' };

  it("an announced expiration is deprecated until its date and retired after, for that seller's offering only", () => {
    const before = offeringLifecycle({ model: "acme/model-1", provider: "openrouter", creator: "acme", at: day("2026-03-01"), signals: [expiry], delisting: null });
    expect(before).toMatchObject({ stage: "deprecated", basis: "source", seller: "openrouter", since: "2026-02-27T00:00:00.000Z", next: { stage: "retired", from: "2026-03-31T00:00:00.000Z" } });
    expect(before.origin).toBe("openrouter (payload 2026-02-27, openrouter's offering)");
    expect(offeringLifecycle({ model: "acme/model-1", provider: "openrouter", creator: "acme", at: day("2026-04-01"), signals: [expiry], delisting: null })).toMatchObject({ stage: "retired", since: "2026-03-31T00:00:00.000Z" });
    expect(offeringLifecycle({ model: "acme/model-1", provider: "together", creator: "acme", at: day("2026-04-01"), signals: [expiry], delisting: null })).toMatchObject({ stage: "ga", basis: "assumed" });
    expect(offeringLifecycle({ model: "acme/model-1", provider: "openrouter", creator: "acme", at: day("2026-02-01"), signals: [expiry], delisting: null }).stage).toBe("ga");
  });

  it("the maker's own status speaks for the model at every seller", () => {
    const atBedrock = offeringLifecycle({ model: "anthropic/claude-3.5-haiku", provider: "bedrock", creator: "anthropic", at: day("2026-07-01"), signals: [lab], delisting: null });
    expect(atBedrock).toMatchObject({ stage: "deprecated", basis: "source", seller: null, note: 'models.dev status "deprecated"' });
  });

  it("the reviewed file wins over the sources' fields; delisting by every source retires the model", () => {
    const reviewedModel = "google/gemini-2.0-flash-001";
    const signal = { ...expiry, effectiveAt: day("2026-08-31"), firstSeenAt: day("2026-05-15") };
    const merged = offeringLifecycle({ model: reviewedModel, provider: "openrouter", creator: "google", at: day("2026-07-01"), signals: [signal], delisting: null });
    expect(merged).toEqual(lifecycleAt(reviewedModel, day("2026-07-01")));
    expect(merged).toMatchObject({ stage: "retired", basis: "reviewed" });
    const delisting = { since: day("2026-05-15"), sources: ["openrouter"] };
    expect(offeringLifecycle({ model: "acme/model-2", provider: "together", creator: "acme", at: day("2026-07-01"), signals: [], delisting })).toMatchObject({
      stage: "retired",
      basis: "delisted",
      since: "2026-05-15T00:00:00.000Z",
      origin: "delisted by every source (openrouter)",
    });
  });

  it("a model is delisted when no source's latest runs still carry it, as of the last drop", () => {
    const interval = () => 24 * HOUR;
    const closed = { source: "openrouter", openSeenAt: null, closedAt: day("2026-05-15"), latestRunAt: day("2026-08-08") };
    const staleOpen = { source: "portkey", openSeenAt: day("2026-06-01"), closedAt: null, latestRunAt: day("2026-08-21") };
    const listed = { source: "litellm", openSeenAt: day("2026-08-20"), closedAt: null, latestRunAt: day("2026-08-21") };
    expect(delistingOf([closed, staleOpen], interval)).toEqual({ since: day("2026-06-01"), sources: ["openrouter", "portkey"] });
    expect(delistingOf([closed, staleOpen, listed], interval)).toBeNull();
    // A source that stopped running still lists what its last payload carried.
    expect(delistingOf([{ source: "litellm", openSeenAt: day("2025-11-21"), closedAt: null, latestRunAt: day("2025-11-21") }], interval)).toBeNull();
    expect(delistingOf([], interval)).toBeNull();
  });
});

describe("prices far from the model's other sellers", () => {
  const offer = (offeringId: number, provider: string, input: string, output: string, extra: Partial<MarketPrice> = {}): MarketPrice => ({
    offeringId,
    provider,
    model: "mistral/mistral-nemo",
    variant: "standard",
    currency: "USD",
    input,
    output,
    consensus: null,
    ...extra,
  });

  it("flags models.dev's Helicone Mistral Nemo at $20/$40 against $0.02-$0.15 elsewhere, and nobody else", () => {
    // models.dev 2026-06-13: mistral 0.15/0.15, azure 0.15/0.15, openrouter 0.02/0.03, vercel 0.02/0.04, novita 0.04/0.17, helicone 20/40.
    const prices = [offer(1, "mistral", "0.15", "0.15"), offer(2, "azure", "0.15", "0.15"), offer(3, "openrouter", "0.02", "0.03"), offer(4, "vercel", "0.02", "0.04"), offer(5, "novita", "0.04", "0.17"), offer(6, "helicone", "20", "40")];
    const reasons = marketReasons(prices);
    expect([...reasons.keys()]).toEqual([6]);
    expect(reasons.get(6)).toEqual(["input $20 is 500x above the $0.04 median of 5 other sellers of the model", "output $40 is 267x above the $0.15 median of 5 other sellers of the model"]);
  });

  it("leaves alone offerings with a consensus of their own, with fewer than two other sellers, free, or among sellers that disagree widely", () => {
    expect(marketReasons([offer(1, "mistral", "0.15", "0.15"), offer(2, "azure", "0.15", "0.15"), offer(3, "helicone", "20", "40")]).get(1)).toBeUndefined();
    expect(marketReasons([offer(1, "mistral", "0.15", "0.15"), offer(2, "helicone", "20", "40")]).size).toBe(0);
    const consensus = { input: "20", output: "40", sources: ["a", "b"] };
    expect(marketReasons([offer(1, "mistral", "0.15", "0.15"), offer(2, "azure", "0.15", "0.15"), offer(3, "helicone", "20", "40", { consensus })]).size).toBe(0);
    expect(marketReasons([offer(1, "mistral", "0.15", "0.15"), offer(2, "azure", "0.15", "0.15"), offer(3, "github-models", "0", "0")]).size).toBe(0);
  });
});

describe("currencies", () => {
  it("ranks in USD by default and in another currency only when asked", () => {
    const price = { provider: "deepseek", providerKind: "lab", variant: "standard", region: "", currency: "CNY", input: "2", output: "3", suspect: false, lifecycle: lifecycleAt("deepseek/deepseek-v4-flash", day("2026-08-01")) };
    expect(exclusionOf(price, {})).toBe('priced in CNY, ranking in USD; ask with currency "CNY"');
    expect(exclusionOf(price, { currency: "CNY" })).toBeNull();
    expect(exclusionOf({ ...price, currency: "USD" }, { currency: "CNY" })).toBe('priced in USD, ranking in CNY; ask with currency "USD"');
  });
});

/**
 * The pure rules of issue 13: which source's price is current, agreement and confidence,
 * suspect prices, eligibility, tie-break trust, the catalogues, LiteLLM key variants,
 * and the reviewed lifecycle dates checked against the providers' recorded pages.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { keyVariant, observationVariant } from "../../scrapers/litellm/key-variant.ts";
import { canonicalProviderId, PROVIDERS } from "../../src/domain/providers.ts";
import { consolidate, type SourcedPrice } from "../../src/domain/prices/consolidate.ts";
import { exclusionOf, type EligibilityInput } from "../../src/domain/prices/eligibility.ts";
import { misattribution } from "../../src/domain/prices/attribution.ts";
import { fieldReasons, suspicionOf } from "../../src/domain/prices/suspect.ts";
import { lifecycleAt, parseLifecycleFile, reviewedLifecycle } from "../../src/domain/lifecycle/lifecycle.ts";
import { parseSellerCatalogue, sellerEntry, SELLERS, trustRank } from "../../src/domain/sellers/catalogue.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const price = (source: string, authority: string, lastSeen: string, input: string, output: string, extra: Partial<SourcedPrice> = {}): SourcedPrice => ({
  offeringId: 1,
  provider: "openrouter",
  source,
  authority,
  lastSeenAt: new Date(lastSeen),
  input,
  output,
  ...extra,
});

describe("the current price of an offering", () => {
  it("is the seller's own even when a community table saw a different price later", () => {
    const [current] = consolidate([
      price("openrouter", "aggregator", "2026-08-08", "5", "30", { validFrom: new Date("2026-08-08") }),
      price("portkey", "community", "2026-08-21", "2.5", "15", { validFrom: new Date("2026-08-21") }),
    ]);
    expect(current).toMatchObject({ source: "openrouter", sellersOwn: true, disagreeingSources: ["portkey"], agreeingSources: [], confidence: "medium" });
  });

  it("is an aggregator's newer change over a first-party page not seen for weeks", () => {
    const [current] = consolidate([
      price("openai-pricing", "first-party", "2026-06-01", "5", "20", { provider: "openai" }),
      price("openrouter", "aggregator", "2026-08-21", "2.5", "20", { provider: "openai" }),
    ]);
    expect(current!.source).toBe("openrouter");
    expect(current!.confidence).toBe("low");
  });

  it("has high confidence when another source agrees with the seller's own", () => {
    const [current] = consolidate([
      price("openai-pricing", "first-party", "2026-08-21", "2.5", "10", { provider: "openai" }),
      price("litellm", "community", "2026-07-24", "2.5", "10", { provider: "openai" }),
      price("portkey", "community", "2026-08-21", "2.5", "10.05", { provider: "openai" }),
    ]);
    expect(current).toMatchObject({ source: "openai-pricing", agreeingSources: ["litellm", "portkey"], confidence: "high" });
    expect(current!.observedAt.toISOString().slice(0, 10)).toBe("2026-08-21");
  });
});

describe("suspect prices", () => {
  it("flags cache read above input and output below a twentieth of input", () => {
    expect(fieldReasons({ input: "0.03", output: "1.2", cacheRead: "0.06" })).toEqual(["cache read $0.06 is above input $0.03"]);
    expect(fieldReasons({ input: "2", output: "0.09", cacheRead: null })).toEqual(["output $0.09 is below a twentieth of input $2"]);
    expect(fieldReasons({ input: "2", output: "0.1", cacheRead: "0.2" })).toEqual([]);
  });

  it("flags a price far from what two other sources agree on, and names the consensus", () => {
    const chosen = { ...price("modelsdev", "community", "2026-08-21", "0.3", "1.2"), cacheRead: null };
    const others = [
      { ...price("litellm", "community", "2026-08-21", "3", "15"), cacheRead: null },
      { ...price("portkey", "community", "2026-08-21", "3", "15"), cacheRead: null },
    ];
    const suspicion = suspicionOf(chosen, others);
    expect(suspicion.consensus).toEqual({ input: "3", output: "15", sources: ["litellm", "portkey"] });
    expect(suspicion.reasons).toEqual(["input $0.3 is 90% off the $3 that litellm, portkey agree on", "output $1.2 is 92% off the $15 that litellm, portkey agree on"]);
    expect(suspicionOf(chosen, others.slice(0, 1)).reasons).toEqual([]);
  });
});

describe("eligibility", () => {
  const ga = lifecycleAt("openai/gpt-5.5", new Date("2026-08-21"));
  const offer = (provider: string, extra: Partial<EligibilityInput> = {}): EligibilityInput => ({
    provider,
    providerKind: "aggregator",
    variant: "standard",
    region: "",
    currency: "USD",
    input: "1",
    output: "2",
    suspect: false,
    lifecycle: ga,
    ...extra,
  });

  it("leaves resellers, gateways, routers and free allowances out unless named or asked for with sellers all", () => {
    for (const seller of ["poe", "nano-gpt", "aihubmix", "vercel", "openrouter", "github-models"]) {
      expect(exclusionOf(offer(seller), {})).toMatch(/count only when named/);
      expect(exclusionOf(offer(seller), { sellers: "all" })).toBeNull();
      expect(exclusionOf(offer(seller), { providers: [seller] })).toBeNull();
    }
    expect(exclusionOf(offer("openai", { providerKind: "lab" }), {})).toBeNull();
    expect(exclusionOf(offer("some-unlisted-shop"), { sellers: "all" })).toBe("seller outside the reviewed catalogue");
  });

  it("counts China-only offerings, other variants, suspect prices and withdrawn models only when asked", () => {
    expect(exclusionOf(offer("alibaba", { region: "cn" }), {})).toMatch(/China-only/);
    expect(exclusionOf(offer("alibaba", { region: "cn" }), { regions: ["cn"] })).toBeNull();
    expect(exclusionOf(offer("openai", { variant: "batch" }), {})).toBe("variant batch not asked for");
    expect(exclusionOf(offer("openai", { variant: "batch" }), { variants: ["batch"] })).toBeNull();
    expect(exclusionOf(offer("vercel", { suspect: true }), { sellers: "all" })).toBe("suspect price");
    expect(exclusionOf(offer("vercel", { suspect: true }), { providers: ["vercel"] })).toBeNull();
    const retired = lifecycleAt("google/gemini-2.0-flash-001", new Date("2026-07-01"));
    expect(exclusionOf(offer("google", { lifecycle: retired }), {})).toBe("model retired");
    expect(exclusionOf(offer("google", { lifecycle: retired }), { includeWithdrawn: true })).toBeNull();
  });

  it("breaks ties to the model's maker, then clouds, hosts, routers, resellers", () => {
    const order = ["google", "vertex", "together", "openrouter", "aihubmix", "github-models"].map((seller) => trustRank(seller, "google"));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
  });

  it("leaves out rows a source imported from another seller and a lab's rows of another maker's model", () => {
    expect(misattribution({ source: "genai-prices", provider: "openai", model: "openai/gpt-oss-120b" }, "openai")).toMatch(/imported this row from openrouter/);
    expect(misattribution({ source: "genai-prices", provider: "google", model: "anthropic/claude-opus-5" }, "anthropic")).toMatch(/sells only its own models/);
    expect(misattribution({ source: "genai-prices", provider: "vertex", model: "anthropic/claude-opus-5" }, "anthropic")).toBeNull();
    expect(misattribution({ source: "gemini-pricing", provider: "google", model: "google/gemini-2.5-flash" }, "google")).toBeNull();
  });
});

describe("catalogues", () => {
  it("give every seller a kind and a reason, and keep every spelling on one seller", () => {
    expect(SELLERS.length).toBe(PROVIDERS.length);
    for (const seller of SELLERS) expect(seller.reason.length).toBeGreaterThan(10);
    expect(sellerEntry("poe")?.kind).toBe("reseller");
    expect(sellerEntry("github-models")?.kind).toBe("free-allowance");
    expect(canonicalProviderId("together_ai")).toBe("together");
    expect(canonicalProviderId("vercel_ai_gateway")).toBe("vercel");
    expect(() => parseSellerCatalogue("- { id: a, name: A, kind: lab, buyDirect: true, region: global, aliases: [x], reason: r }\n- { id: b, name: B, kind: host, buyDirect: true, region: global, aliases: [x], reason: r }")).toThrow(
      '"x" names both a and b',
    );
    expect(() => parseSellerCatalogue("- { id: a, name: A, kind: shop, buyDirect: true, region: global, reason: r }")).toThrow();
  });

  it("read the lifecycle dates the providers' pages state", () => {
    const google = readFileSync(snapshotPath("pages/google/ai.google.dev_gemini-api_docs_pricing.2026-04-27.html"), "utf8");
    expect(google).toMatch(/Gemini 2\.0 Flash is[\s\S]{0,200}deprecated[\s\S]{0,100}will be shut down June 1, 2026/);
    const july = readFileSync(snapshotPath("pages/google/derived/ai.google.dev_gemini-api_docs_pricing.jina-reader.2026-07-21.md"), "utf8");
    expect(july).toContain("has been shut down June 1, 2026");
    expect(july).not.toContain("gemini-3-pro-preview");
    const deepseek = readFileSync(snapshotPath("pages/deepseek/api-docs.deepseek.com_zh-cn_quick_start_pricing.zh-cn.2026-07-17.html"), "utf8");
    expect(deepseek).toContain("2026/07/24 23:59");
    expect(reviewedLifecycle().get("deepseek/deepseek-chat")!.at(-1)!.from.toISOString()).toBe("2026-07-24T15:59:00.000Z");
    expect(lifecycleAt("google/gemini-2.0-flash", new Date("2026-06-01T00:00:00Z")).stage).toBe("retired");
    expect(lifecycleAt("google/gemini-3.1-pro-preview", new Date("2026-08-01")).stage).toBe("preview");
    expect(lifecycleAt("openai/gpt-4.5-preview", new Date("2026-08-01")).stage).toBe("retired");
    expect(() => parseLifecycleFile("- { model: a/b, events: [{ stage: gone, from: 2026-01-01, origin: x, note: y }] }")).toThrow();
  });
});

describe("LiteLLM key variants", () => {
  it("reads :free, :extended and -specdec keys as their own variants", () => {
    expect(keyVariant("openrouter/mistralai/mistral-7b-instruct:free")).toBe("free");
    expect(keyVariant("openrouter/meta-llama/llama-3-8b-instruct:extended")).toBe("extended");
    expect(keyVariant("groq/llama-3.3-70b-specdec")).toBe("specdec");
    expect(keyVariant("groq/llama-3.3-70b-versatile")).toBeNull();
    expect(observationVariant("openrouter/x:free", "batch")).toBe("free-batch");
    expect(observationVariant("openai/gpt-4o", "batch")).toBe("batch");
  });
});

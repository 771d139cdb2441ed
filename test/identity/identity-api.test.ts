/**
 * Identity v2 through the API, on real payloads: seller-native ids on offerings
 * (prices.current, models.get), and models.resolve with the ingestion resolver: the
 * source's override first, settings split off, floating names with their snapshot.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sourceById } from "../../scrapers/registry.ts";
import { createCaller } from "../../src/api/router.ts";
import { reresolveCatalogue, type ReresolveSummary } from "../../src/db/queries/model-merge.ts";
import { recordNativeIds } from "../../src/db/queries/native-ids.ts";
import { aliases, offerings } from "../../src/db/schema/index.ts";
import { splitSetting } from "../../src/domain/resolve/settings.ts";
import { readReplayDocuments } from "../../src/jobs/fetch/replay.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { useTestDatabase, withRollback } from "../helpers/database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { createRestHandler } from "../../src/api/rest/handler.ts";
import { appRouter } from "../../src/api/router.ts";

const database = useTestDatabase();
const caller = () => createCaller({ db: database().db, connection: database() });

const INGEST: Array<[source: string, path: string, at: string]> = [
  ["litellm", "prices/litellm/model_prices_2026-07-24.json", "2026-07-24"],
  ["modelsdev", "prices/modelsdev/api-json/models-dev_api_2026-06-13_from-symfony-models-dev-046b81a4c7.json", "2026-06-13"],
  ["openrouter", "prices/openrouter/models-data_2026-08-08_from-sui414-0427e0eca0.json", "2026-08-08"],
  ["bfcl", "benchmarks/bfcl/data_overall.2025-12-16.ea03bc8.csv", "2025-12-17"],
  ["artificial-analysis", "benchmarks/artificial-analysis/aa_api_v2_data_llms_models.2026-07-31.a1a2548.json", "2026-07-31"],
];
const bfclNames: string[] = [];
let reresolved: ReresolveSummary;

beforeAll(async () => {
  for (const [id, path, at] of INGEST) {
    const source = sourceById(id);
    const documents = await readReplayDocuments(snapshotPath(path));
    const summary = await runSource(database().db, source, { trigger: "replay", at: new Date(`${at}T00:00:00Z`), load: async () => documents });
    expect(summary.status, `${id}: ${summary.error}`).toBe("succeeded");
    if (id === "bfcl") {
      const parsed = source.parse(documents, { observedAt: new Date(`${at}T00:00:00Z`) }).observations as Array<{ model: string }>;
      bfclNames.push(...new Set(parsed.map((observation) => observation.model)));
    }
  }
  // What every start does after the migrations: on data the current resolver wrote, it must move nothing.
  reresolved = await reresolveCatalogue(database().db);
}, 240_000);

describe("seller-native ids on offerings", () => {
  const nativeIdAt = async (model: string, provider: string, region = "") => {
    const prices = await caller().prices.current({ model, provider, variant: "standard" });
    return prices.find((price) => price.region === region)?.nativeId;
  };

  it("answers Anthropic's, Bedrock's, Together's and Fireworks' own ids in prices.current", async () => {
    expect(await nativeIdAt("anthropic/claude-sonnet-4.5-20250929", "anthropic")).toBe("claude-sonnet-4-5-20250929");
    expect(await nativeIdAt("anthropic/claude-sonnet-4.5-20250929", "bedrock")).toBe("anthropic.claude-sonnet-4-5-20250929-v1:0");
    expect(await nativeIdAt("meta/llama-3.3-70b-instruct", "together")).toBe("meta-llama/Llama-3.3-70B-Instruct-Turbo");
    expect(await nativeIdAt("meta/llama-3.3-70b-instruct", "fireworks")).toMatch(/^accounts\/fireworks\/models\//);
  });

  it("lists every seller's native id in models.get", async () => {
    const model = await caller().models.get({ model: "claude-sonnet-4-5-20250929" });
    expect(model.offerings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ provider: "anthropic", nativeId: "claude-sonnet-4-5-20250929" }),
        expect.objectContaining({ provider: "openrouter", nativeId: expect.stringMatching(/^anthropic\/claude-sonnet-4\.5/) }),
      ]),
    );
  });

  it("lets the seller's own source overwrite a third party's id, a newer third party another's, and no third party the seller's", async () => {
    await withRollback(database().db, async (tx) => {
      const [row] = await tx.select().from(offerings).where(eq(offerings.providerId, "openrouter")).limit(1);
      const claim = (nativeId: string) => [{ provider: row!.providerId, modelId: row!.modelId, variant: row!.variant, region: row!.region, nativeId }];
      const stored = async () => (await tx.select().from(offerings).where(eq(offerings.id, row!.id)))[0]!;
      await tx.update(offerings).set({ nativeId: null, nativeIdSource: null }).where(eq(offerings.id, row!.id));
      expect(await recordNativeIds(tx, "litellm", claim("older/id"), { history: true })).toBe(1);
      expect(await recordNativeIds(tx, "modelsdev", claim("history/id"), { history: true })).toBe(0);
      expect(await recordNativeIds(tx, "modelsdev", claim("newer/id"))).toBe(1);
      expect(await stored()).toMatchObject({ nativeId: "newer/id", nativeIdSource: "modelsdev" });
      expect(await recordNativeIds(tx, "openrouter", claim("own/id"))).toBe(1);
      expect(await recordNativeIds(tx, "litellm", claim("third/party"))).toBe(0);
      expect(await stored()).toMatchObject({ nativeId: "own/id", nativeIdSource: "openrouter" });
    });
  });
});

describe("models.resolve", () => {
  it("resolves BFCL's (FC) names with the setting split off, exactly as ingestion did", async () => {
    const fc = bfclNames.filter((name) => /\(FC\)$/.test(name));
    expect(fc.length).toBeGreaterThanOrEqual(30);
    const stored = await database().db.select().from(aliases).where(eq(aliases.source, "bfcl"));
    const ingested = new Map(stored.map((alias) => [alias.rawName, alias.modelId]));
    let resolved = 0;
    for (const name of fc) {
      const answer = await caller().models.resolve({ name, source: "bfcl" });
      // The API and ingestion give one answer: the alias ingestion stored for the name without its setting.
      expect(answer.model?.id ?? null, name).toBe(ingested.get(splitSetting(name).base) ?? null);
      if (answer.model) {
        resolved++;
        expect(answer, name).toMatchObject({ setting: expect.stringContaining("FC") });
      }
    }
    // Measured on this payload: 49 of 66; the rest are makers the resolver does not know (xLAM, Hammer, Falcon, ...).
    expect(resolved).toBeGreaterThanOrEqual(45);
    const opus = await caller().models.resolve({ name: "Claude-Opus-4-5-20251101 (FC)" });
    expect(opus).toMatchObject({ model: { id: "anthropic/claude-opus-4.5-20251101" }, setting: "FC" });
  });

  it("puts the source's own override before any other reading: the answer differs with and without the source", async () => {
    const withSource = await caller().models.resolve({ name: "deepseek/deepseek-chat", source: "openrouter" });
    const without = await caller().models.resolve({ name: "deepseek/deepseek-chat" });
    expect(withSource).toMatchObject({ model: { id: "deepseek/deepseek-v3" }, method: "override" });
    expect(without.model?.id).toBe("deepseek/deepseek-chat");

    const reasoning = await caller().models.resolve({ name: "Qwen3 235B A22B 2507 (Reasoning)", source: "artificial-analysis" });
    expect(reasoning).toMatchObject({ model: { id: "alibaba/qwen3-235b-a22b-thinking-2507" }, method: "override" });
  });

  it("names a floating alias and the snapshot it served at the date asked", async () => {
    const early = await caller().models.resolve({ name: "gpt-4o", at: "2024-06-01" });
    const later = await caller().models.resolve({ name: "gpt-4o", at: "2025-06-01" });
    expect(early).toMatchObject({ model: { id: "openai/gpt-4o" }, floating: true, pinnedTo: "openai/gpt-4o-20240513" });
    expect(later).toMatchObject({ floating: true, pinnedTo: "openai/gpt-4o-20240806" });
    const snapshot = await caller().models.resolve({ name: "gpt-4o-2024-08-06" });
    expect(snapshot).toMatchObject({ model: { id: "openai/gpt-4o-20240806" }, floating: false, pinnedTo: null });
  });

  it("knows a floating model asked by its id, with its reviewed pointers", async () => {
    const byId = await caller().models.resolve({ name: "openai/gpt-4o", at: "2024-06-01" });
    expect(byId).toMatchObject({ method: "id", floating: true, pinnedTo: "openai/gpt-4o-20240513" });
    const model = await caller().models.get({ model: "openai/gpt-4o" });
    expect(model.floating).toBe(true);
    expect(model.pointers.map((pointer) => pointer.snapshot)).toContain("openai/gpt-4o-20240513");
  });

  it("states each model's lifecycle in models.get, with what it rests on", async () => {
    const retired = await caller().models.get({ model: "google/gemini-2.0-flash" });
    expect(retired.lifecycle).toMatchObject({ stage: "retired", basis: "reviewed" });
    expect(retired.lifecycle.since).toMatch(/^2026-06-01/);
    expect(retired.lifecycle.origin).toMatch(/google pricing/);
    const floating = await caller().models.get({ model: "openai/gpt-4o" });
    expect(floating.lifecycle.pointsTo?.model).toMatch(/^openai\/gpt-4o-\d{8}$/);
  });

  it("names the model OpenRouter's moving ~ id routed to on the payload's date", async () => {
    const answer = await caller().models.resolve({ name: "~anthropic/claude-opus-latest", source: "openrouter", at: "2026-08-09" });
    expect(answer).toMatchObject({ model: { id: "anthropic/claude-opus-latest", floating: true }, floating: true, pinnedTo: "anthropic/claude-opus-5" });
    const before = await caller().models.resolve({ name: "anthropic/claude-opus-latest", at: "2026-08-01" });
    expect(before).toMatchObject({ floating: true, pinnedTo: null });
  });

  it("answers null with the reason for a name nothing matches", async () => {
    const answer = await caller().models.resolve({ name: "no-such-model-anywhere" });
    expect(answer.model).toBeNull();
    expect(answer.reason).toMatch(/creator|listed/);
  });
});

describe("re-resolution at start on data the current resolver wrote", () => {
  it("moves nothing", () => {
    expect(reresolved).toMatchObject({ aliasesChanged: 0, modelsDeleted: 0, pricePeriodsMoved: 0, pricePeriodsJoined: 0, scorePeriodsMoved: 0, scorePeriodsJoined: 0 });
    expect(reresolved.pointers).toBeGreaterThan(0);
  });
});

describe("plain JSON GET for non-TypeScript routers", () => {
  it("answers /api/v1/models/resolve with the setting, the floating flag and the pinned snapshot, and /api/v1/models/audit", async () => {
    const handler = createRestHandler(appRouter, () => ({ db: database().db, connection: database() }));
    const server = createServer((request, response) => void handler(request, response, new URL(request.url ?? "/", "http://localhost")));
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/models`;
    try {
      const resolved = await (await fetch(`${base}/resolve?name=${encodeURIComponent("gpt-4o")}&at=2024-06-01`)).json();
      expect(resolved).toMatchObject({ model: { id: "openai/gpt-4o" }, floating: true, pinnedTo: "openai/gpt-4o-20240513", setting: null });
      const fc = await (await fetch(`${base}/resolve?name=${encodeURIComponent("Claude-Opus-4-5-20251101 (FC)")}&source=bfcl`)).json();
      expect(fc).toMatchObject({ model: { id: "anthropic/claude-opus-4.5-20251101" }, setting: "FC" });
      const audit = await (await fetch(`${base}/audit?limit=2`)).json();
      expect(audit.unmatched.length).toBeLessThanOrEqual(2);
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});

describe("models.audit", () => {
  it("reports the catalogue the sources filled", async () => {
    const audit = await caller().models.audit({ limit: 5 });
    expect(audit.models).toBeGreaterThan(500);
    expect(audit.unmatched.length).toBeLessThanOrEqual(5);
    expect(audit.unmatched[0]!.names).toBeGreaterThanOrEqual(audit.unmatched.at(-1)!.names);
  });
});

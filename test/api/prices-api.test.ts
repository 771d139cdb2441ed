import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { parseLitellmCostMap } from "../../scrapers/litellm/parse.ts";
import { openrouterSource } from "../../scrapers/openrouter/index.ts";
import { createCaller } from "../../src/api/router.ts";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotDocument } from "../helpers/snapshots.ts";

const database = useTestDatabase();
let http: RunningServer;
let base: string;
const caller = () => createCaller({ db: database().db, connection: database() });

beforeAll(async () => {
  const { db } = database();
  const replay = (path: string) => async () => [snapshotDocument(path)];
  await runSource(db, litellmSource, { trigger: "replay", at: new Date("2024-11-11T00:00:00Z"), load: replay("prices/litellm/model_prices_2024-11-11_f59cb46e71.json") });
  await runSource(db, litellmSource, { trigger: "replay", at: new Date("2024-11-13T00:00:00Z"), load: replay("prices/litellm/model_prices_2024-11-13_e7543378b8.json") });
  await runSource(db, openrouterSource, { trigger: "replay", at: new Date("2024-11-14T00:00:00Z"), load: replay("prices/openrouter/models-data-sorted_2026-03-04_from-skissue-1b28d83d2b.json") });
  http = await startHttpServer({ db, connection: database() }, 0, "127.0.0.1");
  base = `http://127.0.0.1:${http.port}`;
});
afterAll(() => http?.close());

describe("prices API", () => {
  it("prices.current accepts an alias and returns one consolidated price per offering", async () => {
    const prices = await caller().prices.current({ model: "gpt-4o", provider: "openai" });
    expect(prices).toHaveLength(1);
    expect(prices[0]).toMatchObject({ model: "openai/gpt-4o", provider: "openai", variant: "standard", input: "2.5", output: "10", source: "litellm" });
  });

  it("prices.at sees only the periods valid at the date", async () => {
    const before = await caller().prices.at({ model: "openai/gpt-4o", provider: "openai", date: "2024-11-12" });
    const after = await caller().prices.at({ model: "openai/gpt-4o", provider: "openai", date: "2024-11-13T12:00:00Z" });
    expect(before.map((p) => [p.input, p.output])).toEqual([["5", "15"]]);
    expect(after.map((p) => [p.input, p.output])).toEqual([["2.5", "10"]]);
  });

  it("prices.history lists a model's periods from every seller and source, newest first", async () => {
    const { model, periods } = await caller().prices.history({ model: "azure/gpt-4o" });
    expect(model).toBe("openai/gpt-4o");
    const direct = periods.filter((p) => p.provider === "openai" && p.variant === "standard" && p.source === "litellm");
    expect(direct.map((p) => [p.input, p.validTo?.toISOString() ?? null])).toEqual([
      ["2.5", null],
      ["5", "2024-11-13T00:00:00.000Z"],
    ]);
    expect(new Set(periods.map((p) => p.provider))).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect(periods.some((p) => p.provider === "azure")).toBe(true);
  });

  it("pricewar.changes filters by date, provider and direction", async () => {
    const cuts = await caller().pricewar.changes({ since: "2024-11-13", until: "2024-11-13T23:59:59Z", provider: "openai", direction: "cut", limit: 50 });
    expect(cuts.map((c) => c.model)).toContain("openai/gpt-4o");
    const gpt4o = cuts.find((c) => c.model === "openai/gpt-4o")!;
    expect(gpt4o).toMatchObject({ kind: "price", oldBlended: "7.5", newBlended: "4.375", changeRatio: "-0.416667", old: { input: "5", output: "15" }, new: { input: "2.5", output: "10" } });
  });

  it("models.resolve maps a router's name, or says why not", async () => {
    expect(await caller().models.resolve({ name: "bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0" })).toMatchObject({
      model: { id: "anthropic/claude-3.5-sonnet-20240620" },
    });
    const unknown = await caller().models.resolve({ name: "mystery-9000" });
    expect(unknown).toEqual({ model: null, method: "unmatched", reason: "creator cannot be told from the name" });
  });

  it("models.list filters by creator and counts each model's offerings; models.get adds the aliases", async () => {
    const openai = await caller().models.list({ creator: "openai", limit: 1000 });
    expect(openai.length).toBeGreaterThan(10);
    expect(openai.every((model) => model.creator === "openai")).toBe(true);
    expect(openai.find((model) => model.id === "openai/gpt-4o")?.offerings).toBeGreaterThan(2);
    const gpt4o = await caller().models.get({ model: "gpt-4o" });
    expect(gpt4o.aliases).toContainEqual(expect.objectContaining({ source: "litellm", rawName: "azure/gpt-4o", method: "normalised" }));
  });

  it("answers NOT_FOUND naming the reason for an unknown model", async () => {
    await expect(caller().prices.history({ model: "mystery-9000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: 'model "mystery-9000" not found: creator cannot be told from the name',
    });
  });

  it("sources.status reports the share of rows resolved, and sources.unmatched the groups", async () => {
    const status = await caller().sources.status();
    const litellm = status.find((s) => s.id === "litellm")!;
    expect(litellm.lastSuccess?.parsed).toBe(528);
    const success = litellm.lastSuccess!;
    expect(litellm.resolvedShare).toBe(Math.round(((success.parsed - success.unmatched) / success.parsed) * 10_000) / 10_000);
    expect(litellm.resolvedShare).toBeGreaterThan(0.85);
    const unmatched = await caller().sources.unmatched({ source: "litellm", limit: 10 });
    expect(unmatched.groups.length).toBeGreaterThan(0);
    expect(unmatched.names.every((name) => name.source === "litellm" && name.reason)).toBe(true);
  });
});

describe("feeds", () => {
  it("serves /feeds/litellm.json under LiteLLM's own keys, which LiteLLM's format parser reads back to the same sellers and prices", async () => {
    const response = await fetch(`${base}/feeds/litellm.json`);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = await response.text();
    const reparsed = parseLitellmCostMap([{ name: "feed.json", body }], { observedAt: new Date() }).observations;
    const feed = JSON.parse(body) as Record<string, Record<string, unknown>>;
    expect(feed["gpt-4o"]).toMatchObject({ litellm_provider: "openai", mode: "chat", input_cost_per_token: 0.0000025, output_cost_per_token: 0.00001 });

    const current = await caller().prices.current({ currency: "USD" });
    const standard = reparsed.filter((observation) => observation.variant === "standard");
    expect(standard.length).toBeGreaterThan(500);
    for (const observation of standard) {
      const same = current.some((price) => price.provider === observation.provider && price.region === observation.region && price.input === observation.input && price.output === observation.output);
      expect(same, `${observation.model}: ${observation.provider} ${observation.region} ${observation.input}/${observation.output}`).toBe(true);
    }
  });

  it("serves the same answers as plain JSON under /api/v1", async () => {
    const viaHttp = await (await fetch(`${base}/api/v1/prices/current?model=gpt-4o&provider=openai`)).json();
    expect(viaHttp).toEqual(JSON.parse(JSON.stringify(await caller().prices.current({ model: "gpt-4o", provider: "openai" }))));
    const list = await fetch(`${base}/api/v1/models?creator=anthropic&limit=5`);
    expect(list.status).toBe(200);
    expect(await list.json()).toHaveLength(5);
    const bad = await fetch(`${base}/api/v1/pricewar/changes?direction=sideways`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/direction: .*"cut".*"hike".*"mixed".*"none"/);
  });

  it("serves /feeds/prices.csv with one row per offering and empty cells for unknown", async () => {
    const response = await fetch(`${base}/feeds/prices.csv`);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("provider,model,variant,region,currency,input_per_1m,output_per_1m,cache_read_per_1m,cache_write_per_1m,cache_write_1h_per_1m,source,valid_from,last_seen_at");
    const current = await caller().prices.current({});
    expect(lines).toHaveLength(current.length + 1);
    expect(lines).toContain(lines.find((line) => line.startsWith("openai,openai/gpt-4o,standard,,USD,2.5,10,")));
  });
});

/**
 * The LiteLLM and models.dev feeds over HTTP, on a database filled from LiteLLM's newest
 * payload (some 90 sellers): LiteLLM's schema test passes, LiteLLM finds its own chat keys,
 * the drop-in map keeps every key of LiteLLM's map, models.dev's parser reads api.json back.
 */
import { createHash } from "node:crypto";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { parseModelsDev } from "../../scrapers/modelsdev/parse.ts";
import { LITELLM_COST_MAP_SCHEMA, LITELLM_DOCUMENTATION_KEYS } from "../../src/api/feeds/litellm-entry-schema.ts";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { litellmNaming } from "../../src/db/queries/feed-litellm.ts";
import { currentFeedPrices } from "../../src/db/queries/feed-prices.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { litellmChatCoverage } from "../helpers/litellm-coverage.ts";
import { snapshotDocument } from "../helpers/snapshots.ts";

const LITELLM_FILE = "prices/litellm/model_prices_2026-07-24.json";

const database = useTestDatabase();
let http: RunningServer | undefined;
let base: string;

/** A server per suite: a kept-alive connection must not outlive the long ingest between them. */
function useServer(): void {
  beforeAll(async () => {
    // The first request builds the market view and the feed: on a loaded machine that can pass the default 15 s limit.
    http = await startHttpServer({ db: database().db, connection: database() }, 0, "127.0.0.1", undefined, { requestTimeoutMs: 120_000 });
    base = `http://127.0.0.1:${http.port}`;
  });
  afterAll(() => http?.close());
}

type Map = Record<string, Record<string, unknown>>;
const get = async (path: string) => fetch(`${base}${path}`);
const json = async <T = Map>(path: string): Promise<T> => (await get(path)).json() as Promise<T>;

/** LiteLLM's test of its own map, reproduced: documentation keys out, then the JSON schema. */
function litellmSchemaErrors(map: Map): string[] {
  const entries = { ...map };
  for (const key of LITELLM_DOCUMENTATION_KEYS) delete entries[key];
  const validate = new Ajv({ allErrors: true, strict: false }).compile(LITELLM_COST_MAP_SCHEMA);
  return validate(entries) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
}

describe("with no data", () => {
  useServer();
  it("answers 503 with the reason, never {} (LiteLLM rejects an empty map)", async () => {
    for (const path of ["/feeds/litellm.json", "/feeds/litellm.json?complete=1"]) {
      const response = await get(path);
      expect(response.status, path).toBe(503);
      expect(((await response.json()) as { error: string }).error).toMatch(/not been scraped|no current prices/);
    }
  });
});

describe("on a database filled from LiteLLM's newest payload", () => {
  const litellm = JSON.parse(snapshotDocument(LITELLM_FILE).body) as Map;
  beforeAll(async () => {
    const { db } = database();
    await runSource(db, litellmSource, { trigger: "replay", at: new Date("2026-07-24T00:00:00Z"), load: async () => [snapshotDocument(LITELLM_FILE)] });
  });
  useServer();

  it("keys LiteLLM's chat models as LiteLLM does: at least 95% of those some source prices, and the issue's examples", async () => {
    const feed = await json("/feeds/litellm.json");
    const { db } = database();
    const rows = { prices: await currentFeedPrices(db), names: (await litellmNaming(db)).names };
    const { total } = litellmChatCoverage(snapshotDocument(LITELLM_FILE).body, feed, rows);
    expect(total.priced).toBeGreaterThan(2000);
    expect(total.hits / total.priced).toBeGreaterThanOrEqual(0.95);
    for (const key of ["claude-sonnet-4-5", "gpt-4o-2024-08-06", "groq/llama-3.3-70b-versatile", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "vertex_ai/claude-opus-4-1@20250805", "openrouter/openai/gpt-4.1-nano", "fireworks_ai/accounts/fireworks/models/qwen3-4b", "together_ai/deepseek-ai/DeepSeek-V3.1"]) {
      expect(feed[key], key).toBeDefined();
    }
    expect(feed["claude-sonnet-4-5"]).toMatchObject({ litellm_provider: "anthropic", mode: "chat", supports_function_calling: true, supports_vision: true });
  });

  it("passes LiteLLM's schema test, with LiteLLM's provider values and modes other than chat where LiteLLM states them", async () => {
    const feed = await json("/feeds/litellm.json");
    expect(litellmSchemaErrors(feed)).toEqual([]);
    // LiteLLM's test_max_tokens_consistency: the legacy max_tokens equals max_output_tokens.
    expect(Object.entries(feed).filter(([, entry]) => entry.max_output_tokens !== undefined && entry.max_tokens !== entry.max_output_tokens).map(([key]) => key)).toEqual([]);
    const knownProviders = new Set(Object.values(litellm).map((entry) => entry.litellm_provider));
    expect(Object.values(feed).filter((entry) => !knownProviders.has(entry.litellm_provider))).toEqual([]);
    const modes = new Set(Object.values(feed).map((entry) => entry.mode));
    expect(modes).toContain("completion");
    expect(modes).toContain("responses");
    expect([...modes].filter((mode) => mode !== undefined && !["chat", "completion", "responses"].includes(mode as string))).toEqual([]);
  });

  it("the drop-in map holds every key of LiteLLM's map, passes the schema test, and carries our prices", async () => {
    const response = await get("/feeds/litellm.json?complete=1");
    const body = await response.text();
    const complete = JSON.parse(body) as Map;
    const entries = Object.keys(litellm).filter((key) => typeof litellm[key] === "object");
    expect(entries.filter((key) => !(key in complete))).toEqual([]);
    expect(litellmSchemaErrors(complete)).toEqual([]);
    // Every flag LiteLLM states survives.
    expect(complete["gpt-4o"]).toMatchObject(Object.fromEntries(Object.entries(litellm["gpt-4o"]!).filter(([field]) => field.startsWith("supports_"))));
    const feed = await json("/feeds/litellm.json");
    expect(complete["claude-sonnet-4-5"]?.input_cost_per_token).toBe(feed["claude-sonnet-4-5"]?.input_cost_per_token);

    const manifest = await json<{ count: number; sha256: string; generatedAt: string; dataVersion: string; litellmMap: { observedAt: string; sha256: string } }>("/feeds/litellm.json?complete=1&manifest=1");
    expect(manifest).toMatchObject({ count: Object.keys(complete).length, sha256: createHash("sha256").update(body).digest("hex"), litellmMap: { observedAt: "2026-07-24T00:00:00.000Z" } });
    expect(manifest.litellmMap.sha256).toBe(createHash("sha256").update(snapshotDocument(LITELLM_FILE).body).digest("hex"));
    expect(manifest.dataVersion).not.toBe("");
  });

  it("serves /feeds/api.json in models.dev's shape, which our models.dev parser reads back to the same prices", async () => {
    const response = await get("/feeds/api.json");
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = await response.text();
    const document = JSON.parse(body) as Record<string, { id: string; models: Record<string, { id: string; cost: { input: number }; limit: object }> }>;
    expect(document.anthropic?.models["claude-sonnet-4-5-20250929"]).toMatchObject({
      id: "claude-sonnet-4-5-20250929", cost: { input: 3, output: 15, cache_read: 0.3 }, limit: { context: 200000, output: 64000 },
      tool_call: true, reasoning: true, attachment: true, modalities: { input: ["text", "image", "pdf"], output: ["text"] },
    });

    const reparsed = parseModelsDev([{ name: "api.json", body }]).observations;
    const prices = (await currentFeedPrices(database().db)).filter((price) => price.currency === "USD" && price.input !== null && price.output !== null);
    expect(reparsed.length).toBeGreaterThan(1500);
    for (const observation of reparsed) {
      const same = prices.some((price) => price.provider === observation.provider && price.input === observation.input && price.output === observation.output && price.cacheRead === observation.cacheRead);
      expect(same, `${observation.provider} ${observation.model}`).toBe(true);
    }
  });
});

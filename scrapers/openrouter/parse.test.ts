import { describe, expect, it } from "vitest";
import { priceObservationSchema, type PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { openrouterSource } from "./index.ts";
import { parseOpenRouterModels } from "./parse.ts";

const FOLDER = "prices/openrouter";
const FEB_27 = "models_2026-02-27_from-skissue-eda7195a93.json";
const MAR_03 = "models-data-sorted_2026-03-03_from-skissue-d04372e9da.json";
const MAR_04 = "models-data-sorted_2026-03-04_from-skissue-1b28d83d2b.json";
const MAY_15 = "models_2026-05-15_from-anomalyco-models.dev-c2c5cc8f21.json";
const AUG_08 = "models-data_2026-08-08_from-sui414-0427e0eca0.json";

const parsed = new Map<string, ReturnType<typeof parseOpenRouterModels>>();
function parseSnapshot(file: string): ReturnType<typeof parseOpenRouterModels> {
  const cached = parsed.get(file);
  if (cached) return cached;
  const result = parseOpenRouterModels([snapshotDocument(FOLDER, file)]);
  parsed.set(file, result);
  return result;
}

function find(file: string, model: string): PriceObservation {
  const observation = parseSnapshot(file).observations.find((candidate) => candidate.model === model);
  if (!observation) throw new Error(`${model} not parsed from ${file}`);
  return observation;
}

function inline(body: unknown): PayloadDocument[] {
  return [{ name: "inline.json", body: typeof body === "string" ? body : JSON.stringify(body) }];
}

const gpt4oEntry = {
  id: "openai/gpt-4o",
  name: "OpenAI: GPT-4o",
  created: 1715367049,
  context_length: 128000,
  hugging_face_id: null,
  top_provider: { context_length: 128000, max_completion_tokens: 16384, is_moderated: true },
  pricing: { prompt: "0.0000025", completion: "0.00001", input_cache_read: "0.00000125" },
};

describe("openrouter source definition", () => {
  it("points at the live model list and the replay folder", () => {
    expect(openrouterSource.urls).toEqual(["https://openrouter.ai/api/v1/models"]);
    expect(openrouterSource).toMatchObject({ id: "openrouter", kind: "price", authority: "aggregator", fullSnapshot: true, format: "json" });
    expect(openrouterSource.replayPaths).toEqual(["prices/openrouter"]);
  });
});

describe("parseOpenRouterModels on the recorded snapshots", () => {
  it.each([
    [FEB_27, 342, 2],
    [MAR_03, 340, 2],
    [MAR_04, 341, 2],
    [MAY_15, 353, 11],
    [AUG_08, 384, 16],
  ])("%s gives %i prices and %i skipped entries, all valid observations", (file, observationCount, skippedCount) => {
    const { observations, skipped } = parseSnapshot(file);
    expect(observations).toHaveLength(observationCount);
    expect(skipped).toHaveLength(skippedCount);
    for (const observation of observations) expect(() => priceObservationSchema.parse(observation)).not.toThrow();
    const offerings = new Set(observations.map((observation) => `${observation.model}|${observation.variant}`));
    expect(offerings.size).toBe(observations.length);
  });

  it("reads both the wrapped response and the bare data array", () => {
    expect(find(FEB_27, "openai/gpt-4o")).toMatchObject({ input: "2.5", output: "10", cacheRead: "1.25" });
    expect(find(MAR_03, "openai/gpt-4o")).toMatchObject({ input: "2.5", output: "10", cacheRead: "1.25" });
    const wrapped = parseOpenRouterModels(inline({ data: [gpt4oEntry] }));
    const bare = parseOpenRouterModels(inline([gpt4oEntry]));
    expect(bare).toEqual(wrapped);
  });

  it("keeps meaningful digits and rounds away float noise written into the strings", () => {
    expect(find(MAR_03, "google/gemini-2.5-flash").cacheWrite).toBe("0.08333333333333334");
    expect(find(AUG_08, "google/gemini-2.5-flash").cacheWrite).toBe("0.0833333333333333");
    expect(find(MAR_03, "deepseek/deepseek-v3.1-terminus").cacheRead).toBe("0.13");
    expect(find(MAR_03, "minimax/minimax-m2.1").cacheRead).toBe("0.03");
    expect(find(MAR_03, "qwen/qwen-2.5-coder-32b-instruct")).toMatchObject({ input: "0.2", output: "0.2" });
  });

  it("skips router pseudo-models priced -1", () => {
    const { observations, skipped } = parseSnapshot(AUG_08);
    const routers = ["openrouter/auto", "openrouter/auto-beta", "openrouter/bodybuilder", "openrouter/fusion", "openrouter/pareto-code"];
    for (const router of routers) {
      expect(skipped).toContainEqual({ name: router, reason: "router pseudo-model priced -1: not a price" });
      expect(observations.some((observation) => observation.model === router)).toBe(false);
    }
  });

  it("skips ~ alias ids as moving pointers, naming the target when the payload gives it", () => {
    const aliases = parseSnapshot(AUG_08).skipped.filter((entry) => entry.name.startsWith("~"));
    expect(aliases).toHaveLength(11);
    expect(aliases).toContainEqual({
      name: "~deepseek/deepseek-v4-flash-latest",
      reason: "moving alias to the latest model of a family (now deepseek/deepseek-v4-flash-0731): not an offering",
    });
    const mayAliases = parseSnapshot(MAY_15).skipped.filter((entry) => entry.name.startsWith("~"));
    expect(mayAliases.map((entry) => entry.name)).toContain("~openai/gpt-latest");
    expect(mayAliases).toHaveLength(8);
  });

  it("prices free models at 0, with variant free only for :free ids", () => {
    expect(find(FEB_27, "meta-llama/llama-3.3-70b-instruct:free")).toMatchObject({ variant: "free", input: "0", output: "0" });
    expect(find(FEB_27, "openrouter/free")).toMatchObject({ variant: "standard", input: "0", output: "0" });
    const freeVariants = parseSnapshot(FEB_27).observations.filter((observation) => observation.variant === "free");
    expect(freeVariants).toHaveLength(25);
  });

  it("turns id suffixes into variants and keeps the id as the model name", () => {
    expect(find(FEB_27, "openai/gpt-4o:extended")).toMatchObject({ variant: "extended", input: "6", output: "18" });
    expect(find(FEB_27, "z-ai/glm-4.6:exacto")).toMatchObject({ variant: "exacto", input: "0.44", output: "1.76", cacheRead: "0.11" });
    expect(find(FEB_27, "anthropic/claude-3.7-sonnet:thinking")).toMatchObject({
      variant: "thinking",
      input: "3",
      output: "15",
      cacheRead: "0.3",
      cacheWrite: "3.75",
    });
    expect(find(AUG_08, "anthropic/claude-opus-5:batch")).toMatchObject({
      variant: "batch",
      input: "2.5",
      output: "12.5",
      cacheRead: "0.25",
      cacheWrite: "3.125",
      cacheWrite1h: "5",
    });
    expect(find(AUG_08, "anthropic/claude-opus-5")).toMatchObject({ variant: "standard", input: "5", output: "25", cacheWrite1h: "10" });
    expect(parseSnapshot(AUG_08).observations.filter((observation) => observation.variant === "batch")).toHaveLength(60);
  });

  it("maps pricing.overrides to long-context tiers", () => {
    expect(find(AUG_08, "qwen/qwen3.7-flash")).toMatchObject({
      input: "0.03",
      output: "0.13",
      cacheRead: "0.006",
      cacheWrite: "0.038",
      tiers: [
        { minInputTokens: 32000, input: "0.1", output: "0.4", cacheRead: "0.02", cacheWrite: "0.125" },
        { minInputTokens: 256000, input: "0.2", output: "0.8", cacheRead: "0.04", cacheWrite: "0.25" },
      ],
    });
    // The override omits input_cache_write: unknown, not inherited from the base price.
    expect(find(AUG_08, "google/gemini-3.1-pro-preview").tiers).toEqual([
      { minInputTokens: 200000, input: "4", output: "18", cacheRead: "0.4", cacheWrite: null },
    ]);
    expect(parseSnapshot(AUG_08).observations.filter((observation) => observation.tiers.length > 0)).toHaveLength(54);
  });

  it("fills hints from the entry", () => {
    expect(find(AUG_08, "openai/gpt-4o").hints).toEqual({
      displayName: "GPT-4o",
      creator: "openai",
      releaseDate: "2024-05-13",
      openWeights: null,
      contextWindow: 128000,
      maxOutputTokens: 16384,
    });
    expect(find(FEB_27, "meta-llama/llama-3.3-70b-instruct:free").hints).toMatchObject({
      displayName: "Llama 3.3 70B Instruct (free)",
      creator: "meta",
      openWeights: true,
      releaseDate: "2024-12-06",
    });
    expect(find(FEB_27, "openrouter/free").hints).toMatchObject({
      displayName: "Free Models Router",
      openWeights: null,
      contextWindow: 200000,
      maxOutputTokens: null,
    });
  });
});

describe("the 2026-03-03 -> 2026-03-04 day-over-day change", () => {
  const key = (observation: PriceObservation): string => `${observation.model}|${observation.variant}`;
  const before = new Map(parseSnapshot(MAR_03).observations.map((observation) => [key(observation), observation]));
  const after = new Map(parseSnapshot(MAR_04).observations.map((observation) => [key(observation), observation]));
  const changed = [...before].filter(([offering, old]) => {
    const now = after.get(offering);
    return now !== undefined && (now.input !== old.input || now.output !== old.output);
  });

  it("adds 3 offerings and removes 2", () => {
    expect([...after.keys()].filter((offering) => !before.has(offering)).sort()).toEqual([
      "arcee-ai/trinity-mini|standard",
      "google/gemini-3.1-flash-lite-preview|standard",
      "openai/gpt-5.3-chat|standard",
    ]);
    expect([...before.keys()].filter((offering) => !after.has(offering)).sort()).toEqual([
      "mistralai/mistral-7b-instruct-v0.3|standard",
      "mistralai/mistral-7b-instruct|standard",
    ]);
  });

  it("changes the input or output price of 16 offerings", () => {
    expect(changed).toHaveLength(16);
    expect(after.get("google/gemini-3.1-flash-image-preview|standard")).toMatchObject({ input: "0.5", output: "3" });
    expect(before.get("google/gemini-3.1-flash-image-preview|standard")).toMatchObject({ input: "0.25", output: "1.5" });
    expect(before.get("inception/mercury|standard")).toMatchObject({ input: "0.25", output: "1" });
    expect(after.get("inception/mercury|standard")).toMatchObject({ input: "0.25", output: "0.75" });
    expect(after.get("qwen/qwen-plus-2025-07-28:thinking|thinking")).toMatchObject({ input: "0.26", output: "0.78" });
  });
});

describe("parseOpenRouterModels error paths", () => {
  it.each([
    ["invalid JSON", '{"data": [', /invalid JSON/],
    ["a bot-challenge HTML page", "<!DOCTYPE html><html><title>Just a moment...</title></html>", /invalid JSON/],
    ["an API error body", { error: { code: 401, message: "No auth credentials found" } }, /unexpected layout/],
    ["an empty list", { data: [] }, /no models listed/],
    ["an entry with a prompt price but no completion price", { data: [{ ...gpt4oEntry, pricing: { prompt: "0.0000025" } }] }, /data\.0\.pricing\.completion/],
    ["a price that is not a decimal", { data: [{ ...gpt4oEntry, pricing: { prompt: "free", completion: "0" } }] }, /openai\/gpt-4o: invalid amount "free"/],
  ])("throws a PayloadError on %s", (_label, body, message) => {
    expect(() => parseOpenRouterModels(inline(body))).toThrow(PayloadError);
    expect(() => parseOpenRouterModels(inline(body))).toThrow(message);
  });

  it("throws a PayloadError without a document", () => {
    expect(() => parseOpenRouterModels([])).toThrow(PayloadError);
  });
});

import { describe, expect, it } from "vitest";
import { scoreObservationSchema, type ScoreObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { artificialAnalysisSource } from "./index.ts";
import { settingFromAaName } from "./model-setting.ts";
import { parseArtificialAnalysis } from "./parse.ts";

const july09 = snapshotDocument("benchmarks", "artificial-analysis", "aa_api_v2_data_llms_models.2026-07-09.f501415.json");
const july31 = snapshotDocument("benchmarks", "artificial-analysis", "aa_api_v2_data_llms_models.2026-07-31.a1a2548.json");
const docsExample = snapshotDocument("benchmarks", "artificial-analysis", "aa_docs_example_response.free-api-docs.json");
const context = { observedAt: new Date("2026-07-31T12:00:00Z") };

const parsedJuly09 = parseArtificialAnalysis([july09], { observedAt: new Date("2026-07-09T09:00:00Z") });
const parsedJuly31 = parseArtificialAnalysis([july31], context);

function find(observations: readonly ScoreObservation[], benchmark: string, model: string): ScoreObservation {
  const found = observations.find((observation) => observation.benchmark === benchmark && observation.model === model);
  if (!found) throw new Error(`no ${benchmark} score for ${model}`);
  return found;
}

describe("artificial-analysis snapshots", () => {
  it.each([
    // [file, observations (non-null evaluations), skipped (models with no evaluation), result]
    ["2026-07-09", 5832, 11, parsedJuly09],
    ["2026-07-31", 6198, 11, parsedJuly31],
  ])("response of %s: %i scores, %i models skipped", (_file, observations, skipped, result) => {
    expect(result.observations).toHaveLength(observations);
    expect(result.skipped).toHaveLength(skipped);
    expect(result.skipped).toContainEqual({ name: "GPT-5.5 Pro (xhigh)", reason: "no evaluation measured yet" });
  });

  it("counts one score per non-null evaluation (2026-07-31 null counts from PROVENANCE)", () => {
    const count = (benchmark: string) => parsedJuly31.observations.filter((observation) => observation.benchmark === benchmark).length;
    expect(count("aa-intelligence-index-v4-1")).toBe(589 - 13);
    expect(count("aa-coding-index-v4-1")).toBe(589 - 388);
    expect(count("aa-math-index-v4-1")).toBe(589 - 320);
    expect(count("aa-gpqa")).toBe(589 - 35);
    expect(count("aa-hle")).toBe(589 - 39);
    expect(count("aa-tau2")).toBe(589 - 149);
  });

  it("emits valid observations whose benchmarks are all in the catalogue", () => {
    const catalogue = new Map(artificialAnalysisSource.benchmarks.map((benchmark) => [benchmark.id, benchmark.scale]));
    for (const observation of parsedJuly31.observations) {
      expect(scoreObservationSchema.parse(observation)).toEqual(observation);
      expect(catalogue.get(observation.benchmark)).toBe(observation.scale);
      expect(observation.asOf).toBe("2026-07-31");
    }
  });

  it("reads real scores, settings and hints (2026-07-31)", () => {
    const { observations } = parsedJuly31;
    expect(find(observations, "aa-intelligence-index-v4-1", "gpt-oss-120b (high)")).toEqual({
      benchmark: "aa-intelligence-index-v4-1",
      model: "gpt-oss-120b (high)",
      setting: "high",
      score: 23.8,
      scale: "index",
      ciLower: null,
      ciUpper: null,
      votes: null,
      asOf: "2026-07-31",
      costUsd: null,
      hints: { displayName: "gpt-oss-120b (high)", creator: "OpenAI", releaseDate: "2025-08-05" },
    });
    expect(find(observations, "aa-gpqa", "gpt-oss-120b (high)")).toMatchObject({ score: 0.782, scale: "fraction" });
    expect(find(observations, "aa-hle", "gpt-oss-120b (high)").score).toBe(0.185);
    expect(find(observations, "aa-lcr", "gpt-oss-120b (high)").score).toBe(0.506666666);
    expect(find(observations, "aa-tau2", "gpt-oss-120b (high)").score).toBe(0.657894736842105);
    const opus = "Claude Opus 4.8 (Adaptive Reasoning, Max Effort)";
    expect(find(observations, "aa-intelligence-index-v4-1", opus)).toMatchObject({ score: 55.7, setting: "Adaptive Reasoning, Max Effort" });
    expect(find(observations, "aa-coding-index-v4-1", opus).score).toBe(74.3);
    expect(find(observations, "aa-terminal-bench-v2-1", opus).score).toBe(0.846441947565543);
    expect(find(observations, "aa-tau-banking", opus).score).toBe(0.276288659793814);
  });

  it("keeps a 0 evaluation as a score: GPT-4o (Nov '24) has LCR 0", () => {
    expect(find(parsedJuly31.observations, "aa-lcr", "GPT-4o (Nov '24)").score).toBe(0);
    expect(find(parsedJuly31.observations, "aa-aime", "GPT-4o (Nov '24)").score).toBe(0.15);
  });

  it("keeps the name exactly as AA writes it, trailing space included", () => {
    const qwen = find(parsedJuly31.observations, "aa-intelligence-index-v4-1", "Qwen2.5 Coder Instruct 7B ");
    expect(qwen).toMatchObject({ score: 4.5, setting: null });
    expect(qwen.hints.displayName).toBe("Qwen2.5 Coder Instruct 7B");
  });

  it("files a re-scored model under the same id across the two July responses", () => {
    expect(find(parsedJuly09.observations, "aa-intelligence-index-v4-1", "gpt-oss-120b (low)")).toMatchObject({ score: 17.7, asOf: "2026-07-09" });
    expect(find(parsedJuly31.observations, "aa-intelligence-index-v4-1", "gpt-oss-120b (low)")).toMatchObject({ score: 14.9, asOf: "2026-07-31" });
  });

  it("files the documented (index v2) example under v2 ids, apart from today's scale", () => {
    const { observations, skipped } = parseArtificialAnalysis([docsExample], context);
    expect(skipped).toEqual([]);
    expect(observations).toHaveLength(10);
    expect(find(observations, "aa-intelligence-index-v2", "o3-mini")).toMatchObject({ score: 62.9, scale: "index" });
    expect(find(observations, "aa-math-index-v2", "o3-mini").score).toBe(87.2);
    expect(find(observations, "aa-aime", "o3-mini").score).toBe(0.77);
    expect(find(observations, "aa-intelligence-index-v2", "o3-mini").hints).toEqual({ displayName: "o3-mini", creator: "OpenAI", releaseDate: null });
    // The same AA id on the v4.1 scale.
    expect(find(parsedJuly31.observations, "aa-intelligence-index-v4-1", "o3-mini").score).toBe(19);
  });
});

describe("settingFromAaName", () => {
  it.each([
    ["Claude 4.5 Sonnet (Reasoning)", "Reasoning"],
    ["Claude 4.5 Sonnet (Non-reasoning)", "Non-reasoning"],
    ["o3-mini (high)", "high"],
    ["GPT-5.6 Sol (max)", "max"],
    ["Claude Opus 5 (Adaptive Reasoning, Max Effort)", "Adaptive Reasoning, Max Effort"],
    ["Claude Sonnet 5 (Non-reasoning, High Effort)", "Non-reasoning, High Effort"],
    ["Gemini 2.5 Flash Preview (Sep '25) (Reasoning)", "Reasoning"],
    ["Claude Fable 5 (Adaptive Reasoning, Max Effort, Opus 4.8 Fallback)", null],
    ["GPT-4o (Nov '24)", null],
    ["GPT-4o (ChatGPT)", null],
    ["Solar Pro 2 (Preview)", null],
    ["o3-mini", null],
  ])("%s -> %s", (name, setting) => {
    expect(settingFromAaName(name)).toBe(setting);
  });
});

describe("artificial-analysis payload errors", () => {
  const row = (evaluations: Record<string, number | null>, name = "m") => ({
    id: `id-${name}`,
    name,
    slug: name,
    model_creator: { id: "c", name: "Creator", slug: "c" },
    evaluations,
    pricing: { price_1m_input_tokens: 1, price_1m_output_tokens: 2 },
  });
  const v41 = { artificial_analysis_intelligence_index: 40, terminalbench_v2_1: 0.5, tau_banking: 0.2 };
  const response = (data: unknown[]): PayloadDocument => ({ name: "fixture.json", body: JSON.stringify({ status: 200, data }) });

  it("accepts a minimal v4.1 response", () => {
    expect(parseArtificialAnalysis([response([row(v41)])], context).observations).toHaveLength(3);
  });

  it.each([
    ["invalid JSON", [{ name: "x.json", body: "{\"data\": [" }], /invalid JSON/],
    ["an HTML page", [{ name: "x.json", body: "<html><body>Just a moment...</body></html>" }], /invalid JSON/],
    ["a body without data", [{ name: "x.json", body: "{\"status\": 401, \"error\": \"Invalid API key\"}" }], /not an \/llms\/models response/],
    ["a model without evaluations", [response([{ id: "a", name: "m" }])], /not an \/llms\/models response/],
    ["no models", [response([])], /lists no models/],
    ["two models with one name", [response([row(v41), row(v41)])], /two models are named "m"/],
    ["an unknown evaluation key", [response([row({ ...v41, aa_briefcase: 0.3 })])], /unknown evaluation keys: aa_briefcase/],
    ["keys of an unidentifiable index version", [response([row({ artificial_analysis_intelligence_index: 40, terminalbench_hard: 0.3, tau2: 0.5 })])], /cannot tell the Intelligence Index version/],
    ["a fraction given as a percent", [response([row({ ...v41, gpqa: 78.2 })])], /m gpqa: 78.2 is outside 0-1/],
    ["an index above 100", [response([row({ ...v41, artificial_analysis_intelligence_index: 140 })])], /outside 0-100/],
    ["two documents", [july09, july31], /expected one API response, got 2 documents/],
    ["no documents", [], /no payload document/],
  ])("%s throws PayloadError", (_case, documents, message) => {
    expect(() => parseArtificialAnalysis(documents, context)).toThrow(PayloadError);
    expect(() => parseArtificialAnalysis(documents, context)).toThrow(message);
  });
});

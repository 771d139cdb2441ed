import { describe, expect, it } from "vitest";
import { scoreObservationSchema, type ScoreObservation } from "../../src/domain/observation.ts";
import { snapshotDocument, snapshotFolderDocuments } from "../../test/helpers/snapshots.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { livebenchSource } from "./index.ts";
import { settingFromModelKey } from "./model-setting.ts";
import { parseLivebench } from "./parse.ts";

const folderDocuments = snapshotFolderDocuments("benchmarks", "livebench").filter((document) => !document.name.endsWith(".md"));
const releaseDocuments = (release: string): PayloadDocument[] => folderDocuments.filter((document) => document.name.includes(release));

function find(observations: readonly ScoreObservation[], benchmark: string, model: string): ScoreObservation {
  const found = observations.find((observation) => observation.benchmark === benchmark && observation.model === model);
  if (!found) throw new Error(`no ${benchmark} score for ${model}`);
  return found;
}

describe("livebench snapshots", () => {
  it.each([
    // [release, models scored, observations (models x (categories + global)), skipped]
    ["2024_11_25", 65, 65 * 7, 0],
    ["2025_05_30", 70, 70 * 8, 0],
    ["2026_01_08", 126, 126 * 8, 1],
    ["2026_06_25", 46, 46 * 8, 0],
  ])("release %s: %i models -> %i observations, %i skipped", (release, models, observations, skipped) => {
    const result = parseLivebench(releaseDocuments(release));
    expect(result.observations).toHaveLength(observations);
    expect(result.skipped).toHaveLength(skipped);
    expect(new Set(result.observations.map((observation) => observation.model)).size).toBe(models);
    expect(new Set(result.observations.map((observation) => observation.asOf))).toEqual(new Set([release.replaceAll("_", "-")]));
  });

  it("parses every replay path of the source together, each observation valid", () => {
    const documents = (livebenchSource.replayPaths ?? []).map((path) => snapshotDocument(...path.split("/")));
    const result = livebenchSource.parse(documents, { observedAt: new Date("2026-08-30T00:00:00Z") });
    expect(result.observations).toHaveLength(455 + 560 + 1008 + 368);
    expect(result.skipped).toHaveLength(1);
    const catalogue = new Set(livebenchSource.benchmarks.map((benchmark) => benchmark.id));
    for (const observation of result.observations) {
      expect(scoreObservationSchema.parse(observation)).toEqual(observation);
      expect(catalogue.has(observation.benchmark)).toBe(true);
    }
  });

  it("averages a category over its non-empty task cells, as the site does (table_2024_11_25)", () => {
    const { observations } = parseLivebench(releaseDocuments("2024_11_25"));
    // phi-3-small-8k-instruct has an empty `connections` cell: Language = mean(15.888, 10.0).
    expect(find(observations, "livebench-language", "phi-3-small-8k-instruct").score).toBe(12.94);
    expect(find(observations, "livebench-global", "phi-3-small-8k-instruct").score).toBe(24.03);
    expect(find(observations, "livebench-global", "chatgpt-4o-latest-2025-01-29")).toMatchObject({
      score: 57.79,
      scale: "percent",
      asOf: "2024-11-25",
      setting: null,
      costUsd: null,
    });
    expect(find(observations, "livebench-language", "chatgpt-4o-latest-2025-01-29").score).toBe(49.14);
  });

  it("reads the agentic coding category and the thinking setting (table_2025_05_30)", () => {
    const { observations } = parseLivebench(releaseDocuments("2025_05_30"));
    expect(find(observations, "livebench-global", "claude-4-1-opus-20250805-thinking-32k")).toMatchObject({
      score: 75.25,
      setting: "thinking-32k",
      asOf: "2025-05-30",
    });
    expect(find(observations, "livebench-agentic-coding", "claude-4-1-opus-20250805-thinking-32k").score).toBe(45);
    expect(find(observations, "livebench-reasoning", "claude-4-1-opus-20250805-thinking-32k").score).toBe(93.19);
  });

  it("skips the misaligned nemotron row of table_2026_01_08 instead of shifting its scores", () => {
    const { observations, skipped } = parseLivebench(releaseDocuments("2026_01_08"));
    expect(skipped).toEqual([{ name: "nemotron-3-super-120b-a12b", reason: expect.stringContaining("20 score cells for 23 task columns") }]);
    expect(observations.some((observation) => observation.model === "nemotron-3-super-120b-a12b")).toBe(false);
    expect(find(observations, "livebench-global", "claude-4-1-opus-20250805-base")).toMatchObject({ score: 54.45, setting: "base" });
    expect(find(observations, "livebench-instruction-following", "claude-4-1-opus-20250805-base").score).toBe(25.92);
  });

  it("carries the measured run cost of the same tasks, and 0 cost as unknown (2026_06_25)", () => {
    const { observations } = parseLivebench(releaseDocuments("2026_06_25"));
    expect(find(observations, "livebench-global", "claude-opus-4-7-xhigh-effort")).toMatchObject({
      score: 76.53,
      setting: "xhigh-effort",
      asOf: "2026-06-25",
      costUsd: "513.377",
    });
    // javascript 23.1142 + typescript 125.0715 + python 41.7622
    expect(find(observations, "livebench-agentic-coding", "claude-opus-4-7-xhigh-effort")).toMatchObject({
      score: 50.66,
      costUsd: "189.9479",
    });
    expect(find(observations, "livebench-global", "claude-opus-4-5-20251101-thinking-64k-high-effort").costUsd).toBe("562.6882");
    // ox-alpha-max's cost row is all zeros: LiveBench has no cost for it.
    const oxAlpha = observations.filter((observation) => observation.model === "ox-alpha-max");
    expect(oxAlpha).toHaveLength(8);
    expect(oxAlpha.map((observation) => observation.costUsd)).toEqual(Array(8).fill(null));
    expect(find(observations, "livebench-global", "ox-alpha-max").score).toBe(69.24);
  });
});

describe("settingFromModelKey", () => {
  it.each([
    ["claude-opus-4-5-20251101-thinking-64k-high-effort", "thinking-64k-high-effort"],
    ["claude-sonnet-4-6-thinking-auto-medium-effort", "thinking-auto-medium-effort"],
    ["claude-opus-4-8-max-effort", "max-effort"],
    ["claude-3-7-sonnet-20250219-base", "base"],
    ["claude-3-7-sonnet-thinking", "thinking"],
    ["gpt-5.2-2025-12-11-high", "high"],
    ["gpt-5.4-nano-xhigh", "xhigh"],
    ["gpt-5.1-2025-11-13-nothinking", "nothinking"],
    ["gemini-2.5-pro-06-05-highthinking", "highthinking"],
    ["gemini-3-flash-preview-minimal", "minimal"],
    ["grok-4-1-fast-non-reasoning", "non-reasoning"],
    ["gpt-5.1-codex-max-high", "high"],
    ["gpt-5.1-codex-max", null],
    ["gpt-5.6-sol-max", null],
    ["qwen3-235b-a22b-thinking-2507", null],
    ["amazon.nova-pro-v1:0", null],
  ])("%s -> %s", (model, setting) => {
    expect(settingFromModelKey(model)).toBe(setting);
  });
});

describe("livebench edge cases (inline fixtures)", () => {
  const categories = (release: string, map: Record<string, string[]>): PayloadDocument => ({
    name: `categories_${release}.json`,
    body: JSON.stringify(map),
  });
  const csv = (name: string, lines: string[]): PayloadDocument => ({ name, body: lines.join("\n") });
  const twoCategories = categories("2030_01_01", { Coding: ["code_generation", "code_completion"], IF: ["summarize"] });

  it("emits no global score when a whole category is unscored, and no category for it", () => {
    const table = csv("table_2030_01_01.csv", ["model,code_generation,code_completion,summarize", "m-high,50,70,", "m-low,40,,20"]);
    const { observations, skipped } = parseLivebench([table, twoCategories]);
    expect(skipped).toEqual([]);
    expect(observations.filter((observation) => observation.model === "m-high").map((observation) => [observation.benchmark, observation.score])).toEqual([
      ["livebench-coding", 60],
    ]);
    expect(find(observations, "livebench-global", "m-low")).toMatchObject({ score: 30, setting: "low" });
  });

  it("leaves a scope's cost unknown when one of its task costs is blank, and reports cost rows with no score row", () => {
    const table = csv("table_2030_01_01.csv", ["model,code_generation,code_completion,summarize", "m,50,70,90"]);
    const cost = csv("cost_2030_01_01.csv", [
      "model,code_generation,code_completion,summarize,nq_code_generation",
      "m,1.25,0.5,,10",
      "ghost,1,1,1,10",
    ]);
    const { observations, skipped } = parseLivebench([table, twoCategories, cost]);
    expect(find(observations, "livebench-coding", "m").costUsd).toBe("1.75");
    expect(find(observations, "livebench-instruction-following", "m").costUsd).toBeNull();
    expect(find(observations, "livebench-global", "m").costUsd).toBeNull();
    expect(skipped).toEqual([{ name: "ghost", reason: expect.stringContaining("cost row without a usable score row") }]);
  });

  it("reads category names written without spaces", () => {
    const table = csv("table_2030_01_01.csv", ["model,a,b", "m,10,20"]);
    const { observations } = parseLivebench([table, categories("2030_01_01", { DataAnalysis: ["a"], AgenticCoding: ["b"] })]);
    expect(observations.map((observation) => observation.benchmark)).toEqual(["livebench-global", "livebench-data-analysis", "livebench-agentic-coding"]);
  });
});

describe("livebench payload errors", () => {
  const table = releaseDocuments("2024_11_25").find((document) => document.name.includes("table_"))!;
  const categoryMap = releaseDocuments("2024_11_25").find((document) => document.name.includes("categories_"))!;

  it.each([
    ["a table without its categories map", [table], /table of release 2024-11-25 has no categories_ map/],
    ["a categories map without its table", [categoryMap], /release 2024-11-25 has no table_ file/],
    ["invalid JSON in the categories map", [table, { ...categoryMap, body: "{\"Coding\": [" }], /invalid JSON/],
    ["a categories map of the wrong shape", [table, { ...categoryMap, body: "[\"Coding\"]" }], /categories map is not/],
    ["an unknown category", [table, { ...categoryMap, body: "{\"Vibes\": [\"typos\"]}" }], /unknown category "Vibes"/],
    ["a task column missing from the table", [table, { ...categoryMap, body: "{\"Coding\": [\"LCB_generation\", \"code_golf\"]}" }], /missing columns: code_golf/],
    ["an HTML page instead of the table", [{ ...table, body: "<!DOCTYPE html><html><body>Not Found</body></html>" }, categoryMap], /first column is `model`/],
    ["a header with no rows", [{ ...table, body: "model,typos" }, categoryMap], /no model rows/],
    ["a non-numeric score", [{ ...table, body: "model,typos\nm,n/a" }, { ...categoryMap, body: "{\"Language\": [\"typos\"]}" }], /"n\/a" is not a 0-100 score/],
    ["a score above 100", [{ ...table, body: "model,typos\nm,140" }, { ...categoryMap, body: "{\"Language\": [\"typos\"]}" }], /"140" is not a 0-100 score/],
    ["a model listed twice", [{ ...table, body: "model,typos\nm,1\nm,2" }, { ...categoryMap, body: "{\"Language\": [\"typos\"]}" }], /m has two score rows/],
    ["two tables of one release", [table, { ...table, name: "copy/table_2024_11_25.csv" }, categoryMap], /two table files for release 2024-11-25/],
    ["a file that is not a release file", [table, categoryMap, { name: "PROVENANCE.md", body: "# notes" }], /not a LiveBench release file/],
    ["no documents", [], /no payload document/],
  ])("%s throws PayloadError", (_case, documents, message) => {
    expect(() => parseLivebench(documents)).toThrow(PayloadError);
    expect(() => parseLivebench(documents)).toThrow(message);
  });

  it("rejects a cost table missing a task column or holding a negative cost", () => {
    const release = releaseDocuments("2026_06_25");
    const cost = release.find((document) => document.name.includes("cost_"))!;
    const withoutCost = release.filter((document) => document !== cost);
    const truncatedHeader = cost.body.replace("model,AMPS_Hard,", "model,");
    expect(() => parseLivebench([...withoutCost, { ...cost, body: truncatedHeader }])).toThrow(/missing columns: AMPS_Hard/);
    const negative = cost.body.replace("grok-build-0.1,0.098,", "grok-build-0.1,-0.098,");
    expect(() => parseLivebench([...withoutCost, { ...cost, body: negative }])).toThrow(/"-0.098" is not a USD amount/);
  });
});

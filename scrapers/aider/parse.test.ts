import { describe, expect, it } from "vitest";
import { scoreObservationSchema, type ScoreObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError, type ParseResult, type PayloadDocument } from "../source.ts";
import { aiderSource } from "./index.ts";
import { parseAiderLeaderboards } from "./parse.ts";
import { aiderSetting } from "./setting.ts";

const snapshot = (file: string): PayloadDocument => snapshotDocument("benchmarks", "aider", file);
const POLYGLOT_LATEST = "polyglot_leaderboard.2025-10-04.cb6a152.yml";
const EDIT_LATEST = "edit_leaderboard.2024-12-22.c895e99.yml";
const REFACTOR = "refactor_leaderboard.2024-10-22.1efb0ba.yml";

const parsedSnapshots = new Map<string, ParseResult<ScoreObservation>>();
function parsed(file: string): ParseResult<ScoreObservation> {
  const cached = parsedSnapshots.get(file);
  if (cached) return cached;
  const result = parseAiderLeaderboards([snapshot(file)]);
  parsedSnapshots.set(file, result);
  return result;
}

function find(observations: ScoreObservation[], model: string, setting?: string): ScoreObservation {
  const matches = observations.filter((o) => o.model === model && (setting === undefined || o.setting === setting));
  expect(matches).toHaveLength(1);
  return matches[0]!;
}

describe("aider snapshots", () => {
  it.each([
    [POLYGLOT_LATEST, 66, 3],
    ["polyglot_leaderboard.2025-03-28.87ba63c.yml", 31, 2],
    [EDIT_LATEST, 98, 0],
    ["edit_leaderboard.2024-08-21.27190c2.yml", 38, 0],
    [REFACTOR, 14, 0],
  ])("%s: %i scores, %i skipped", (file, observations, skipped) => {
    const result = parsed(file);
    expect(result.observations).toHaveLength(observations);
    expect(result.skipped).toHaveLength(skipped);
    for (const observation of result.observations) expect(scoreObservationSchema.parse(observation)).toEqual(observation);
  });

  it("reads polyglot scores, settings, run dates and costs as written", () => {
    const { observations } = parsed(POLYGLOT_LATEST);
    expect(find(observations, "gpt-5 (high)")).toMatchObject({
      benchmark: "aider-polyglot",
      setting: "high, diff",
      score: 88,
      scale: "percent",
      asOf: "2025-08-23",
      costUsd: "29.0829",
    });
    expect(find(observations, "claude-opus-4-20250514 (32k thinking)")).toMatchObject({
      setting: "32k thinking, diff",
      score: 72,
      asOf: "2025-05-25",
      costUsd: "65.7484",
    });
    expect(find(observations, "gemini-2.5-pro-preview-06-05 (32k think)")).toMatchObject({ setting: "32k think, diff-fenced", score: 83.1 });
    expect(find(observations, "Grok 3 Mini Beta (high)")).toMatchObject({ setting: "high, whole", score: 49.3, costUsd: "0.7346" });
    // "(0528)" is part of the model's name, not a run setting.
    expect(find(observations, "DeepSeek R1 (0528)")).toMatchObject({ setting: "diff", score: 71.4, costUsd: "4.8016" });
  });

  it("keeps two runs of one model apart by edit format", () => {
    const { observations } = parsed(POLYGLOT_LATEST);
    expect(find(observations, "Qwen2.5-Coder-32B-Instruct", "whole")).toMatchObject({ score: 16.4, asOf: "2024-12-26" });
    expect(find(observations, "Qwen2.5-Coder-32B-Instruct", "diff")).toMatchObject({ score: 8, asOf: "2024-12-22" });
  });

  it("treats a total_cost of 0 or no total_cost as unknown", () => {
    const { observations } = parsed(POLYGLOT_LATEST);
    expect(observations.filter((o) => o.costUsd === null)).toHaveLength(17);
    expect(find(observations, "qwen-max-2025-01-25").costUsd).toBeNull();
    expect(find(observations, "Qwen2.5-Coder-32B-Instruct", "diff").costUsd).toBeNull();
  });

  it("skips architect pairs with both models named", () => {
    const { skipped } = parsed(POLYGLOT_LATEST);
    expect(skipped.map((entry) => entry.name)).toEqual([
      "DeepSeek R1 + claude-3-5-sonnet-20241022",
      "QwQ-32B + Qwen 2.5 Coder Instruct",
      "o3 (high) + gpt-4.1",
    ]);
    expect(skipped[2]?.reason).toContain("gpt-4.1 edits");
  });

  it("reads the edit board with the model release date as a hint", () => {
    const { observations } = parsed(EDIT_LATEST);
    expect(find(observations, "gpt-4-turbo-2024-04-09 (udiff)")).toMatchObject({
      benchmark: "aider-edit",
      setting: "udiff",
      score: 63.9,
      asOf: "2024-05-01",
      costUsd: "6.3337",
      hints: { releaseDate: "2024-04-09" },
    });
    expect(find(observations, "claude-3-5-sonnet-20241022")).toMatchObject({ score: 84.2, costUsd: null });
    expect(find(observations, "gemini-exp-1114")).toMatchObject({ score: 60.9, costUsd: null, hints: { releaseDate: "2024-11-14" } });
  });

  it("scores the refactor board by pass_rate_1, the only rate it has", () => {
    const { observations } = parsed(REFACTOR);
    expect(find(observations, "claude-3-5-sonnet-20241022")).toMatchObject({ benchmark: "aider-refactor", score: 92.1, costUsd: "8.4644" });
    expect(find(observations, "o1-preview")).toMatchObject({ score: 75.3, asOf: "2024-10-22", costUsd: "120.985" });
  });

  it("parses the three live leaderboards together, named by URL", () => {
    const documents = aiderSource.urls.map((url, index) => ({
      name: url,
      body: snapshot([POLYGLOT_LATEST, EDIT_LATEST, REFACTOR][index]!).body,
    }));
    const result = aiderSource.parse(documents, { observedAt: new Date("2026-01-01T00:00:00Z") });
    expect(result.observations).toHaveLength(66 + 98 + 14);
    expect(new Set(result.observations.map((o) => o.benchmark))).toEqual(new Set(aiderSource.benchmarks.map((b) => b.id)));
  });
});

describe("aider settings", () => {
  it.each([
    ["o3 (high)", "diff", "high, diff"],
    ["claude-3-7-sonnet-20250219 (32k thinking tokens)", "diff", "32k thinking tokens, diff"],
    ["gemini-2.5-flash-preview-05-20 (no think)", "diff", "no think, diff"],
    ["gemini-exp-1206 (whole)", "whole", "whole"],
    ["chatgpt-4o-latest (2025-02-15)", "diff", "diff"],
    ["qwen-2.5-72b-instruct (bf16)", "diff", "diff"],
    ["DeepSeek-V3.2-Exp (Reasoner)", "diff", "diff"],
  ])("%s with %s -> %s", (model, editFormat, setting) => {
    expect(aiderSetting(model, editFormat)).toBe(setting);
  });
});

describe("aider payload errors", () => {
  const polyglot = (body: string): PayloadDocument => ({ name: "polyglot_leaderboard.yml", body });
  const run = "- dirname: run-1\n  model: some-model\n  edit_format: diff\n  date: 2025-01-01\n  pass_rate_2: 50.0\n";

  it("accepts a minimal hand-written run", () => {
    expect(parseAiderLeaderboards([polyglot(run)]).observations).toMatchObject([{ model: "some-model", score: 50, costUsd: null }]);
  });

  it.each([
    ["invalid YAML", "- model: [unclosed\n", /invalid YAML/],
    ["an empty file", "", /found an empty document/],
    ["a mapping instead of a list", "model: x\n", /expected a YAML list/],
    ["an HTML page", "<html><body>Just a moment...</body></html>", /expected a YAML list/],
    ["an empty list", "[]\n", /no benchmark runs/],
    ["a run without its score column", run.replace("  pass_rate_2: 50.0\n", ""), /has no pass_rate_2/],
    ["a run without a date", run.replace("  date: 2025-01-01\n", ""), /run 1 does not have the expected fields: date/],
  ])("rejects %s", (_, body, message) => {
    expect(() => parseAiderLeaderboards([polyglot(body)])).toThrow(PayloadError);
    expect(() => parseAiderLeaderboards([polyglot(body)])).toThrow(message);
  });

  it("rejects a payload with no leaderboard document", () => {
    expect(() => parseAiderLeaderboards([{ name: "PROVENANCE.md", body: "# notes" }])).toThrow(/no Aider leaderboard/);
  });

  it("rejects two versions of one leaderboard in one run", () => {
    const documents = [snapshot(POLYGLOT_LATEST), snapshot("polyglot_leaderboard.2025-03-28.87ba63c.yml")];
    expect(() => parseAiderLeaderboards(documents)).toThrow(/two polyglot_leaderboard documents/);
  });
});

import { describe, expect, it } from "vitest";
import { scoreObservationSchema, type ScoreObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { sweBenchSource } from "./index.ts";
import { parseSweBenchLeaderboards } from "./parse.ts";

const snapshot = (file: string): PayloadDocument => snapshotDocument("benchmarks", "swe-bench", file);
const DECEMBER = "leaderboards.2025-12-10.f1176b6.json";
const OCTOBER = "leaderboards.2025-10-06.f702a7f.json";
const december = parseSweBenchLeaderboards([snapshot(DECEMBER)]);
const october = parseSweBenchLeaderboards([snapshot(OCTOBER)]);

function scoresOf(benchmark: string, model: string, observations = december.observations): ScoreObservation[] {
  return observations.filter((o) => o.benchmark === benchmark && o.model === model);
}

function only(observations: ScoreObservation[]): ScoreObservation {
  expect(observations).toHaveLength(1);
  return observations[0]!;
}

function countByBenchmark(observations: ScoreObservation[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { benchmark } of observations) counts[benchmark] = (counts[benchmark] ?? 0) + 1;
  return counts;
}

function skippedOnBoard(board: string, result = december): number {
  return result.skipped.filter((entry) => entry.name.endsWith(`[${board}]`)).length;
}

describe("swe-bench snapshots", () => {
  it("2025-12-10: 212 single-model scores, 110 agent systems skipped", () => {
    expect(december.observations).toHaveLength(212);
    expect(december.skipped).toHaveLength(110);
    expect(countByBenchmark(december.observations)).toEqual({
      "swe-bench-bash-only": 31,
      "swe-bench-full": 12,
      "swe-bench-verified": 102,
      "swe-bench-lite": 52,
      "swe-bench-multimodal": 15,
    });
    expect([skippedOnBoard("bash-only"), skippedOnBoard("Test"), skippedOnBoard("Verified"), skippedOnBoard("Lite"), skippedOnBoard("Multimodal")]).toEqual([0, 11, 60, 32, 7]);
    for (const observation of december.observations) expect(scoreObservationSchema.parse(observation)).toEqual(observation);
  });

  it("2025-10-06: 187 single-model scores, 107 agent systems skipped", () => {
    expect(october.observations).toHaveLength(187);
    expect(october.skipped).toHaveLength(107);
    expect(countByBenchmark(october.observations)).toMatchObject({ "swe-bench-bash-only": 22, "swe-bench-verified": 87 });
    expect(skippedOnBoard("Verified", october)).toBe(58);
  });

  it("reads bash-only rows: the model tag, the display name as setting, run cost and maker", () => {
    expect(only(scoresOf("swe-bench-bash-only", "claude-opus-4-5-20251101"))).toEqual({
      benchmark: "swe-bench-bash-only",
      model: "claude-opus-4-5-20251101",
      setting: "Claude 4.5 Opus medium (20251101); Attempts - 1",
      score: 74.4,
      scale: "percent",
      ciLower: null,
      ciUpper: null,
      votes: null,
      asOf: "2025-11-24",
      costUsd: "360.6224985",
      hints: { openWeights: false, creator: "Anthropic" },
    });
    expect(only(scoresOf("swe-bench-bash-only", "gpt-5-2025-08-07"))).toMatchObject({
      setting: "GPT-5 (2025-08-07) (medium reasoning); Attempts - 1",
      score: 65,
      costUsd: "140.19150875",
    });
    expect(only(scoresOf("swe-bench-bash-only", "Kimi-K2-Instruct")).hints).toEqual({ openWeights: true, creator: "Moonshot AI" });
  });

  it("treats a run cost of 0 as unknown", () => {
    expect(only(scoresOf("swe-bench-bash-only", "gemini-2.0-flash"))).toMatchObject({ score: 13.52, costUsd: null });
    expect(only(scoresOf("swe-bench-bash-only", "Kimi-K2-Instruct", october.observations)).costUsd).toBeNull();
  });

  it("emits systems of one explicit model with the scaffold as setting, on every board", () => {
    const liveSweAgent = scoresOf("swe-bench-verified", "gemini-3-pro-preview").find((o) => o.setting?.startsWith("live-SWE-agent"));
    expect(liveSweAgent).toMatchObject({ score: 77.4, asOf: "2025-11-20", costUsd: null, hints: { openWeights: false } });
    expect(only(scoresOf("swe-bench-lite", "claude-3.5-sonnet-20241022"))).toMatchObject({ setting: "Isea; Attempts - 2+", score: 51.33, asOf: "2025-09-11" });
    expect(only(scoresOf("swe-bench-full", "claude-3-7-sonnet-20250219"))).toMatchObject({ setting: "SWE-agent 1.0 (Claude 3.7 Sonnet); Attempts - 1", score: 33.83 });
    expect(scoresOf("swe-bench-multimodal", "o3-2025-04-16").map((o) => o.score)).toEqual([35.98, 35.98]);
    // The tag is kept as written, even when it is a URL.
    expect(only(scoresOf("swe-bench-verified", "https://huggingface.co/Qwen/Qwen3-Coder-480B-A35B-Instruct"))).toMatchObject({ score: 69.6, hints: { openWeights: true } });
  });

  it("tells apart a system's single-attempt and multi-attempt runs", () => {
    const entroPo = scoresOf("swe-bench-verified", "Qwen3-Coder-30B-A3B-Instruct").filter((o) => o.setting?.startsWith("EntroPO"));
    expect(entroPo.map((o) => [o.setting, o.score])).toEqual([
      ["EntroPO + R2E + Qwen3-Coder-30B-A3B-Instruct; Attempts - 2+", 60.4],
      ["EntroPO + R2E + Qwen3-Coder-30B-A3B-Instruct; Attempts - 1", 52.2],
    ]);
  });

  it("keeps each dated resubmission of a system as its own observation", () => {
    const moatless = scoresOf("swe-bench-lite", "claude-3-5-sonnet-20241022").filter((o) => o.setting === "Moatless Tools + Claude 3.5 Sonnet (20241022)");
    expect(moatless.map((o) => [o.asOf, o.score])).toEqual([
      ["2025-01-14", 39],
      ["2024-11-17", 38.33],
    ]);
  });

  it("skips systems with no model tag or several", () => {
    const reasons = new Map(december.skipped.map((entry) => [entry.name, entry.reason]));
    expect(reasons.get("TRAE + Doubao-Seed-Code [Verified]")).toBe("agent system combining 2 models: Doubao-Seed-Code, Doubao-Seed-1.6");
    expect(reasons.get("Honeycomb [Lite]")).toBe("agent system with no Model tag");
    expect(reasons.get("ACoder [Verified]")).toMatch(/^agent system combining 4 models/);
  });
});

describe("swe-bench payloads", () => {
  const file = (body: string): PayloadDocument => ({ name: "leaderboards.json", body });
  const result = { name: "X + gpt-4o", folder: "x", date: "2025-01-01", resolved: 42.5, cost: null, tags: ["Model: gpt-4o"], os_model: false };
  const boards = (leaderboards: unknown): string => JSON.stringify({ leaderboards });

  it("skips a board that is not in the catalogue", () => {
    const parsed = parseSweBenchLeaderboards([file(boards([{ name: "Lite", results: [result] }, { name: "Multilingual", results: [result] }]))]);
    expect(parsed.observations).toMatchObject([{ benchmark: "swe-bench-lite", model: "gpt-4o", score: 42.5 }]);
    expect(parsed.skipped).toEqual([{ name: "Multilingual", reason: "board not in the catalogue (1 results)" }]);
  });

  it.each([
    ["invalid JSON", "{\"leaderboards\": [", /invalid JSON/],
    ["an empty file", "", /invalid JSON/],
    ["an HTML page", "<!DOCTYPE html><html></html>", /invalid JSON/],
    ["no leaderboards key", "{}", /not a SWE-bench leaderboards file: leaderboards/],
    ["no boards", boards([]), /not a SWE-bench leaderboards file/],
    ["a result without resolved", boards([{ name: "Lite", results: [{ ...result, resolved: undefined }] }]), /Lite result 1 does not have the expected fields: resolved/],
    ["only agent systems", boards([{ name: "Lite", results: [{ ...result, tags: [] }] }]), /no single-model result/],
  ])("rejects %s", (_, body, message) => {
    expect(() => parseSweBenchLeaderboards([file(body)])).toThrow(PayloadError);
    expect(() => parseSweBenchLeaderboards([file(body)])).toThrow(message);
  });

  it("needs exactly one leaderboards.json", () => {
    expect(() => parseSweBenchLeaderboards([{ name: "PROVENANCE.md", body: "" }])).toThrow(/no leaderboards.json/);
    expect(() => parseSweBenchLeaderboards([snapshot(DECEMBER), snapshot(OCTOBER)])).toThrow(/replay one at a time/);
  });

  it("parses the live document named by its URL", () => {
    const live = sweBenchSource.parse([{ name: sweBenchSource.urls[0]!, body: snapshot(OCTOBER).body }], { observedAt: new Date() });
    expect(live.observations).toHaveLength(187);
    expect(new Set(live.observations.map((o) => o.benchmark))).toEqual(new Set(sweBenchSource.benchmarks.map((b) => b.id)));
  });
});

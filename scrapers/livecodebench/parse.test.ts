import { describe, expect, it } from "vitest";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { liveCodeBenchSource } from "./index.ts";

const FILE = "benchmarks/livecodebench/performances_generation.2025-04-22.83b6481.json";
const context = { observedAt: new Date("2026-12-01T00:00:00Z") };
const parse = () => liveCodeBenchSource.parse([snapshotDocument(FILE)], context);

describe("livecodebench", () => {
  it("scores all 16 models on the 454 problems of 2024-08-01..2025-04-07 (every cut-off is before the window)", () => {
    const { observations, skipped } = parse();
    expect(observations).toHaveLength(16);
    expect(skipped).toHaveLength(0);
    expect(new Set(observations.map((o) => o.benchmark))).toEqual(new Set(["livecodebench-2024-08-01-to-2025-04-07"]));
  });

  it("gives the leaderboard's window means (checked by hand in PROVENANCE.md), with the effort as setting", () => {
    const { observations } = parse();
    const find = (model: string, setting: string | null) => observations.find((o) => o.model === model && o.setting === setting)!;
    expect(find("o4-mini", "high").score).toBeCloseTo(73.3, 1);
    expect(find("gemini-2.5-pro-exp-03-25", null).score).toBeCloseTo(67.8, 1);
    expect(find("o3-mini-2025-01-31", "high").score).toBeCloseTo(67.4, 1);
    expect(find("claude-3-7-sonnet-20250219", "thinking").hints.displayName).toBe("Claude-3.7-Sonnet (Thinking)");
    // deepseek-chat floats to DeepSeek's newest model; the display name says which one ran.
    expect(observations.some((o) => o.model === "DeepSeek-V3")).toBe(true);
    expect(observations.some((o) => o.model === "deepseek-chat")).toBe(false);
  });

  it("skips a model whose contamination cut-off is inside the window, and one with missing problems", () => {
    const day = Date.parse("2024-09-01T00:00:00Z");
    const body = JSON.stringify({
      performances: [
        { question_id: "a", model: "Late", date: day, "pass@1": 100 },
        { question_id: "a", model: "Early", date: day, "pass@1": 50 },
        { question_id: "b", model: "Early", date: day, "pass@1": 0 },
        { question_id: "b", model: "Partial", date: day, "pass@1": 0 },
      ],
      models: [
        { model_name: "late", model_repr: "Late", release_date: Date.parse("2024-08-15T00:00:00Z") },
        { model_name: "early", model_repr: "Early", release_date: Date.parse("2024-01-01T00:00:00Z") },
        { model_name: "partial", model_repr: "Partial", release_date: Date.parse("2024-01-01T00:00:00Z") },
      ],
    });
    const { observations, skipped } = liveCodeBenchSource.parse([{ name: "performances_generation.json", body }], context);
    expect(observations).toEqual([expect.objectContaining({ model: "early", score: 25 })]);
    expect(skipped.map((entry) => entry.reason)).toEqual(["contamination cut-off 2024-08-15 is not before the window (2024-08-01)", "results for 1 of the window's 2 problems"]);
  });
});

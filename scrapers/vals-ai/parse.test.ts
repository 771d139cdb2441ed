import { describe, expect, it } from "vitest";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { valsAiSource } from "./index.ts";
import { valsSetting } from "./parse.ts";

const FILE = "benchmarks/vals-ai/dot-mike.scores-excerpt.2026-10-06.8a2fd46.csv";
const parse = () => valsAiSource.parse([snapshotDocument(FILE)], { observedAt: new Date("2026-12-01T00:00:00Z") });

describe("vals-ai", () => {
  it("reads the three overall blocks: 54 CaseLaw v2, 143 LiveCodeBench and 149 LegalBench rows", () => {
    const { observations, skipped } = parse();
    expect(observations).toHaveLength(346);
    expect(skipped).toHaveLength(0);
    const count = (id: string) => observations.filter((observation) => observation.benchmark === id).length;
    expect([count("vals-caselaw-v2"), count("vals-livecodebench"), count("vals-legalbench")]).toEqual([54, 143, 149]);
    expect(new Set(observations.map((observation) => observation.benchmark)).size).toBe(3);
  });

  it("keeps percent scores, the run date of each block, the effort as setting and cost per test", () => {
    const { observations } = parse();
    const find = (benchmark: string, model: string) => observations.find((o) => o.benchmark === benchmark && o.model === model);
    expect(find("vals-legalbench", "anthropic/claude-opus-5")).toMatchObject({ score: 86.974, scale: "percent", asOf: "2026-10-01", costUsd: "0.011976", setting: null });
    expect(find("vals-caselaw-v2", "openai/gpt-5.5")).toMatchObject({ score: 66.238, asOf: "2026-05-04", costUsd: "0.155011", setting: "xhigh" });
    expect(find("vals-livecodebench", "deepseek/deepseek-v4-flash-0731")).toMatchObject({ score: 87.264, asOf: "2026-09-01", setting: "high" });
    // 95% interval from the stated standard error (0.417 points).
    const opus = find("vals-legalbench", "anthropic/claude-opus-5")!;
    expect(opus.ciLower).toBeCloseTo(86.974 - 1.96 * 0.417, 6);
    expect(opus.ciUpper).toBeCloseTo(86.974 + 1.96 * 0.417, 6);
  });

  it("reads an empty or zero cost as unknown, never as free (76 of 149 LegalBench rows are empty)", () => {
    const { observations } = parse();
    const legal = observations.filter((observation) => observation.benchmark === "vals-legalbench");
    expect(legal.filter((observation) => observation.costUsd === null)).toHaveLength(76);
    expect(observations.find((o) => o.benchmark === "vals-caselaw-v2" && o.model === "google/gemma-4-31b-it")?.costUsd).toBeNull();
    expect(observations.every((observation) => observation.costUsd !== "0")).toBe(true);
  });

  it("skips sub-tasks and uncatalogued benchmarks with the reason, and labels a numeric effort", () => {
    const header = "benchmark,benchmark_name,benchmark_updated,industry,task,task_name,model,rank,ranked,accuracy,stderr,cost_per_test,latency,reasoning_effort";
    const body = [header, "legal_bench,LegalBench,2026-10-01,legal,rule_tasks,Rule,openai/gpt-5.5,1,2,90,1,,1,", "aime,AIME,2026-10-01,math,overall,Overall,openai/gpt-5.5,1,2,90,1,,1,", "lcb,LCB,2026-09-01,coding,overall,Overall,thinkingmachines/inkling,1,1,50,1,8.6e-05,1,0.99"].join("\n");
    const { observations, skipped } = valsAiSource.parse([{ name: "scores.csv", body }], { observedAt: new Date() });
    expect(skipped.map((entry) => entry.reason)).toEqual(['sub-task "rule_tasks": only the overall score is ingested', 'vals.ai benchmark "aime" is not in the catalogue']);
    expect(observations).toEqual([expect.objectContaining({ setting: "effort 0.99", costUsd: "0.000086" })]);
    expect(valsSetting("")).toBeNull();
  });

  it("fails a score outside 0-100 with the model named", () => {
    const body = "benchmark,benchmark_updated,task,model,accuracy,stderr,cost_per_test,reasoning_effort\nlcb,2026-09-01,overall,x/y,120,1,,\n";
    expect(() => valsAiSource.parse([{ name: "scores.csv", body }], { observedAt: new Date() })).toThrow(/accuracy of x\/y is "120", not a percent/);
  });
});

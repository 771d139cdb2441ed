import { describe, expect, it } from "vitest";
import { snapshotFolderDocuments } from "../../test/helpers/snapshots.ts";
import { epochAiHubSource } from "./index.ts";

const context = { observedAt: new Date("2026-12-01T00:00:00Z") };
const parseDownload = (folder: string) => epochAiHubSource.parse(snapshotFolderDocuments("benchmarks/epoch-ai-hub", folder), context);
const countBy = (values: readonly string[]) => values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});

describe("epoch-ai-hub", () => {
  it("reads the 2026-04-19 download: 1,403 scores on 17 benchmarks (ECI fit of 2026-04-17 included), 408 skipped", () => {
    const { observations, skipped } = parseDownload("benchmark_data.2026-04-19.8698b9b");
    expect(observations).toHaveLength(1403);
    expect(skipped).toHaveLength(408);
    expect(countBy(observations.map((o) => o.benchmark))).toEqual({
      "epoch-chess-puzzles": 31,
      "epoch-eci-2026-04-17": 348,
      "epoch-fiction-livebench-120k": 42,
      "epoch-frontiermath": 89,
      "epoch-frontiermath-tier-4": 59,
      "epoch-gdpval": 11,
      "epoch-gpqa-diamond": 157,
      "epoch-hle": 43,
      "epoch-lech-mazur-writing": 45,
      "epoch-math-level-5": 108,
      "epoch-otis-mock-aime-2024-2025": 130,
      "epoch-simplebench": 71,
      "epoch-simpleqa-verified": 41,
      "epoch-swe-bench-bash-only": 33,
      "epoch-swe-bench-verified": 23,
      "epoch-terminal-bench-2": 69,
      "epoch-weirdml": 103,
    });
    // Terminal-Bench rows that do not state version 2.0 are never pooled with it.
    expect(skipped.filter((entry) => /does not state Terminal-Bench 2.0/.test(entry.reason))).toHaveLength(99);
  });

  it("reads the 2026-03-09 download: 1,249 scores on 16 benchmarks (no GDPval yet, ECI fit of 2026-02-25), 327 skipped", () => {
    const { observations, skipped } = parseDownload("benchmark_data.2026-03-09.07f3455");
    expect(observations).toHaveLength(1249);
    expect(skipped).toHaveLength(327);
    const benchmarks = new Set(observations.map((o) => o.benchmark));
    expect(benchmarks.size).toBe(16);
    expect(benchmarks.has("epoch-eci-2026-02-25")).toBe(true);
    expect(benchmarks.has("epoch-gdpval")).toBe(false);
  });

  it("keeps each ECI fit apart: the same model has different values in two fits", () => {
    const eci = (folder: string, fit: string) =>
      parseDownload(folder).observations.find((o) => o.benchmark === `epoch-eci-${fit}` && o.model === "claude-opus-4-6")!.score;
    expect(eci("benchmark_data.2026-03-09.07f3455", "2026-02-25")).toBe(152.65201830089973);
    expect(eci("benchmark_data.2026-04-19.8698b9b", "2026-04-17")).toBe(155.03424458637127);
  });

  it("keeps scores, run dates, costs and agents as read off the files", () => {
    const { observations } = parseDownload("benchmark_data.2026-04-19.8698b9b");
    const find = (benchmark: string, model: string) => observations.filter((o) => o.benchmark === benchmark && o.model === model);
    expect(find("epoch-gpqa-diamond", "gpt-5.2-2025-12-11_high")).toEqual([expect.objectContaining({ score: 0.8819444444444444, asOf: "2025-12-11", scale: "fraction" })]);
    expect(find("epoch-swe-bench-bash-only", "claude-opus-4-5-20251101")).toEqual([expect.objectContaining({ score: 0.768, asOf: "2026-02-17", costUsd: "0.75" })]);
    // Two HLE rows share a model version; their "Name" tells thinking from not.
    expect(find("epoch-hle", "claude-opus-4-5-20251101-thinking")[0]?.score).toBe(0.252);
    expect(find("epoch-hle", "claude-opus-4-5-20251101")[0]?.score).toBe(0.1416);
    // SWE-bench Verified ran claude-opus-4-6 twice: the later run (2026-02-18) counts.
    expect(find("epoch-swe-bench-verified", "claude-opus-4-6")).toEqual([expect.objectContaining({ score: 0.7871900826446281, asOf: "2026-02-18" })]);
    const terminal = observations.filter((o) => o.benchmark === "epoch-terminal-bench-2");
    expect(terminal.every((o) => o.setting?.startsWith("agent "))).toBe(true);
    expect(observations.filter((o) => o.scale === "fraction").every((o) => o.score >= 0 && o.score <= 1)).toBe(true);
  });

  it("refuses two downloads in one payload (their data dates differ)", () => {
    const documents = snapshotFolderDocuments("benchmarks/epoch-ai-hub");
    expect(() => epochAiHubSource.parse(documents, context)).toThrow(/two \S+\.csv in one payload; replay one download folder at a time/);
  });

  it("skips tables it does not read, each with its reason, and fails a download with none it reads", () => {
    const { skipped } = parseDownload("benchmark_data.2026-04-19.8698b9b");
    expect(skipped.find((entry) => entry.name === "live_bench_external.csv")?.reason).toMatch(/pools several LiveBench releases/);
    expect(skipped.find((entry) => entry.name === "aider_polyglot_external.csv")?.reason).toMatch(/aider source/);
    expect(() => epochAiHubSource.parse([{ name: "mmlu_external.csv", body: "Model version,EM\nx,0.5\n" }], context)).toThrow(/no catalogued table/);
  });
});

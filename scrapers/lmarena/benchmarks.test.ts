import { describe, expect, it } from "vitest";
import { snapshotFolderDocuments } from "../../test/helpers/snapshots.ts";
import { lmarenaSource } from "./index.ts";

describe("lmarena source definition", () => {
  const ids = lmarenaSource.benchmarks.map((benchmark) => benchmark.id);

  it("catalogues the overall, style-control, per-category and code boards once each", () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(59);
    for (const id of [
      "lmarena-text",
      "lmarena-text-style-control",
      "lmarena-text-coding",
      "lmarena-text-math",
      "lmarena-text-creative-writing",
      "lmarena-text-instruction-following",
      "lmarena-text-hard-prompts",
      "lmarena-text-long-query",
      "lmarena-text-multi-turn",
      "lmarena-text-legal",
      "lmarena-text-medical",
      "lmarena-text-style-control-legal",
      "lmarena-code",
    ]) {
      expect(ids).toContain(id);
    }
    expect(lmarenaSource.benchmarks.every((benchmark) => benchmark.scale === "elo" && benchmark.higherIsBetter)).toBe(true);
    expect(lmarenaSource.benchmarks.find((benchmark) => benchmark.id === "lmarena-text-legal")?.url).toBe(
      "https://arena.ai/leaderboard/text/industry-legal-and-government-no-style-control",
    );
  });

  it("replays its whole snapshot folder in one run, with catalogued ids and cross-file hints", () => {
    const [replayPath = ""] = lmarenaSource.replayPaths ?? [];
    const result = lmarenaSource.parse(snapshotFolderDocuments(...replayPath.split("/")), { observedAt: new Date("2026-08-01T00:00:00Z") });
    expect(result.observations).toHaveLength(35322);
    // 141 scatterplot + 13 key_to_model + 1 PROVENANCE.md + 6 harness runs + 97 repeated rows.
    expect(result.skipped).toHaveLength(258);
    const emitted = new Set(result.observations.map((observation) => observation.benchmark));
    expect([...emitted].filter((id) => !ids.includes(id))).toEqual([]);
    const sonnet = result.observations.find(
      (observation) => observation.benchmark === "lmarena-text-style-control" && observation.model === "claude-3-5-sonnet-20241022",
    );
    expect(sonnet?.hints).toEqual({ displayName: "Claude 3.5 Sonnet", creator: "Anthropic", openWeights: false });
  });
});

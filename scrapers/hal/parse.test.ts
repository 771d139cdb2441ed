import { describe, expect, it } from "vitest";
import { snapshotFolderDocuments } from "../../test/helpers/snapshots.ts";
import { halSource } from "./index.ts";
import { halEffort, halSetting } from "./parse.ts";

const context = { observedAt: new Date("2026-12-01T00:00:00Z") };
const BOARDS: Array<[board: string, results: number]> = [
  ["assistantbench", 15],
  ["corebench-hard", 49],
  ["gaia", 128],
  ["online-mind2web", 22],
  ["scicode", 33],
  ["scienceagentbench", 23],
  ["swebench-verified-mini", 33],
  ["taubench-airline", 26],
  ["usaco", 13],
];
const parseBoard = (board: string) => halSource.parse(snapshotFolderDocuments("benchmarks/hal", `evaleval.hal-${board}.2026-04-28.2f1fea4`), context);

describe("hal", () => {
  it.each(BOARDS)("reads every result of %s (%i), each model under its scaffold as the setting", (board, results) => {
    const { observations, skipped } = parseBoard(board);
    expect(observations).toHaveLength(results);
    expect(skipped).toHaveLength(0);
    expect(observations.every((o) => o.setting !== null && /agent \S/.test(o.setting) && o.scale === "fraction" && o.costUsd !== null)).toBe(true);
  });

  it("reads the whole payload as 342 scores on 12 benchmarks (GAIA overall and its three levels)", () => {
    const documents = BOARDS.flatMap(([board]) => snapshotFolderDocuments("benchmarks/hal", `evaleval.hal-${board}.2026-04-28.2f1fea4`));
    const { observations } = halSource.parse(documents, context);
    expect(observations).toHaveLength(342);
    expect(new Set(observations.map((o) => o.benchmark)).size).toBe(12);
    expect(new Set(observations.map((o) => `${o.benchmark}|${o.model}|${o.setting}`)).size).toBe(342);
  });

  it("keeps the score and the whole run's cost, as read off the files; tells R1 of May 2025 from January's", () => {
    const swe = parseBoard("swebench-verified-mini").observations.filter((o) => o.model === "anthropic/claude-sonnet-4-5");
    expect(swe.map((o) => [o.score, o.costUsd]).sort()).toEqual(expect.arrayContaining([[0.72, "463.9"], [0.68, "505.92"]]));
    const gaia = parseBoard("gaia").observations.filter((o) => o.model === "google/gemini-2.0-flash" && o.setting === "agent HF Open Deep Research");
    expect(Object.fromEntries(gaia.map((o) => [o.benchmark, o.score]))).toEqual({ "hal-gaia": 0.1939, "hal-gaia-level-1": 0.2453, "hal-gaia-level-2": 0.1977, "hal-gaia-level-3": 0.0769 });
    expect(gaia.every((o) => o.costUsd === "18.82")).toBe(true);
    const assistant = parseBoard("assistantbench").observations.map((o) => o.model);
    expect(assistant).toEqual(expect.arrayContaining(["deepseek/deepseek-r1", "deepseek/deepseek-r1-0528"]));
  });

  it("reads the effort from HAL's display name", () => {
    expect(halEffort("Claude Opus 4.1 High (August 2025)")).toBe("high");
    expect(halEffort("o4-mini Low (April 2025)")).toBe("low");
    expect(halEffort("GPT-5 Medium (August 2025)")).toBe("medium");
    expect(halEffort("Claude Opus 4.1")).toBeNull();
    expect(halSetting("o3 Medium (April 2025)", "SWE-Agent")).toBe("medium, agent SWE-Agent");
  });
});

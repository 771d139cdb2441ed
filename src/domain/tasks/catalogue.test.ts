import { describe, expect, it } from "vitest";
import { textBenchmarkIdForCategory } from "../../../scrapers/lmarena/benchmarks.ts";
import { SOURCES } from "../../../scrapers/registry.ts";
import { catalogueBenchmarkIds, TASK_CLASSES, TASK_IDS, taskClassSchema } from "./catalogue.ts";

const definitions = new Map(SOURCES.flatMap((source) => (source.kind === "benchmark" ? source.benchmarks.map((b) => [b.id, { ...b, source: source.id }] as const) : [])));

describe("task catalogue", () => {
  it("names only benchmarks that a source defines", () => {
    const unknown = catalogueBenchmarkIds().filter((id) => !definitions.has(id));
    expect(unknown).toEqual([]);
  });

  it("has the classes the design names, each with weights summing to 1 and a reasoned token profile", () => {
    expect(TASK_IDS).toEqual(
      expect.arrayContaining(["coding", "agentic-coding", "reasoning", "math", "chat", "tool-use", "long-context", "instruction-following", "legal", "extraction"]),
    );
    expect(new Set(TASK_IDS).size).toBe(TASK_IDS.length);
    for (const task of TASK_CLASSES) {
      expect(task.components.reduce((sum, component) => sum + component.weight, 0)).toBeCloseTo(1, 9);
      expect(task.profile.why.length).toBeGreaterThan(40);
      expect(task.rationale.length).toBeGreaterThan(80);
    }
  });

  it("reads legal from graded legal benchmarks (LegalBench, CaseLaw) as well as LMArena's legal-and-government category", () => {
    const legal = TASK_CLASSES.find((task) => task.id === "legal")!;
    const arenaLegal = textBenchmarkIdForCategory("style-control", "industry_legal_and_government");
    expect(legal.components.map((component) => component.key)).toEqual(expect.arrayContaining([arenaLegal, "vals-legalbench", "vals-caselaw-v2", "helm-lite-legalbench"]));
  });

  it("has the classes HELM's data supports, each read from benchmarks that measure that skill", () => {
    const keys = (id: string) => TASK_CLASSES.find((task) => task.id === id)!.components.map((component) => component.key);
    expect(keys("translation")).toContain("helm-lite-wmt14");
    expect(keys("summarisation")).toEqual(expect.arrayContaining(["helm-classic-cnn-dailymail", "helm-classic-xsum"]));
    expect(keys("grounded-qa")).toEqual(expect.arrayContaining(["helm-lite-narrativeqa", "helm-classic-naturalquestions-open-book"]));
    expect(keys("classification")).toEqual(expect.arrayContaining(["helm-classic-raft", "helm-classic-civilcomments", "helm-classic-imdb"]));
  });

  it("lists a re-based index's versions newest first, all of one source and scale", () => {
    const groups = TASK_CLASSES.flatMap((task) => task.components.filter((component) => component.benchmarks.length > 1));
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      const versions = group.benchmarks.map((id) => definitions.get(id)!);
      expect(new Set(versions.map((version) => `${version.source}/${version.scale}`)).size).toBe(1);
      for (const id of group.benchmarks) expect(id.startsWith(`${group.key}-v`)).toBe(true);
      expect(group.benchmarks[0]).toBe(`${group.key}-v4-1`);
    }
  });

  it("refuses an entry whose weights do not sum to 1 or repeat a benchmark", () => {
    const entry = {
      id: "demo",
      name: "Demo",
      description: "d",
      rationale: "r",
      weights: [
        { benchmark: "aa-gpqa", weight: 0.5, why: "w" },
        { index: "aa-intelligence-index", versions: ["aa-intelligence-index-v4-1", "aa-gpqa"], weight: 0.4, why: "w" },
      ],
      profile: { inputTokens: 1, outputTokens: 1, cachedShare: 0, why: "w" },
    };
    const issues = taskClassSchema.safeParse(entry).error?.issues.map((issue) => issue.message) ?? [];
    expect(issues).toEqual([expect.stringMatching(/weights sum to 0\.9/), expect.stringMatching(/aa-gpqa listed twice/)]);
  });
});

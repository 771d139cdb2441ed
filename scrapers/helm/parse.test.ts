import { describe, expect, it } from "vitest";
import { snapshotFolderDocuments } from "../../test/helpers/snapshots.ts";
import { HELM_SCENARIOS } from "./benchmarks.ts";
import { eeeFileUrls, eeeTreeUrl } from "./eee.ts";
import { helmSource } from "./index.ts";

const context = { observedAt: new Date("2026-12-01T00:00:00Z") };
const parseFolder = (folder: string) => helmSource.parse(snapshotFolderDocuments("benchmarks/helm", folder), context);

describe("helm", () => {
  it.each([
    // folder, models, observations, skipped (aggregate column per model + empty cells), benchmarks
    ["evaleval.helm_lite.2026-02-12.c6fc3e1", 91, 818, 92, 9],
    ["evaleval.helm_capabilities.2026-02-12.c6fc3e1", 68, 340, 68, 5],
    ["evaleval.helm_capabilities.2026-01-16.f169a3a", 61, 305, 61, 5],
    ["evaleval.helm_classic.2026-02-12.c6fc3e1", 67, 779, 226, 14],
  ] as const)("reads %s: %i models, %i scores, %i skipped, %i benchmarks", (folder, models, count, skippedCount, benchmarks) => {
    const { observations, skipped } = parseFolder(folder);
    expect(new Set(observations.map((o) => o.model)).size).toBe(models);
    expect(observations).toHaveLength(count);
    expect(skipped).toHaveLength(skippedCount);
    expect(new Set(observations.map((o) => o.benchmark)).size).toBe(benchmarks);
    expect(observations.every((o) => o.scale === "fraction" && o.score >= 0 && o.score <= 1)).toBe(true);
  });

  it("reads the two schema versions' names of one scenario as the same benchmark, with the same values", () => {
    const older = parseFolder("evaleval.helm_capabilities.2026-01-16.f169a3a").observations;
    const newer = parseFolder("evaleval.helm_capabilities.2026-02-12.c6fc3e1").observations;
    const key = (o: { benchmark: string; model: string; score: number }) => `${o.benchmark}|${o.model}|${o.score}`;
    const newerKeys = new Set(newer.map(key));
    expect(older.every((o) => newerKeys.has(key(o)))).toBe(true);
  });

  it("keeps scores as read off the files, and skips the aggregates and HELM's empty cells (-1)", () => {
    const lite = parseFolder("evaleval.helm_lite.2026-02-12.c6fc3e1");
    const gpt4o = lite.observations.filter((o) => o.model === "openai/gpt-4o-2024-08-06");
    expect(Object.fromEntries(gpt4o.map((o) => [o.benchmark, o.score]))).toMatchObject({ "helm-lite-legalbench": 0.721, "helm-lite-wmt14": 0.225, "helm-lite-narrativeqa": 0.795 });
    const capabilities = parseFolder("evaleval.helm_capabilities.2026-02-12.c6fc3e1").observations;
    expect(capabilities.filter((o) => o.model === "anthropic/claude-sonnet-4-5-20250929").map((o) => [o.benchmark, o.score])).toEqual([
      ["helm-capabilities-mmlu-pro", 0.869],
      ["helm-capabilities-gpqa", 0.686],
      ["helm-capabilities-ifeval", 0.85],
      ["helm-capabilities-wildbench", 0.854],
      ["helm-capabilities-omni-math", 0.553],
    ]);
    const classic = parseFolder("evaleval.helm_classic.2026-02-12.c6fc3e1");
    const turbo = classic.skipped.filter((entry) => entry.name.endsWith("openai/gpt-3.5-turbo-0613"));
    expect(turbo.map((entry) => entry.reason.slice(0, 14))).toEqual(["aggregate colu", "no result for ", "no result for ", "no result for ", "no result for ", "no result for "]);
    expect(classic.skipped.filter((entry) => /no result for this scenario/.test(entry.reason))).toHaveLength(159);
  });

  it("defines one benchmark per board and scenario, never the same id twice", () => {
    const ids = HELM_SCENARIOS.map((scenario) => scenario.definition.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(28);
  });

  it("turns a live run's tree listing into the result files to fetch, and never reads the listing as a result", () => {
    const listing = {
      name: eeeTreeUrl("helm_lite"),
      body: JSON.stringify([
        { type: "directory", path: "data/helm_lite/openai" },
        { type: "file", path: "data/helm_lite/openai/gpt-4o-2024-08-06/1.json" },
        { type: "file", path: "data/helm_lite/README.md" },
      ]),
    };
    expect(helmSource.urls).toContain("https://huggingface.co/api/datasets/evaleval/every_eval_ever/tree/main/data/helm_lite?recursive=true");
    expect(eeeFileUrls([listing])).toEqual(["https://huggingface.co/datasets/evaleval/every_eval_ever/resolve/main/data/helm_lite/openai/gpt-4o-2024-08-06/1.json"]);
    expect(() => helmSource.parse([listing], context)).toThrow(/no Every Eval Ever result file/);
  });

  it("fails a file that is not an Every Eval Ever result, naming it", () => {
    expect(() => helmSource.parse([{ name: "x/y.json", body: '{"schema_version":"0.2.0"}' }], context)).toThrow(/unexpected layout.*\(in x\/y.json\)/);
  });
});

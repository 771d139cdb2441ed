import { describe, expect, it } from "vitest";
import { SOURCES } from "../../../scrapers/registry.ts";
import { loadCapabilityThresholds } from "./capability-thresholds.ts";

describe("default capability thresholds", () => {
  const thresholds = loadCapabilityThresholds();
  const known = new Map(SOURCES.flatMap((source) => (source.kind === "benchmark" ? source.benchmarks : [])).map((benchmark) => [benchmark.id, benchmark]));

  it("name benchmarks some source reports, on their scale", () => {
    for (const { benchmark, threshold } of thresholds) {
      const definition = known.get(benchmark);
      expect(definition, benchmark).toBeDefined();
      if (definition!.scale === "fraction") expect(threshold).toBeLessThanOrEqual(1);
      if (definition!.scale === "percent") expect(threshold).toBeLessThanOrEqual(100);
    }
  });

  it("cover GPQA, LMArena, Aider polyglot and SWE-bench, each bar once", () => {
    expect(new Set(thresholds.map((entry) => entry.benchmark))).toEqual(new Set(["aa-gpqa", "lmarena-text", "aider-polyglot", "swe-bench-bash-only"]));
    const keys = thresholds.map((entry) => `${entry.benchmark}@${entry.threshold}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

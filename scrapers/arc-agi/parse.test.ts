import { describe, expect, it } from "vitest";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { arcAgiSource } from "./index.ts";
import { arcModelName } from "./names.ts";
import { systemReason } from "./systems.ts";

const context = { observedAt: new Date("2026-12-01T00:00:00Z") };
const parseDate = (date: string) =>
  arcAgiSource.parse(
    [snapshotDocument(`benchmarks/arc-agi/arcprize.evaluations.${date}.json`), snapshotDocument(`benchmarks/arc-agi/arcprize.models.${date}.json`)],
    context,
  );
const countBy = (values: readonly string[]) => values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});

describe("arc-agi", () => {
  it("reads the 2026-06-16 evaluations: 545 model scores on 5 datasets, 44 systems and hidden rows skipped", () => {
    const { observations, skipped } = parseDate("2026-06-16.5ff7088");
    expect(observations).toHaveLength(545);
    expect(skipped).toHaveLength(44);
    expect(countBy(observations.map((o) => o.benchmark))).toEqual({
      "arc-agi-1-semi-private": 140,
      "arc-agi-1-public-eval": 125,
      "arc-agi-2-semi-private": 140,
      "arc-agi-2-public-eval": 133,
      "arc-agi-3-semi-private": 7,
    });
    const reasons = countBy(skipped.map((entry) => entry.reason.replace(/ \(.*$/, "").replace(/ by \S+ /, " by <author> ")));
    expect(reasons).toEqual({
      "human panel, not a model": 5,
      "Kaggle prize entry": 9,
      "hidden on arcprize.org": 20,
      "duplicate row of the same dataset and model": 1,
      "refinement scaffold by <author> around a model": 5,
      "bespoke system": 4,
    });
  });

  it("reads the 2025-04-16 evaluations (whose hidden rows write '-' for a cost): 69 scores, 20 skipped", () => {
    const { observations, skipped } = parseDate("2025-04-16.ebdcde1");
    expect(observations).toHaveLength(69);
    expect(skipped).toHaveLength(20);
    expect(new Set(observations.map((o) => o.benchmark)).size).toBe(4);
    // o3-high (3474 USD per task) is hidden on the site in this file; o3-low is shown.
    expect(observations.find((o) => o.model === "o3-high")).toBeUndefined();
    expect(observations.find((o) => o.model === "o3-low" && o.benchmark === "arc-agi-1-semi-private")).toMatchObject({ score: 0.757, costUsd: "200", asOf: "2025-04-16" });
  });

  it("keeps fraction scores and the cost per task (per run on ARC-AGI-3), as read off the file", () => {
    const { observations } = parseDate("2026-06-16.5ff7088");
    const find = (benchmark: string, model: string) => observations.find((o) => o.benchmark === benchmark && o.model === model);
    expect(find("arc-agi-2-semi-private", "gpt-5-5-2026-04-22-thinking-xhigh")).toMatchObject({ score: 0.85, scale: "fraction", costUsd: "1.87", asOf: "2026-06-16" });
    expect(find("arc-agi-1-semi-private", "gpt-5-5-2026-04-22-thinking-xhigh")).toMatchObject({ score: 0.95, costUsd: "0.73" });
    expect(find("arc-agi-3-semi-private", "claude-opus-4-6-max-effort")).toMatchObject({ score: 0.0051, costUsd: "8866.2" });
    expect(observations.some((o) => o.model === "2025_human_panel" || o.model === "ARChitects" || o.model === "NVARC_2025")).toBe(false);
  });

  it("rewrites the three id quirks that would resolve to a wrong model, and nothing else", () => {
    expect(arcModelName("Claude 3.7 Thinking 16K")).toBe("claude-3-7-sonnet-20250219-thinking-16k");
    expect(arcModelName("anthropic-opus-4-8-high")).toBe("claude-opus-4-8-high");
    expect(arcModelName("Llama-4-Maverick-17B-128E-Instruct-FP8-together")).toBe("Llama-4-Maverick-17B-128E-Instruct-FP8");
    expect(arcModelName("claude-sonnet-4-20250514-thinking-8k-bedrock")).toBe("claude-sonnet-4-20250514-thinking-8k");
    expect(arcModelName("grok-3-mini-beta-low-openrouter")).toBe("grok-3-mini-beta-low");
    expect(arcModelName("gpt-5-5-2026-04-22-thinking-xhigh")).toBe("gpt-5-5-2026-04-22-thinking-xhigh");
    const { observations } = parseDate("2026-06-16.5ff7088");
    expect(observations.find((o) => o.model === "claude-3-7-sonnet-20250219" && o.benchmark === "arc-agi-1-semi-private")).toMatchObject({ score: 0.136, hints: { displayName: "Claude 3.7" } });
  });

  it("tells systems from models by type and provider", () => {
    expect(systemReason({ id: "2025_human_panel", providerId: "Human", modelType: null })).toBe("human panel, not a model");
    expect(systemReason({ id: "ARChitects", providerId: "ARC Prize 2024", modelType: "Custom" })).toMatch(/Kaggle prize entry/);
    expect(systemReason({ id: "poetiq", providerId: "poetiq", modelType: "Refinement" })).toMatch(/refinement scaffold/);
    expect(systemReason({ id: "trm", providerId: "bespoke", modelType: "" })).toMatch(/bespoke system/);
    expect(systemReason({ id: "o3-pro-2025-06-10-high", providerId: "OpenAI", modelType: "CoT + Synthesis" })).toBeNull();
  });

  it("refuses two dates of the site in one payload (a whole-folder replay)", () => {
    const documents = ["2025-04-16.ebdcde1", "2026-06-16.5ff7088"].flatMap((date) => [
      snapshotDocument(`benchmarks/arc-agi/arcprize.evaluations.${date}.json`),
      snapshotDocument(`benchmarks/arc-agi/arcprize.models.${date}.json`),
    ]);
    expect(() => arcAgiSource.parse(documents, context)).toThrow(/2 evaluations.json documents in one payload .*replay one date at a time/);
  });

  it("fails an evaluation of a model that models.json does not list", () => {
    const evaluations = { name: "evaluations.json", body: JSON.stringify([{ datasetId: "v1_Semi_Private", modelId: "ghost", score: 0.5, costPerTask: 1 }]) };
    const models = { name: "models.json", body: "[]" };
    expect(() => arcAgiSource.parse([evaluations, models], context)).toThrow(/evaluation of "ghost", which models.json does not list/);
  });
});

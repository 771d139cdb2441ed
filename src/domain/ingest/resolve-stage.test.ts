import { describe, expect, it } from "vitest";
import { priceObservationSchema, scoreObservationSchema } from "../observation.ts";
import type { Override } from "../resolve/overrides.ts";
import { resolveModelName } from "../resolve/resolve.ts";
import { resolvePriceObservations, resolveScoreObservations, skippedModelIds } from "./resolve-stage.ts";

const options = { namesHaveAuthors: false, at: new Date("2026-08-01T00:00:00Z") };
/** The stage applies the resolver; what the resolver answers is resolve.test.ts's business. */
const modelOf = (raw: string) => resolveModelName("litellm", raw, [], { at: options.at }).modelId;
/** A reviewed override that keeps a name unmatched. */
const unmatched: Override[] = [{ raw: "zz-unknown-thing", model: null, note: "not a model" }];
const price = (model: string, provider = "openai", extra: Record<string, unknown> = {}) =>
  priceObservationSchema.parse({ provider, model, input: "1", output: "2", ...extra });

describe("resolvePriceObservations", () => {
  it("resolves each observation to its model, keeping every field it came with", () => {
    const observation = { ...price("gpt-4o-2024-08-06", "openai", { hints: { displayName: "GPT-4o" } }), nativeId: "gpt-4o-2024-08-06" };
    const run = resolvePriceObservations("litellm", [observation], [], options);
    const modelId = modelOf("gpt-4o-2024-08-06");
    expect(modelId).toMatch(/^openai\//);
    expect(run.matched).toEqual([{ ...observation, modelId, resolution: expect.objectContaining({ modelId }) }]);
    expect(run.unmatched).toEqual([]);
  });

  it("keeps unmatched observations apart and records one name per raw name", () => {
    const run = resolvePriceObservations("litellm", [price("gpt-4o"), price("gpt-4o", "azure"), price("zz-unknown-thing")], unmatched, options);
    expect(run.names.map((name) => [name.raw, name.resolution.modelId])).toEqual([
      ["gpt-4o", modelOf("gpt-4o")],
      ["zz-unknown-thing", null],
    ]);
    expect(run.matched).toHaveLength(2);
    expect(run.unmatched).toEqual([price("zz-unknown-thing")]);
  });

  it("applies the reviewed overrides of the source", () => {
    const overrides: Override[] = [{ raw: "zz-unknown-thing", source: "litellm", model: "acme/thing-1", note: "reviewed" }];
    const run = resolvePriceObservations("litellm", [price("zz-unknown-thing")], overrides, options);
    expect(run.matched[0]).toMatchObject({ modelId: "acme/thing-1", resolution: { method: "override", note: "reviewed" } });
  });
});

describe("resolveScoreObservations", () => {
  it("splits the setting off the name and resolves the base model", () => {
    const observation = scoreObservationSchema.parse({ benchmark: "aider-polyglot", scale: "percent", model: "o3 (high)", score: 79.6, asOf: "2025-04-16" });
    const run = resolveScoreObservations("aider", [observation], [], options);
    const modelId = resolveModelName("aider", "o3", [], { at: options.at }).modelId;
    expect(run.matched).toEqual([expect.objectContaining({ model: "o3 (high)", base: "o3", setting: "high", modelId })]);
    expect(run.names.map((name) => name.raw)).toEqual(["o3"]);
  });
});

describe("skippedModelIds", () => {
  it("resolves the names of skipped entries, so their offerings stay listed", () => {
    const ids = skippedModelIds("litellm", [{ name: "gpt-4o", reason: "negative price is a placeholder" }, { name: "zz-unknown-thing", reason: "x" }], unmatched, options);
    expect([...ids]).toEqual([modelOf("gpt-4o")]);
  });

  it("reads a skipped variant's model from a name like \"<model> [batch]\" or \"<model> (batch)\"", () => {
    const ids = skippedModelIds("portkey", [{ name: "gpt-4o [batch]", reason: "negative" }, { name: "gpt-4o-mini (flex@us)", reason: "negative" }], [], options);
    expect([...ids]).toEqual([modelOf("gpt-4o"), modelOf("gpt-4o-mini")]);
  });
});

import { describe, expect, it } from "vitest";
import { openRouterAliasPointers } from "../../scrapers/openrouter/alias-pointers.ts";
import { datedPointers } from "../../src/domain/identity/dated-pointers.ts";
import { snapshotDocument } from "../helpers/snapshots.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("OpenRouter's moving ids", () => {
  it("reads each ~ id's target from a real model list", () => {
    const pointers = openRouterAliasPointers(snapshotDocument("prices", "openrouter", "models-data_2026-08-08_from-sui414-0427e0eca0.json"));
    expect(pointers).toContainEqual({ alias: "~anthropic/claude-opus-latest", target: "anthropic/claude-opus-5" });
    expect(pointers).toContainEqual({ alias: "~openai/gpt-latest", target: "openai/gpt-5.6-sol" });
    expect(pointers.every((pointer) => pointer.alias.startsWith("~"))).toBe(true);
  });

  it("lists none in a model list from before OpenRouter had them", () => {
    expect(openRouterAliasPointers(snapshotDocument("prices", "openrouter", "models_2026-02-27_from-skissue-eda7195a93.json"))).toEqual([]);
  });
});

describe("dated pointers from sightings", () => {
  it("starts a pointer at the first sighting of a target and ends it where another is seen", () => {
    const seen = (at: string, snapshot: string) => ({ at: day(at), floating: "acme/widget-latest", snapshot });
    expect(datedPointers([seen("2026-03-01", "acme/widget-2"), seen("2026-01-01", "acme/widget-1"), seen("2026-02-01", "acme/widget-1")])).toEqual([
      { floating: "acme/widget-latest", snapshot: "acme/widget-1", validFrom: day("2026-01-01"), validTo: day("2026-03-01") },
      { floating: "acme/widget-latest", snapshot: "acme/widget-2", validFrom: day("2026-03-01"), validTo: null },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { loadOverrides } from "./overrides.ts";
import { resolveModelName } from "./resolve.ts";

describe("resolveModelName", () => {
  const overrides = loadOverrides();

  it("loads the reviewed overrides file", () => {
    expect(overrides.length).toBeGreaterThan(0);
    expect(overrides.every((entry) => entry.note.length > 0)).toBe(true);
  });

  it("lets a source-specific override keep a floating alias unmatched", () => {
    expect(resolveModelName("artificial-analysis", "gpt-4o", overrides)).toMatchObject({ modelId: null, method: "unmatched" });
    expect(resolveModelName("litellm", "gpt-4o", overrides)).toMatchObject({ modelId: "openai/gpt-4o", method: "exact" });
  });

  it("applies a global override", () => {
    expect(resolveModelName("litellm", "chatgpt-4o-latest", overrides)).toMatchObject({ modelId: "openai/chatgpt-4o-latest", method: "override" });
  });

  it("reports what the normaliser did", () => {
    const resolution = resolveModelName("litellm", "bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0", overrides);
    expect(resolution).toMatchObject({ modelId: "anthropic/claude-3.5-sonnet-20240620", method: "normalised" });
    expect(resolution.note).toMatch(/stripped route bedrock\//);
  });

  it("keeps names it cannot place unmatched, with the reason", () => {
    expect(resolveModelName("litellm", "mystery-9000", overrides)).toEqual({
      modelId: null,
      method: "unmatched",
      note: "creator cannot be told from the name",
    });
  });
});

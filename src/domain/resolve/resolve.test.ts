import { describe, expect, it } from "vitest";
import { loadOverrides } from "./overrides.ts";
import { resolveModelName } from "./resolve.ts";

describe("resolveModelName", () => {
  const overrides = loadOverrides();

  it("loads the reviewed overrides file", () => {
    expect(overrides.length).toBeGreaterThan(0);
    expect(overrides.every((entry) => entry.note.length > 0)).toBe(true);
  });

  it("lets a source-specific override win for its source only", () => {
    expect(resolveModelName("artificial-analysis", "gpt-4o", overrides)).toMatchObject({ modelId: "openai/gpt-4o-20241120", method: "override" });
    expect(resolveModelName("litellm", "gpt-4o", overrides)).toMatchObject({ modelId: "openai/gpt-4o", method: "exact", floating: true });
  });

  it("never lets anything beat a source-scoped override, even on a name with a setting", () => {
    const reasoning = resolveModelName("artificial-analysis", "Qwen3 235B A22B 2507 (Reasoning)", overrides);
    expect(reasoning).toMatchObject({ modelId: "alibaba/qwen3-235b-a22b-thinking-2507", method: "override" });
    expect(resolveModelName("artificial-analysis", "Qwen3 235B A22B 2507 Instruct", overrides).modelId).toBe("alibaba/qwen3-235b-a22b-instruct-2507");
    expect(resolveModelName("artificial-analysis", "deepseek-r1", overrides).modelId).toBe("deepseek/deepseek-r1-0528");
    expect(resolveModelName("openrouter", "deepseek/deepseek-chat", overrides).modelId).toBe("deepseek/deepseek-v3");
    expect(resolveModelName("deepseek-pricing", "deepseek-chat", overrides)).toMatchObject({ modelId: "deepseek/deepseek-chat", floating: true });
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
      setting: null,
      floating: false,
      pinnedTo: null,
    });
  });

  it("returns the setting beside the model for every source, never inside the id", () => {
    const cases: Array<[string, string, string, string]> = [
      ["openrouter", "anthropic/claude-3.7-sonnet:thinking", "anthropic/claude-3.7-sonnet-20250219", "thinking"],
      ["modelsdev", "anthropic/claude-opus-4.6:thinking:low", "anthropic/claude-opus-4.6", "thinking:low"],
      ["modelsdev", "claude-opus-4-thinking:1024", "anthropic/claude-opus-4-20250514", "thinking:1024"],
      ["modelsdev", "claude-sonnet-4-thinking", "anthropic/claude-sonnet-4-20250514", "thinking"],
      ["lmarena", "grok-4.1-thinking", "xai/grok-4.1", "thinking"],
      ["openrouter", "openai/o3-mini-high", "openai/o3-mini-20250131", "high"],
      ["bfcl", "GPT-4o-2024-11-20 (FC)", "openai/gpt-4o-20241120", "FC"],
      ["artificial-analysis", "Claude 4 Opus (Reasoning)", "anthropic/claude-opus-4-20250514", "Reasoning"],
      ["livebench", "claude-4-sonnet-20250514-thinking-64k", "anthropic/claude-sonnet-4-20250514", "thinking-64k"],
    ];
    for (const [source, raw, modelId, setting] of cases) {
      expect(resolveModelName(source, raw, overrides), raw).toMatchObject({ modelId, setting });
    }
    expect(resolveModelName("litellm", "gpt-4o", overrides).setting).toBeNull();
  });

  it("takes an undated name with exactly one dated snapshot as that snapshot", () => {
    expect(resolveModelName("openrouter", "anthropic/claude-sonnet-4.5", overrides).modelId).toBe("anthropic/claude-sonnet-4.5-20250929");
    expect(resolveModelName("lmarena", "gemini-3-pro", overrides).modelId).toBe("google/gemini-3-pro-preview");
    // From the catalogue's ids where the reviewed table has no entry; never for a name with several.
    const knownIds = new Set(["zai/glm-4.5", "zai/glm-4.5-0728", "x/m-0101", "x/m-0202"]);
    expect(resolveModelName("litellm", "glm-4.5", overrides, { knownIds }).modelId).toBe("zai/glm-4.5-0728");
    expect(resolveModelName("litellm", "x/m", overrides, { knownIds, orgIsAuthor: true })).toMatchObject({ modelId: "x/m", floating: true });
    // A month-day spelling becomes the catalogue's one full-date spelling of it.
    const alibaba = new Set(["alibaba/qwen-turbo-20241101"]);
    expect(resolveModelName("portkey", "qwen-turbo-1101", overrides, { knownIds: alibaba }).modelId).toBe("alibaba/qwen-turbo-20241101");
    expect(resolveModelName("portkey", "qwen-turbo-1101", overrides).modelId).toBe("alibaba/qwen-turbo-1101");
  });

  it("turns a month-only date into the one snapshot released that month", () => {
    expect(resolveModelName("artificial-analysis", "GPT-4o (Aug '24)", overrides).modelId).toBe("openai/gpt-4o-20240806");
    expect(resolveModelName("artificial-analysis", "Claude 3.5 Sonnet (June '24)", overrides).modelId).toBe("anthropic/claude-3.5-sonnet-20240620");
    expect(resolveModelName("artificial-analysis", "Claude 3.5 Sonnet (Oct '24)", overrides).modelId).toBe("anthropic/claude-3.5-sonnet-20241022");
    expect(resolveModelName("artificial-analysis", "DeepSeek R1 0528 (May '25)", overrides).modelId).toBe("deepseek/deepseek-r1-0528");
    expect(resolveModelName("artificial-analysis", "DeepSeek R1 (Jan '25)", overrides).modelId).toBe("deepseek/deepseek-r1");
    expect(resolveModelName("artificial-analysis", "Mistral Large (Feb '24)", overrides).modelId).toBe("mistral/mistral-large-2402");
  });

  it("resolves a name that labels what was served with the payload's date", () => {
    const at = (day: string) => ({ at: new Date(`${day}T00:00:00Z`) });
    expect(resolveModelName("lmarena", "Claude 3.5 Sonnet", overrides, at("2024-08-14")).modelId).toBe("anthropic/claude-3.5-sonnet-20240620");
    expect(resolveModelName("lmarena", "Claude 3.5 Sonnet", overrides, at("2025-01-16")).modelId).toBe("anthropic/claude-3.5-sonnet-20241022");
    // Elsewhere the bare name is an alias with the snapshot it meant at that date; Vertex's is always June.
    expect(resolveModelName("genai-prices", "claude-3.5-sonnet", overrides, at("2025-01-16"))).toMatchObject({
      modelId: "anthropic/claude-3.5-sonnet",
      floating: true,
      pinnedTo: "anthropic/claude-3.5-sonnet-20241022",
    });
    expect(resolveModelName("litellm", "vertex_ai/claude-3-5-sonnet", overrides, at("2025-01-16")).modelId).toBe("anthropic/claude-3.5-sonnet-20240620");
  });

  it("flags floating names and says which snapshot they served at a date", () => {
    const at = (day: string) => ({ at: new Date(`${day}T00:00:00Z`) });
    expect(resolveModelName("deepseek-pricing", "deepseek-chat", overrides, at("2025-01-10"))).toMatchObject({ modelId: "deepseek/deepseek-chat", floating: true, pinnedTo: "deepseek/deepseek-v3" });
    expect(resolveModelName("litellm", "deepseek/deepseek-chat", overrides, at("2025-04-01")).pinnedTo).toBe("deepseek/deepseek-v3-0324");
    expect(resolveModelName("litellm", "deepseek-reasoner", overrides, at("2025-06-01")).pinnedTo).toBe("deepseek/deepseek-r1-0528");
    expect(resolveModelName("deepseek-pricing", "deepseek-chat", overrides, at("2026-05-08")).pinnedTo).toBe("deepseek/deepseek-v4-flash");
    expect(resolveModelName("deepseek-pricing", "deepseek-chat", overrides, at("2026-08-01")).pinnedTo).toBeNull();
    expect(resolveModelName("litellm", "gpt-4o", overrides, at("2024-11-01")).pinnedTo).toBe("openai/gpt-4o-20240806");
    expect(resolveModelName("modelsdev", "~anthropic/claude-opus-latest", overrides)).toMatchObject({ modelId: "anthropic/claude-opus-latest", floating: true });
    expect(resolveModelName("litellm", "chatgpt-4o-latest", overrides)).toMatchObject({ floating: true, pinnedTo: null });
    expect(resolveModelName("litellm", "gpt-4o-2024-08-06", overrides)).toMatchObject({ floating: false, pinnedTo: null });
  });
});

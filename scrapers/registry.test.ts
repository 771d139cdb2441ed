import { describe, expect, it } from "vitest";
import { SOURCES, sourceById, UnknownSourceError } from "./registry.ts";

describe("source registry", () => {
  it("has unique kebab-case ids, including every id of the contract", () => {
    const ids = SOURCES.map((source) => source.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const contract = [
      "openrouter", "litellm", "modelsdev", "genai-prices", "llm-prices", "anthropic-docs", "anthropic-pricing", "openai-pricing",
      "gemini-pricing", "deepseek-pricing", "xai-models", "zai-pricing", "mistral-pricing", "aider", "lmarena", "swe-bench",
      "livebench", "artificial-analysis", "bfcl", "tau2-bench",
    ];
    expect(ids).toEqual(expect.arrayContaining(contract));
  });

  it("gives every source a live URL, a valid schedule and a replay path", () => {
    for (const source of SOURCES) {
      expect(source.urls.length, source.id).toBeGreaterThan(0);
      for (const url of source.urls) expect(url, source.id).toMatch(/^https:\/\//);
      expect(source.schedule.cron.split(" ").length, source.id).toBeGreaterThanOrEqual(5);
      expect(source.replayPaths?.length ?? 0, source.id).toBeGreaterThan(0);
    }
  });

  it("names the known sources when asked for an unknown one", () => {
    expect(() => sourceById("nope")).toThrow(UnknownSourceError);
    expect(() => sourceById("nope")).toThrow(/known sources: openrouter, litellm/);
  });
});

/**
 * Cross-check: prices parsed from the compiled api.json (2026-06-13) against the TOML
 * source tree (2026-07-01) the site is built from. The TOML is read with a small regex
 * over the `[cost]` table only (test code; no TOML library is available), enough for
 * `key = number` lines with `_` digit separators.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { perMillion } from "../../src/domain/money.ts";
import { snapshotDocument, snapshotPath } from "../../test/helpers/snapshots.ts";
import { parseModelsDev } from "./parse.ts";

const API_JSON = "models-dev_api_2026-06-13_from-symfony-models-dev-046b81a4c7.json";
const TOML_TREE = "2026-07-01";

interface CostTable {
  input?: string;
  output?: string;
  cache_read?: string;
  cache_write?: string;
}

/** The `key = number` lines of the `[cost]` table, up to the next table header. */
function tomlCost(providerId: string, modelId: string): CostTable {
  const text = readFileSync(snapshotPath("prices/modelsdev", TOML_TREE, "providers", providerId, "models", `${modelId}.toml`), "utf8");
  const table = /^\[cost\]\s*$([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text)?.[1];
  if (table === undefined) throw new Error(`${providerId}/${modelId}.toml has no [cost] table`);
  const cost: Record<string, string> = {};
  for (const [, key, value] of table.matchAll(/^(\w+)\s*=\s*([\d_.]+)\s*$/gm)) {
    if (key && value) cost[key] = perMillion(value);
  }
  return cost;
}

const { observations } = parseModelsDev([snapshotDocument("prices/modelsdev/api-json", API_JSON)]);

function parsedCost(provider: string, modelId: string): CostTable {
  const observation = observations.find((candidate) => candidate.provider === provider && candidate.model === modelId && candidate.region === "");
  if (!observation) throw new Error(`${provider}/${modelId} not parsed from ${API_JSON}`);
  const cost: Record<string, string> = {};
  const fields = { input: observation.input, output: observation.output, cache_read: observation.cacheRead, cache_write: observation.cacheWrite };
  for (const [key, value] of Object.entries(fields)) if (value !== null) cost[key] = value;
  return cost;
}

describe("models.dev api.json 2026-06-13 vs the TOML tree 2026-07-01", () => {
  it.each([
    ["openai", "openai", "gpt-4o"],
    ["anthropic", "anthropic", "claude-sonnet-4-5"],
    ["deepseek", "deepseek", "deepseek-chat"],
    ["google", "google", "gemini-2.5-pro"],
    ["mistral", "mistral", "mistral-large-latest"],
    ["openrouter", "openrouter", "qwen/qwen3-coder"],
  ])("%s/%s agrees", (providerId, seller, modelId) => {
    expect(parsedCost(seller, modelId)).toEqual(tomlCost(providerId, modelId));
  });

  // Real price changes between the two dates (146 of 4,689 comparable files differ).
  it("shows the prices fixed upstream after 2026-06-13", () => {
    // azure had the flash and pro prices swapped on 2026-06-13.
    expect(parsedCost("azure", "deepseek-v4-flash")).toEqual({ input: "1.74", output: "3.48" });
    expect(tomlCost("azure", "deepseek-v4-flash")).toEqual({ input: "0.19", output: "0.51" });
    // The source tree's head commit is "fix glm-5.1 price".
    expect(parsedCost("llmgateway", "glm-5.1")).toEqual({ input: "6", output: "24", cache_read: "1.3", cache_write: "0" });
    expect(tomlCost("llmgateway", "glm-5.1")).toEqual({ input: "0.931", output: "2.93", cache_read: "0.173", cache_write: "0" });
  });
});

import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { priceObservationSchema, type PriceObservation } from "../../src/domain/observation.ts";
import { canonicalProviderId } from "../../src/domain/providers.ts";
import { snapshotFolderDocuments } from "../../test/helpers/snapshots.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { genaiPricesSource } from "./index.ts";
import { parseGenaiPrices } from "./parse.ts";

const context = { observedAt: new Date("2026-08-22T03:17:00Z") };
const latestFolder = snapshotFolderDocuments("prices/genai-prices/2026-08-21");
const latest = genaiPricesSource.parse(latestFolder, context);
const earlier = genaiPricesSource.parse(snapshotFolderDocuments("prices/genai-prices/2026-05-19"), context);

function find(result: { observations: PriceObservation[] }, provider: string, model: string): PriceObservation[] {
  return result.observations.filter((o) => o.provider === provider && o.model === model);
}

function fixture(models: unknown[], providerId = "openai"): PayloadDocument[] {
  return [{ name: "prices/data.json", body: JSON.stringify([{ id: providerId, name: "Fixture", models }]) }];
}

describe("genai-prices snapshot 2026-08-21 (whole prices/ folder)", () => {
  it("reads prices/data.json only, among the folder's YAML, schema and v2 files", () => {
    expect(latestFolder.length).toBeGreaterThan(40);
    expect(latest.observations).toHaveLength(1404);
    expect(latest.skipped).toHaveLength(47);
    for (const observation of latest.observations) priceObservationSchema.parse(observation);
  });

  it("maps the source's provider ids to ours", () => {
    const providers = new Set(latest.observations.map((o) => o.provider));
    for (const id of ["bedrock", "xai", "zai", "moonshot", "openrouter", "huggingface-cerebras"]) {
      expect(providers).toContain(id);
    }
    expect(providers).not.toContain("aws");
  });

  it("keeps real flat prices exactly", () => {
    expect(find(latest, "openai", "gpt-4o")).toMatchObject([
      { variant: "standard", input: "2.5", output: "10", cacheRead: "1.25", cacheWrite: null, tiers: [], validFrom: null, validTo: null },
    ]);
    expect(find(latest, "anthropic", "claude-haiku-4-5")).toMatchObject([
      { input: "1", output: "5", cacheRead: "0.1", cacheWrite: "1.25" },
    ]);
    expect(find(latest, "openrouter", "google/gemini-2.5-flash-image")).toMatchObject([
      { input: "0.3", output: "2.5", cacheRead: "0.03", cacheWrite: "0.08333333333333334" },
    ]);
  });

  it("turns tiered fields into context tiers, keeping the base price in input/output", () => {
    expect(find(latest, "google", "gemini-2.5-pro")).toMatchObject([
      {
        input: "1.25",
        output: "10",
        cacheRead: "0.125",
        tiers: [{ minInputTokens: 200000, input: "2.5", output: "15", cacheRead: "0.25", cacheWrite: null }],
        hints: { displayName: "Gemini 2.5 Pro" },
      },
    ]);
    // Only input and output are tiered here: the flat cache-read price holds above 128k too.
    expect(find(latest, "openrouter", "x-ai/grok-4-fast")).toMatchObject([
      { input: "0.2", output: "0.5", cacheRead: "0.05", tiers: [{ minInputTokens: 128000, input: "0.4", output: "1", cacheRead: "0.05" }] },
    ]);
    expect(find(latest, "minimax", "minimax-m3")[0]?.tiers).toEqual([
      { minInputTokens: 512000, input: "0.6", output: "2.4", cacheRead: "0.12", cacheWrite: null },
    ]);
  });

  it("dates each price of a price history: o3 was cut from 10/40 to 2/8 on 2025-06-10", () => {
    expect(find(latest, "openai", "o3")).toMatchObject([
      { input: "10", output: "40", cacheRead: "0.5", validFrom: null, validTo: "2025-06-10" },
      { input: "2", output: "8", cacheRead: "0.5", validFrom: "2025-06-10", validTo: null },
    ]);
  });

  it("dates a change of tiers: Claude Opus 4.6 dropped its >200k premium on 2026-03-13", () => {
    expect(find(latest, "anthropic", "claude-opus-4-6")).toMatchObject([
      { input: "5", output: "25", validTo: "2026-03-13", hints: { displayName: "Claude Opus 4.6", contextWindow: 200000 }, tiers: [{ minInputTokens: 200000, input: "10", output: "37.5", cacheRead: "1", cacheWrite: "12.5" }] },
      { input: "5", output: "25", cacheRead: "0.5", cacheWrite: "6.25", validFrom: "2026-03-13", validTo: null, tiers: [] },
    ]);
  });

  it("keeps a scheduled (future) change as dated: Claude Sonnet 5 from 2026-09-01", () => {
    expect(find(latest, "bedrock", "regional.anthropic.claude-sonnet-5-v1:0")).toMatchObject([
      { input: "2.2", output: "11", cacheRead: "0.22", cacheWrite: "2.75", validFrom: null, validTo: "2026-09-01" },
      { input: "3.3", output: "16.5", cacheRead: "0.33", cacheWrite: "4.125", validFrom: "2026-09-01", validTo: null },
    ]);
  });

  it("splits DeepSeek's time-of-day prices into standard (UTC 00:30-16:30) and off-peak (the default entry)", () => {
    expect(find(latest, "deepseek", "deepseek-chat")).toMatchObject([
      { variant: "standard", input: "0.27", output: "1.1", cacheRead: "0.07" },
      { variant: "off-peak", input: "0.135", output: "0.55", cacheRead: "0.035" },
    ]);
  });

  it("prices :free endpoints and models named (free) at 0 under the free variant", () => {
    expect(find(latest, "openrouter", "deepseek/deepseek-r1:free")).toMatchObject([
      { variant: "free", input: "0", output: "0", cacheRead: null },
    ]);
    expect(find(latest, "google", "gemma-3")).toMatchObject([{ variant: "free", input: "0", output: "0" }]);
    expect(latest.observations.filter((o) => o.variant === "free")).toHaveLength(150);
  });

  it("skips embeddings (input price only) and empty prices not marked free", () => {
    expect(latest.skipped).toContainEqual({
      name: "voyageai/voyage-3",
      reason: "input price only (embedding-style billing): no output price",
    });
    expect(latest.skipped).toContainEqual({
      name: "openai/moderation",
      reason: "empty price object and not marked free: no token price stated",
    });
    expect(latest.skipped).toContainEqual({
      name: "cerebras/qwen-3-coder-480b",
      reason: "empty price object and not marked free: no token price stated",
    });
    expect(latest.skipped.filter((s) => s.reason.startsWith("input price only"))).toHaveLength(40);
  });

  it("agrees with the upstream YAML sources on every dated change it reports", () => {
    const yamlChanges = new Set<string>();
    const datedYaml = latestFolder.filter((d) => /^prices\/providers\/[^/]+\.yml$/.test(d.name) && d.body.includes("start_date"));
    expect(datedYaml.map((d) => d.name)).toContain("prices/providers/openai.yml");
    for (const document of datedYaml) {
      const provider = parseYaml(document.body) as { id: string; models: Array<{ id: string; prices: unknown }> };
      for (const model of provider.models) {
        if (!Array.isArray(model.prices)) continue;
        for (const entry of model.prices as Array<{ constraint?: { start_date?: string } }>) {
          const date = entry.constraint?.start_date;
          if (date) yamlChanges.add(`${canonicalProviderId(provider.id)} ${model.id} ${date}`);
        }
      }
    }
    const reported = new Set(latest.observations.filter((o) => o.validFrom).map((o) => `${o.provider} ${o.model} ${o.validFrom}`));
    expect([...reported].filter((change) => !yamlChanges.has(change))).toEqual([]);
    // data.json is upstream's lossy v1 build: these YAML changes are missing from it.
    expect([...yamlChanges].filter((change) => !reported.has(change)).sort()).toEqual([
      "bedrock openai.gpt-5.6-luna 2026-07-30",
      "bedrock openai.gpt-5.6-terra 2026-07-30",
      "google gemini-3.6-flash 2027-01-01",
      "google gemini-3.7-flash 2027-01-01",
      "openai gpt-5.6-luna 2026-07-30",
      "openai gpt-5.6-terra 2026-07-30",
    ]);
  });
});

describe("genai-prices snapshot 2026-05-19 (data.json alone)", () => {
  it("parses every provider", () => {
    expect(earlier.observations).toHaveLength(1179);
    expect(earlier.skipped).toHaveLength(20);
    for (const observation of earlier.observations) priceObservationSchema.parse(observation);
  });

  it("already carried the o3 cut and the Opus 4.6 change, but not yet Claude Sonnet 5", () => {
    expect(find(earlier, "openai", "o3").map((o) => [o.input, o.output, o.validFrom, o.validTo])).toEqual([
      ["10", "40", null, "2025-06-10"],
      ["2", "8", "2025-06-10", null],
    ]);
    expect(find(earlier, "anthropic", "claude-opus-4-6").map((o) => o.validFrom)).toEqual([null, "2026-03-13"]);
    expect(find(earlier, "anthropic", "claude-sonnet-5")).toEqual([]);
  });
});

describe("genai-prices edge cases (inline fixtures)", () => {
  it("states every field at each tier start, and maps the 1-hour cache write", () => {
    const { observations } = parseGenaiPrices(
      fixture([
        {
          id: "tiered",
          prices: {
            input_mtok: { base: 1, tiers: [{ start: 128000, price: 2 }, { start: 256000, price: 3 }] },
            output_mtok: { base: 4, tiers: [{ start: 256000, price: 8 }] },
            cache_write_mtok: 1.25,
            cache_write_1h_mtok: 2,
            input_audio_mtok: 40,
          },
        },
      ]),
    );
    expect(observations).toMatchObject([
      {
        input: "1",
        output: "4",
        cacheWrite: "1.25",
        cacheWrite1h: "2",
        tiers: [
          { minInputTokens: 128000, input: "2", output: "4", cacheRead: null, cacheWrite: "1.25" },
          { minInputTokens: 256000, input: "3", output: "8", cacheRead: null, cacheWrite: "1.25" },
        ],
      },
    ]);
  });

  it("sorts a price history by start date", () => {
    const { observations } = parseGenaiPrices(
      fixture([
        {
          id: "m",
          prices: [
            { prices: { input_mtok: 3, output_mtok: 3 } },
            { constraint: { start_date: "2025-09-01" }, prices: { input_mtok: 1, output_mtok: 1 } },
            { constraint: { start_date: "2025-03-01" }, prices: { input_mtok: 2, output_mtok: 2 } },
          ],
        },
      ]),
    );
    expect(observations.map((o) => [o.input, o.validFrom, o.validTo])).toEqual([
      ["3", null, "2025-03-01"],
      ["2", "2025-03-01", "2025-09-01"],
      ["1", "2025-09-01", null],
    ]);
  });

  it("makes the window itself off-peak when the windowed price is the cheaper one", () => {
    const { observations } = parseGenaiPrices(
      fixture([
        {
          id: "m",
          prices: [
            { prices: { input_mtok: 2, output_mtok: 8 } },
            { constraint: { start_time: "18:00:00Z", end_time: "06:00:00Z" }, prices: { input_mtok: 1, output_mtok: 4 } },
          ],
        },
      ]),
    );
    expect(observations.map((o) => [o.variant, o.input])).toEqual([
      ["standard", "2"],
      ["off-peak", "1"],
    ]);
  });

  it("skips schedules it cannot place in time, with the reason", () => {
    const { skipped } = parseGenaiPrices(
      fixture([
        { id: "ok", prices: { input_mtok: 1, output_mtok: 2 } },
        {
          id: "mixed",
          prices: [
            { prices: { input_mtok: 1, output_mtok: 2 } },
            { constraint: { start_time: "00:00:00Z", end_time: "08:00:00Z" }, prices: { input_mtok: 2, output_mtok: 4 } },
            { constraint: { start_date: "2026-01-01" }, prices: { input_mtok: 3, output_mtok: 6 } },
          ],
        },
        {
          id: "same-date",
          prices: [
            { constraint: { start_date: "2026-01-01" }, prices: { input_mtok: 1, output_mtok: 2 } },
            { constraint: { start_date: "2026-01-01" }, prices: { input_mtok: 3, output_mtok: 6 } },
          ],
        },
        {
          id: "no-cheaper-period",
          prices: [
            { prices: { input_mtok: 1, output_mtok: 4 } },
            { constraint: { start_time: "00:00:00Z", end_time: "08:00:00Z" }, prices: { input_mtok: 2, output_mtok: 2 } },
          ],
        },
        { id: "audio-only", prices: { input_audio_mtok: 40, output_audio_mtok: 80 } },
        { id: "unnamed-empty", prices: {} },
      ]),
    );
    expect(skipped).toEqual([
      { name: "openai/mixed", reason: "time-of-day prices other than one default followed by one window" },
      { name: "openai/same-date", reason: "two prices start on the same date" },
      { name: "openai/no-cheaper-period", reason: "time-of-day prices where neither period is cheaper on both input and output" },
      { name: "openai/audio-only", reason: "no text token price (only audio, image or per-request fields)" },
      { name: "openai/unnamed-empty", reason: "empty price object and not marked free: no token price stated" },
    ]);
  });

  it("rejects invalid JSON and bot-challenge pages, naming the file", () => {
    const challenge = [{ name: "prices/data.json", body: "<!DOCTYPE html><html><title>Just a moment...</title></html>" }];
    expect(() => parseGenaiPrices(challenge)).toThrow(PayloadError);
    expect(() => parseGenaiPrices(challenge)).toThrow(/genai-prices: invalid JSON: .*\(in prices\/data\.json\)/);
  });

  it("rejects a payload without exactly one data.json", () => {
    const readme = { name: "prices/README.md", body: "# prices" };
    expect(() => parseGenaiPrices([readme])).toThrow("genai-prices: no prices/data.json among 1 document(s)");
    const twice = [...fixture([{ id: "a", prices: { input_mtok: 1, output_mtok: 2 } }]), { name: "data.json", body: "[]" }];
    expect(() => parseGenaiPrices(twice)).toThrow("several data.json documents: prices/data.json, data.json");
  });

  it("rejects layout changes, naming the model at fault", () => {
    expect(() => parseGenaiPrices([{ name: "prices/data.json", body: '{"providers": []}' }])).toThrow(/unexpected layout/);
    expect(() => parseGenaiPrices(fixture([{ id: "gpt-x", prices: { input_mtok: "1.5", output_mtok: 2 } }]))).toThrow(
      /unexpected model openai\/gpt-x: prices: Invalid input/,
    );
    expect(() =>
      parseGenaiPrices(fixture([{ id: "gpt-y", prices: [{ constraint: { region: "eu" }, prices: { input_mtok: 1 } }] }])),
    ).toThrow(/unexpected model openai\/gpt-y/);
    expect(() => parseGenaiPrices(fixture([{ id: "gpt-z", prices: { input_mtok: -1, output_mtok: 2 } }]))).toThrow(PayloadError);
  });

  it("rejects a payload with no priced model at all", () => {
    expect(() => parseGenaiPrices(fixture([{ id: "embed", prices: { input_mtok: 0.1 } }], "voyageai"))).toThrow(
      "genai-prices: no priced models found (in prices/data.json)",
    );
  });
});

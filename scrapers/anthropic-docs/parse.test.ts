import { describe, expect, it } from "vitest";
import { priceObservationSchema, type PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { anthropicDocsSource } from "./index.ts";
import { parseAnthropicDocs } from "./parse.ts";

const MARKDOWN_2025 = snapshotDocument("pages", "anthropic", "docs.claude.com_en_docs_about-claude_pricing.md.2025-10-20.md");
const HTML_2026_04 = snapshotDocument("pages", "anthropic", "platform.claude.com_docs_en_about-claude_pricing.2026-04-26.html");
const MARKDOWN_2026_08 = snapshotDocument("pages", "anthropic", "platform.claude.com_docs_en_about-claude_pricing.md.2026-08-17.md");

function parse(document: PayloadDocument): PriceObservation[] {
  return parseAnthropicDocs([document]).observations;
}

// Each recorded page is parsed once; the HTML page alone is 778 kB.
const PARSED = new Map([MARKDOWN_2025, HTML_2026_04, MARKDOWN_2026_08].map((document) => [document, parse(document)]));
function parsed(document: PayloadDocument): PriceObservation[] {
  return PARSED.get(document)!;
}

function price(observations: PriceObservation[], model: string, variant: string): PriceObservation {
  const matches = observations.filter((entry) => entry.model === model && entry.variant === variant);
  expect(matches, `${model} (${variant})`).toHaveLength(1);
  return matches[0]!;
}

function prices(entry: PriceObservation) {
  const { input, cacheWrite, cacheWrite1h, cacheRead, output } = entry;
  return { input, cacheWrite, cacheWrite1h, cacheRead, output };
}

function withBody(document: PayloadDocument, body: string): PayloadDocument {
  return { name: document.name, body };
}

describe("anthropic-docs source", () => {
  it("is a first-party full snapshot whose replay paths are the recorded pages", () => {
    expect(anthropicDocsSource).toMatchObject({ id: "anthropic-docs", kind: "price", authority: "first-party", fullSnapshot: true });
    for (const path of anthropicDocsSource.replayPaths ?? []) expect(() => snapshotDocument(path)).not.toThrow();
  });
});

describe("parseAnthropicDocs on the 2025-10-20 Markdown (escaped dollars, long-context table)", () => {
  const observations = parsed(MARKDOWN_2025);

  it("reads 10 models at standard and batch prices, skipping nothing", () => {
    expect(observations.filter((entry) => entry.variant === "standard")).toHaveLength(10);
    expect(observations.filter((entry) => entry.variant === "batch")).toHaveLength(10);
    expect(parseAnthropicDocs([MARKDOWN_2025]).skipped).toEqual([]);
  });

  it("reads base input, both cache writes, cache hits and output per model", () => {
    expect(prices(price(observations, "Claude Opus 4.1", "standard"))).toEqual({ input: "15", cacheWrite: "18.75", cacheWrite1h: "30", cacheRead: "1.5", output: "75" });
    expect(prices(price(observations, "Claude Sonnet 4.5", "standard"))).toEqual({ input: "3", cacheWrite: "3.75", cacheWrite1h: "6", cacheRead: "0.3", output: "15" });
    expect(prices(price(observations, "Claude Haiku 4.5", "standard"))).toEqual({ input: "1", cacheWrite: "1.25", cacheWrite1h: "2", cacheRead: "0.1", output: "5" });
    expect(prices(price(observations, "Claude Haiku 3.5", "standard"))).toEqual({ input: "0.8", cacheWrite: "1", cacheWrite1h: "1.6", cacheRead: "0.08", output: "4" });
    expect(prices(price(observations, "Claude Haiku 3", "standard"))).toEqual({ input: "0.25", cacheWrite: "0.3", cacheWrite1h: "0.5", cacheRead: "0.03", output: "1.25" });
  });

  it("drops the linked status note from the model name", () => {
    expect(price(observations, "Claude Sonnet 3.5", "standard").hints.displayName).toBe("Claude Sonnet 3.5");
    expect(prices(price(observations, "Claude Opus 3", "standard"))).toMatchObject({ input: "15", output: "75" });
  });

  it("reads the batch table as the batch variant, without cache prices", () => {
    expect(prices(price(observations, "Claude Opus 4.1", "batch"))).toEqual({ input: "7.5", cacheWrite: null, cacheWrite1h: null, cacheRead: null, output: "37.5" });
    expect(prices(price(observations, "Claude Haiku 3", "batch"))).toMatchObject({ input: "0.125", output: "0.625" });
    expect(prices(price(observations, "Claude Haiku 3.5", "batch"))).toMatchObject({ input: "0.4", output: "2" });
  });

  it("attaches the > 200K tier to the two models the long-context section names, and to no other", () => {
    const tier = { minInputTokens: 200000, input: "6", output: "22.5", cacheRead: null, cacheWrite: null };
    expect(price(observations, "Claude Sonnet 4.5", "standard").tiers).toEqual([tier]);
    expect(price(observations, "Claude Sonnet 4", "standard").tiers).toEqual([tier]);
    const others = observations.filter((entry) => !["Claude Sonnet 4.5", "Claude Sonnet 4"].includes(entry.model) || entry.variant !== "standard");
    expect(others.every((entry) => entry.tiers.length === 0)).toBe(true);
  });
});

describe("parseAnthropicDocs on the 2026-04-26 HTML page", () => {
  const observations = parsed(HTML_2026_04);

  it("reads 13 standard, 13 batch and 1 fast-mode observation", () => {
    expect(observations.filter((entry) => entry.variant === "standard")).toHaveLength(13);
    expect(observations.filter((entry) => entry.variant === "batch")).toHaveLength(13);
    expect(observations.filter((entry) => entry.variant === "fast")).toHaveLength(1);
  });

  it("reads the model table cells", () => {
    expect(prices(price(observations, "Claude Opus 4.7", "standard"))).toEqual({ input: "5", cacheWrite: "6.25", cacheWrite1h: "10", cacheRead: "0.5", output: "25" });
    expect(prices(price(observations, "Claude Opus 4.1", "standard"))).toEqual({ input: "15", cacheWrite: "18.75", cacheWrite1h: "30", cacheRead: "1.5", output: "75" });
    expect(prices(price(observations, "Claude Sonnet 4.6", "standard"))).toEqual({ input: "3", cacheWrite: "3.75", cacheWrite1h: "6", cacheRead: "0.3", output: "15" });
    expect(prices(price(observations, "Claude Haiku 3.5", "standard"))).toEqual({ input: "0.8", cacheWrite: "1", cacheWrite1h: "1.6", cacheRead: "0.08", output: "4" });
    expect(prices(price(observations, "Claude Haiku 3", "standard"))).toEqual({ input: "0.25", cacheWrite: "0.3", cacheWrite1h: "0.5", cacheRead: "0.03", output: "1.25" });
  });

  it("names deprecated models without the linked note", () => {
    expect(prices(price(observations, "Claude Sonnet 3.7", "standard"))).toMatchObject({ input: "3", output: "15" });
    expect(observations.some((entry) => entry.model.includes("deprecated"))).toBe(false);
  });

  it("reads batch prices", () => {
    expect(prices(price(observations, "Claude Opus 4.7", "batch"))).toMatchObject({ input: "2.5", output: "12.5" });
    expect(prices(price(observations, "Claude Haiku 3", "batch"))).toMatchObject({ input: "0.125", output: "0.625" });
  });

  it("gives fast mode to the model its section names (Opus 4.6), and has no long-context tier", () => {
    expect(prices(price(observations, "Claude Opus 4.6", "fast"))).toEqual({ input: "30", cacheWrite: null, cacheWrite1h: null, cacheRead: null, output: "150" });
    expect(observations.every((entry) => entry.tiers.length === 0)).toBe(true);
  });

  it("ignores the script payloads that repeat the page", () => {
    const withoutScripts = HTML_2026_04.body.replace(/<script\b[\s\S]*?<\/script>/g, "");
    expect(parse(withBody(HTML_2026_04, withoutScripts))).toEqual(observations);
  });
});

describe("parseAnthropicDocs on the 2026-08-17 Markdown", () => {
  const observations = parsed(MARKDOWN_2026_08);

  it("reads 15 standard, 15 batch and 2 fast-mode observations", () => {
    expect(observations.filter((entry) => entry.variant === "standard")).toHaveLength(15);
    expect(observations.filter((entry) => entry.variant === "batch")).toHaveLength(15);
    expect(observations.filter((entry) => entry.variant === "fast")).toHaveLength(2);
  });

  it("reads the model table cells", () => {
    expect(prices(price(observations, "Claude Fable 5", "standard"))).toEqual({ input: "10", cacheWrite: "12.5", cacheWrite1h: "20", cacheRead: "1", output: "50" });
    expect(prices(price(observations, "Claude Mythos 5", "standard"))).toEqual({ input: "10", cacheWrite: "12.5", cacheWrite1h: "20", cacheRead: "1", output: "50" });
    expect(prices(price(observations, "Claude Sonnet 5", "standard"))).toEqual({ input: "2", cacheWrite: "2.5", cacheWrite1h: "4", cacheRead: "0.2", output: "10" });
    expect(prices(price(observations, "Claude Opus 4.8", "standard"))).toEqual({ input: "5", cacheWrite: "6.25", cacheWrite1h: "10", cacheRead: "0.5", output: "25" });
    expect(prices(price(observations, "Claude Haiku 3.5", "standard"))).toEqual({ input: "0.8", cacheWrite: "1", cacheWrite1h: "1.6", cacheRead: "0.08", output: "4" });
    expect(prices(price(observations, "Claude Opus 4", "standard"))).toEqual({ input: "15", cacheWrite: "18.75", cacheWrite1h: "30", cacheRead: "1.5", output: "75" });
  });

  it("reads batch prices", () => {
    expect(prices(price(observations, "Claude Fable 5", "batch"))).toMatchObject({ input: "5", output: "25" });
    expect(prices(price(observations, "Claude Sonnet 5", "batch"))).toMatchObject({ input: "1", output: "5" });
    expect(prices(price(observations, "Claude Haiku 3.5", "batch"))).toMatchObject({ input: "0.4", output: "2" });
  });

  it("splits the fast-mode row \"Claude Opus 5 / Claude Opus 4.8\" into both models", () => {
    expect(prices(price(observations, "Claude Opus 5", "fast"))).toMatchObject({ input: "10", output: "50" });
    expect(prices(price(observations, "Claude Opus 4.8", "fast"))).toMatchObject({ input: "10", output: "50" });
  });

  it("has no long-context tier: the section says 1M context is at standard pricing", () => {
    expect(observations.every((entry) => entry.tiers.length === 0)).toBe(true);
  });
});

describe("parseAnthropicDocs observations", () => {
  it("are valid first-party USD observations named as the page writes them", () => {
    for (const document of [MARKDOWN_2025, HTML_2026_04, MARKDOWN_2026_08]) {
      for (const entry of parsed(document)) {
        expect(priceObservationSchema.parse(entry)).toEqual(entry);
        expect(entry).toMatchObject({ provider: "anthropic", currency: "USD", region: "" });
        expect(entry.model).toMatch(/^Claude (Opus|Sonnet|Haiku|Fable|Mythos) \d+(\.\d+)?$/);
        expect(entry.hints).toEqual({ displayName: entry.model, creator: "anthropic" });
      }
    }
  });
});

const FIXTURE = `# Pricing

## Model pricing

| Model | Base Input Tokens | 5m Cache Writes | 1h Cache Writes | Cache Hits & Refreshes | Output Tokens |
| ----- | ----------------- | --------------- | --------------- | ---------------------- | ------------- |
| Claude Haiku 9 | \\$0.25 / MTok | \\$0.30 / MTok | \\$0.50 / MTok | \\$0.03 / MTok<sup>1</sup> | \\$1.25 / MTok |

### Batch processing

| Model | Batch input | Batch output |
| ----- | ----------- | ------------ |
| Claude Haiku 9 | \\$0.125 / MTok | \\$0.625 / MTok |
`;

function fixture(body: string): PayloadDocument {
  return { name: "fixture.md", body };
}

describe("parseAnthropicDocs edge cases", () => {
  it("drops footnote markers and escapes inside cells", () => {
    expect(prices(price(parse(fixture(FIXTURE)), "Claude Haiku 9", "standard"))).toEqual({ input: "0.25", cacheWrite: "0.3", cacheWrite1h: "0.5", cacheRead: "0.03", output: "1.25" });
  });

  it("ignores pipes inside code blocks", () => {
    const withCode = `${FIXTURE}\n\`\`\`\n| Model | Base Input Tokens |\n| --- | --- |\n| not | a table |\n\`\`\`\n`;
    expect(parse(fixture(withCode))).toEqual(parse(fixture(FIXTURE)));
  });
});

describe("parseAnthropicDocs failures", () => {
  const expectPayloadError = (document: PayloadDocument, message: RegExp) => {
    expect(() => parseAnthropicDocs([document])).toThrow(PayloadError);
    expect(() => parseAnthropicDocs([document])).toThrow(message);
  };

  it("fails when the tables are removed from the real HTML page", () => {
    const withoutTables = HTML_2026_04.body.replace(/<table\b[\s\S]*?<\/table>/g, "");
    expectPayloadError(withBody(HTML_2026_04, withoutTables), /model pricing table not found.*platform\.claude\.com/);
  });

  it("fails when the model table is removed from the real Markdown page", () => {
    const withoutModelTable = MARKDOWN_2026_08.body.replace(/\| Model +\| Base Input Tokens[\s\S]*?\n\n/, "\n");
    expectPayloadError(withBody(MARKDOWN_2026_08, withoutModelTable), /model pricing table not found/);
  });

  it("fails when an expected column is renamed", () => {
    expectPayloadError(withBody(MARKDOWN_2025, MARKDOWN_2025.body.replace("| Output Tokens |", "| Output |")), /expected columns "Output Tokens" missing/);
  });

  it("fails when the batch table is gone", () => {
    expectPayloadError(withBody(MARKDOWN_2025, MARKDOWN_2025.body.replaceAll("Batch input", "Input")), /batch processing table not found/);
  });

  it("fails on a model with an input price but no output price", () => {
    expectPayloadError(fixture(FIXTURE.replace("\\$1.25 / MTok |", " |")), /Claude Haiku 9 Output Tokens: expected a price/);
  });

  it("fails on a price in another unit", () => {
    expectPayloadError(fixture(FIXTURE.replace("\\$0.25 / MTok", "\\$0.25 / KTok")), /found "\$0.25 \/ KTok"/);
  });

  it("fails when the long-context table's base price is not the named model's price", () => {
    expectPayloadError(withBody(MARKDOWN_2025, MARKDOWN_2025.body.replace("| Input: \\$3 / MTok   |", "| Input: \\$4 / MTok   |")), /base price 4\/15 differs/);
  });

  it("fails when the long-context section names no model of the model table", () => {
    const unnamed = MARKDOWN_2025.body.replace("When using Claude Sonnet 4 or Sonnet 4.5 with", "When using").replace("only available for Claude Sonnet 4 and Sonnet 4.5", "limited");
    expectPayloadError(withBody(MARKDOWN_2025, unnamed), /long-context table: no model/);
  });

  it("fails on an empty document list or a page without tables", () => {
    expect(() => parseAnthropicDocs([])).toThrow(PayloadError);
    expectPayloadError(fixture("# Pricing\n\nComing soon.\n"), /model pricing table not found/);
  });
});

import { describe, expect, it } from "vitest";
import type { PriceObservation } from "../../src/domain/observation.ts";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { PayloadError } from "../source.ts";
import { parseXaiModels } from "./parse.ts";

const context = { observedAt: new Date("2025-11-13T00:00:00Z") };
const page = snapshotDocument("pages", "xai", "docs.x.ai_docs_models.2025-11-13.html");
const result = parseXaiModels([page], context);

function price(observations: readonly PriceObservation[], model: string, region = ""): PriceObservation {
  const found = observations.find((observation) => observation.model === model && observation.region === region);
  if (!found) throw new Error(`no ${model} ${region}`);
  return found;
}

function parseBody(body: string): () => unknown {
  return () => parseXaiModels([{ name: page.name, body }], context);
}

/** A minimal page in the same shape: a pricing table and one flight chunk with clusterConfigs. */
function fixturePage(clusterConfigs: unknown, rows: ReadonlyArray<[name: string, input: string, output: string, region?: string]>): string {
  const flight = `1a:${JSON.stringify({ state: { data: { clusterConfigs } } })}\n`;
  const body = rows
    .map(
      ([name, input, output, region]) =>
        `<tr><td><span class="font-mono font-medium">${name}${region ? `<div>${region}</div>` : ""}</span></td>` +
        `<td><span data-testid="usd-amount">${input}</span><span data-testid="usd-amount">${output}</span></td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th>Model</th><th>Pricing</th></tr></thead><tbody>${body}</tbody></table><script>self.__next_f.push(${JSON.stringify([1, flight])})</script>`;
}

const cluster = (clusterName: string, promptTextTokenPrice: string) => ({
  clusterName,
  languageModels: [{ name: "grok-x", promptTextTokenPrice, completionTextTokenPrice: "100000", cachedPromptTokenPrice: 0, maxPromptLength: 32768 }],
});

describe("parseXaiModels on the 2025-11-13 page", () => {
  it("prices the 7 language models of the table and skips 2 payload-only entries", () => {
    expect(result.observations.map((observation) => observation.model)).toEqual([
      "grok-code-fast-1",
      "grok-4-fast-reasoning",
      "grok-4-fast-non-reasoning",
      "grok-4-0709",
      "grok-3-mini",
      "grok-3",
      "grok-2-vision-1212",
    ]);
    expect(result.skipped).toEqual([
      { name: "grok-2-1212", reason: "in the page's price data but not listed in its pricing table" },
      { name: "grok-2-image-1212", reason: "image generation model: priced per image" },
    ]);
  });

  it("converts 1e-10 USD per token to USD per 1M tokens, with the >128k tier and cached input", () => {
    expect(price(result.observations, "grok-4-0709")).toMatchObject({
      provider: "xai",
      variant: "standard",
      currency: "USD",
      input: "3",
      output: "15",
      cacheRead: "0.75",
      tiers: [{ minInputTokens: 128000, input: "6", output: "30", cacheRead: null, cacheWrite: null }],
      hints: { displayName: "grok-4-0709", contextWindow: 256000 },
    });
    expect(price(result.observations, "grok-4-fast-reasoning")).toMatchObject({
      input: "0.2",
      output: "0.5",
      cacheRead: "0.05",
      tiers: [{ minInputTokens: 128000, input: "0.4", output: "1" }],
      hints: { contextWindow: 2000000 },
    });
    expect(price(result.observations, "grok-code-fast-1")).toMatchObject({ input: "0.2", output: "1.5", cacheRead: "0.02", tiers: [] });
    expect(price(result.observations, "grok-3-mini")).toMatchObject({ input: "0.3", output: "0.5", cacheRead: "0.075", hints: { contextWindow: 131072 } });
    expect(price(result.observations, "grok-3")).toMatchObject({ input: "3", output: "15", cacheRead: "0.75", tiers: [] });
  });

  it("reads a 0 cached price as no cache price, and identical cluster prices as one unregional offering", () => {
    expect(price(result.observations, "grok-2-vision-1212")).toMatchObject({ region: "", input: "2", output: "10", cacheRead: null, tiers: [] });
    expect(result.observations.filter((observation) => observation.model === "grok-2-vision-1212")).toHaveLength(1);
  });
});

describe("parseXaiModels on a changed layout", () => {
  it("fails when the flight payload is removed", () => {
    const withoutPayload = page.body.replace(/<script>self\.__next_f\.push\([\s\S]*?<\/script>/g, "");
    expect(parseBody(withoutPayload)).toThrow(PayloadError);
    expect(parseBody(withoutPayload)).toThrow(/no clusterConfigs/);
  });

  it("fails when the pricing table is removed", () => {
    expect(parseBody(page.body.replace(/<table[\s\S]*?<\/table>/, ""))).toThrow(/no table with "Model" and "Pricing" columns/);
    expect(parseBody(page.body.replace(/>Pricing</g, ">Cost<"))).toThrow(/no table with "Model" and "Pricing" columns/);
    expect(parseBody(page.body.replace(/data-testid="usd-amount"/g, 'data-testid="amount"'))).toThrow(/no model with an input and an output price/);
  });

  it("fails when the table and the payload disagree", () => {
    expect(parseBody(page.body.replace('<span data-testid="usd-amount">$3.00</span>', '<span data-testid="usd-amount">$30.00</span>'))).toThrow(
      /grok-4-0709: the table shows \$30 \/ \$15 but the payload \(us-east-1\) gives \$3 \/ \$15/,
    );
    expect(() => parseXaiModels([{ name: "f", body: fixturePage([cluster("us-east-1", "20000")], [["grok-y", "$2.00", "$10.00"]]) }], context)).toThrow(
      /grok-y is in the pricing table but not in the page's price data/,
    );
  });

  it("fails on an input price without an output price and on a truncated payload", () => {
    const withoutOutput = { clusterName: "us-east-1", languageModels: [{ name: "grok-x", promptTextTokenPrice: "20000" }] };
    expect(() => parseXaiModels([{ name: "f", body: fixturePage([withoutOutput], [["grok-x", "$2.00", "$10.00"]]) }], context)).toThrow(/completionTextTokenPrice/);
    const truncated = page.body.replace(/"clusterConfigs\\":\[[\s\S]{0,200}/, '"clusterConfigs\\":[');
    expect(parseBody(truncated)).toThrow(PayloadError);
  });
});

describe("parseXaiModels on regional prices", () => {
  it("keeps one offering per cluster when clusters price a model differently", () => {
    const body = fixturePage(
      [cluster("us-east-1", "20000"), cluster("eu-west-1", "22000")],
      [
        ["grok-x", "$2.00", "$10.00", "us-east-1"],
        ["grok-x", "$2.20", "$10.00", "eu-west-1"],
      ],
    );
    const { observations } = parseXaiModels([{ name: "f", body }], context);
    expect(observations.map((observation) => [observation.region, observation.input, observation.output, observation.cacheRead])).toEqual([
      ["us-east-1", "2", "10", null],
      ["eu-west-1", "2.2", "10", null],
    ]);
  });
});

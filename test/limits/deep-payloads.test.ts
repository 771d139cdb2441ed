/**
 * No parser recurses on payload data: a payload nested far deeper than the call stack,
 * or one with hundreds of thousands of entries, ends in observations or a clear error,
 * never in "Maximum call stack size exceeded".
 */
import { describe, expect, it } from "vitest";
import { appendAll } from "../../scrapers/lib/append-all.ts";
import { HtmlTooDeepError, loadHtml, MAX_HTML_DEPTH, nestingDepth } from "../../scrapers/lib/load-html.ts";
import { valuesUnderKey } from "../../scrapers/lib/next-flight.ts";
import { previewValue } from "../../scrapers/lib/preview-value.ts";
import { decodeAstroProps } from "../../scrapers/openai-pricing/astro-props.ts";
import { PricingLayoutError } from "../../scrapers/openai-pricing/errors.ts";
import { portkeySource } from "../../scrapers/portkey/index.ts";
import { SOURCES } from "../../scrapers/registry.ts";
import type { PayloadDocument } from "../../scrapers/source.ts";
import { snapshotDocument } from "../helpers/snapshots.ts";

/** Far past V8's stack (about 10,000 frames for these walks). */
const DEPTH = 200_000;

function deepArray(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

function deepObject(depth: number, key: string, leaf: unknown): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = { [key]: value };
  return value;
}

const context = { observedAt: new Date("2026-08-21T00:00:00Z") };

describe("helpers that walk payload data", () => {
  it("appendAll appends 500,000 items, where push(...items) overflows the stack", () => {
    const items = Array.from({ length: 500_000 }, (_, index) => index);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const target = [-1];
    appendAll(target, items);
    expect(target.length).toBe(500_001);
    expect(target.at(-1)).toBe(499_999);
  });

  it("valuesUnderKey finds a value 200,000 levels down, in document order", () => {
    const rows = [deepObject(DEPTH, "child", { price: "$$1" }), { price: "$$2", nested: [{ price: "$$3" }] }];
    expect(valuesUnderKey(rows, "price")).toEqual(["$$1", "$$2", "$$3"]);
    expect(valuesUnderKey([deepArray(DEPTH, { price: 4 })], "price")).toEqual([4]);
  });

  it("previewValue describes a value too deep to quote", () => {
    expect(previewValue(deepArray(DEPTH, 1))).toBe("a deeply nested array");
    expect(previewValue({ a: "x".repeat(200) })).toHaveLength(81);
  });

  it("Astro props nested past the bound are a layout error", () => {
    const deepProps = `{"rows":${"[1,[".repeat(DEPTH)}[0,1]${"]]".repeat(DEPTH)}}`;
    expect(() => decodeAstroProps(deepProps, "PricingTable")).toThrow(PricingLayoutError);
    let serialised: unknown = [0, 1];
    for (let level = 0; level < 100; level++) serialised = [1, [serialised]];
    expect(() => decodeAstroProps(JSON.stringify({ rows: serialised }), "PricingTable")).toThrow(/nest more than 64 levels/);
  });

  it("loadHtml refuses a page nested past 512 elements, and measures depth without recursion", () => {
    const deep = `<html><body>${"<div>".repeat(20_000)}x${"</div>".repeat(20_000)}</body></html>`;
    expect(() => loadHtml(deep)).toThrow(HtmlTooDeepError);
    const page = loadHtml(`<html><body>${"<div>".repeat(MAX_HTML_DEPTH - 10)}x</body></html>`);
    expect(nestingDepth(page.root()[0]!)).toBeLessThanOrEqual(MAX_HTML_DEPTH);
    expect(page("body").text()).toBe("x");
  });
});

/** Documents named the way each source's parser expects, with `body` as every body. */
function documentsFor(sourceId: string, body: string): PayloadDocument[] {
  if (sourceId === "portkey") return [{ name: "pricing/openai.json", body }];
  return [{ name: `${sourceId}.payload`, body }];
}

describe("every source's parser on a deeply nested payload", () => {
  // Written as text: JSON.stringify itself recurses and cannot build it.
  const deepArrayJson = (leaf: string) => `${"[".repeat(DEPTH)}${leaf}${"]".repeat(DEPTH)}`;
  const deepObjectJson = (key: string, leaf: string) => `${`{"${key}":`.repeat(DEPTH)}${leaf}${"}".repeat(DEPTH)}`;
  const deepJson = `{"data":${deepArrayJson("1")},"models":${deepObjectJson("models", "1")},"default":${deepObjectJson("pricing_config", "1")},"gpt-x":{"input_cost_per_token":${deepArrayJson("1")},"pricing_config":${deepObjectJson("pay_as_you_go", "1")}}}`;
  const deepHtml = `<html><body>${"<div><table><tr><td>".repeat(2_500)}$1${"</td></tr></table></div>".repeat(2_500)}</body></html>`;

  for (const source of SOURCES) {
    it(`${source.id} answers with observations or a clear error`, () => {
      for (const body of [deepJson, deepHtml]) {
        let thrown: unknown;
        try {
          source.parse(documentsFor(source.id, body), context);
        } catch (error) {
          thrown = error;
        }
        if (thrown === undefined) continue;
        expect(thrown).toBeInstanceOf(Error);
        expect(thrown).not.toBeInstanceOf(RangeError);
        expect((thrown as Error).message).not.toMatch(/call stack/i);
      }
    });
  }
});

describe("a very large payload", () => {
  it("portkey parses 30,000 entries replicated from a real pricing file (over 150,000 offers)", () => {
    const real = JSON.parse(snapshotDocument("prices/portkey/2026-08-21/pricing/openai.json").body) as Record<string, unknown>;
    const entries = Object.entries(real).filter(([name]) => name !== "default");
    const large: Record<string, unknown> = { default: real.default };
    for (let copy = 0; copy * entries.length < 30_000; copy++) {
      for (const [name, entry] of entries) large[`${name}-copy${copy}`] = entry;
    }
    const result = portkeySource.parse([{ name: "pricing/openai.json", body: JSON.stringify(large) }], context);
    expect(result.observations.length).toBeGreaterThan(150_000);
  });
});

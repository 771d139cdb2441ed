import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { snapshotDocument } from "../../test/helpers/snapshots.ts";
import { openrouterSource } from "./index.ts";
import { openRouterFollowUrls, parseOpenRouterRun } from "./run-payload.ts";

const list = snapshotDocument("prices/openrouter", "models-data-sorted_2026-03-04_from-skissue-1b28d83d2b.json");
const endpoints = {
  name: "https://openrouter.ai/api/v1/models/meta-llama/llama-3.3-70b-instruct/endpoints",
  body: readFileSync(new URL("./fixtures/endpoints-hand-written.json", import.meta.url), "utf8"),
};

describe("an OpenRouter run: model list, then each model's endpoints", () => {
  it("asks for the endpoints of every priced model once, without variant suffixes", () => {
    const urls = openRouterFollowUrls([list]);
    expect(urls).toHaveLength(new Set(urls).size);
    expect(urls).toContain("https://openrouter.ai/api/v1/models/meta-llama/llama-3.3-70b-instruct/endpoints");
    expect(urls.some((url) => new URL(url).pathname.includes(":"))).toBe(false);
    expect(urls.some((url) => url.includes("openrouter/auto"))).toBe(false);
    expect(openrouterSource.followUrls).toBe(openRouterFollowUrls);
  });

  it("merges OpenRouter's own prices with the sellers' endpoint prices", () => {
    const alone = parseOpenRouterRun([list]);
    const merged = parseOpenRouterRun([list, endpoints]);
    const sellers = merged.observations.filter((o) => o.provider !== "openrouter");
    expect(merged.observations.length).toBe(alone.observations.length + sellers.length);
    expect(sellers.length).toBeGreaterThan(1);
    expect(new Set(sellers.map((o) => o.model))).toEqual(new Set(["meta-llama/llama-3.3-70b-instruct"]));
  });

  it("refuses a payload without exactly one model list", () => {
    expect(() => parseOpenRouterRun([endpoints])).toThrow(/expected one model list in the payload, found 0/);
  });
});

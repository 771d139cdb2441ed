import { describe, expect, it } from "vitest";
import type { Executor } from "../../src/db/client.ts";
import { FigureCache } from "../../src/api/figure-cache.ts";

const db = {} as Executor;
const NOW = new Date("2026-12-03T12:00:00Z");

function counting() {
  let calls = 0;
  return {
    compute: async () => ({ figure: ++calls }),
    calls: () => calls,
  };
}

describe("figures kept per data version", () => {
  it("computes a figure once per version and input, again when the version moves", async () => {
    let version = "1";
    const cache = new FigureCache(async () => version);
    const index = counting();
    expect(await cache.get(db, "index", { groupBy: "tier" }, index.compute, NOW)).toEqual({ figure: 1 });
    expect(await cache.get(db, "index", { groupBy: "tier" }, index.compute, NOW)).toEqual({ figure: 1 });
    expect(await cache.get(db, "index", { groupBy: "providerKind" }, index.compute, NOW)).toEqual({ figure: 2 });
    version = "2";
    expect(await cache.get(db, "index", { groupBy: "tier" }, index.compute, NOW)).toEqual({ figure: 3 });
    expect(index.calls()).toBe(3);
  });

  it("recomputes on a new UTC day: a range ending now labels its last point with the day", async () => {
    const cache = new FigureCache(async () => "1");
    const index = counting();
    await cache.get(db, "index", {}, index.compute, NOW);
    await cache.get(db, "index", {}, index.compute, new Date("2026-12-03T23:59:59Z"));
    await cache.get(db, "index", {}, index.compute, new Date("2026-12-04T00:00:01Z"));
    expect(index.calls()).toBe(2);
  });

  it("shares one computation between concurrent requests and keeps no failure", async () => {
    const cache = new FigureCache(async () => "1");
    let calls = 0;
    let fail = true;
    const compute = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (fail) throw new Error("database went away");
      return "figure";
    };
    const both = await Promise.allSettled([cache.get(db, "index", {}, compute, NOW), cache.get(db, "index", {}, compute, NOW)]);
    expect(both.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
    fail = false;
    expect(await cache.get(db, "index", {}, compute, NOW)).toBe("figure");
    expect(calls).toBe(2);
  });
});

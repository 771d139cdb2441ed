/** repriceLog with a table lookup (no database): comparisons and totals. */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readUsageLog } from "../../src/domain/reprice/read-log.ts";
import { repriceLog, type PriceLookup, type PriceUsed, type RepriceOutput } from "../../src/domain/reprice/reprice-log.ts";

const period = (model: string, seller: string, input: string, output: string, validTo: string | null): PriceUsed => ({
  model,
  seller,
  variant: "standard",
  source: "table",
  periodId: 1,
  validFrom: "2024-01-01T00:00:00.000Z",
  validTo,
  price: { input, output, cacheRead: null, cacheWrite: null, tiers: [] },
});

const lookup: PriceLookup = {
  priceAt: async (line) => (line.model === "big" ? { price: period("lab/big", "lab", "10", "30", "2025-01-01T00:00:00.000Z") } : { reason: `unknown model "${line.model}"` }),
  priceNow: async (used) => ({ price: period(used.model, used.seller, "5", "15", null) }),
  bestNow: async (task) => (task === "chat" ? { price: period("host/small", "host", "0.1", "0.3", null) } : { reason: `unknown task class "${task}"` }),
};

async function run(lines: object[], compare: "now" | "best") {
  const out: RepriceOutput[] = [];
  const log = lines.map((line) => JSON.stringify(line)).join("\n");
  for await (const item of repriceLog(readUsageLog(Readable.from([log])), lookup, { compare })) out.push(item);
  return out;
}

const usage = { timestamp: "2024-06-01T00:00:00Z", input_tokens: 1_000_000, output_tokens: 1_000_000 };

describe("repriceLog comparisons", () => {
  it("prices the same usage on today's best route for the line's task class", async () => {
    const out = await run([{ ...usage, model: "big", task: "chat" }, { ...usage, model: "big", task: "law" }, { ...usage, model: "ghost", task: "chat" }], "best");
    const lines = out.flatMap((item) => (item.type === "line" ? [item] : []));
    expect(lines.map((line) => [line.ok, line.compare?.cost?.total ?? line.compare?.reason])).toEqual([
      [true, "0.4"],
      [true, 'unknown task class "law"'],
      // No price then, yet the best route today still prices the usage.
      [false, "0.4"],
    ]);
    expect(lines[0]?.compare?.price).toMatchObject({ model: "host/small", seller: "host", validTo: null });
    const totals = out.at(-1);
    expect(totals?.type === "totals" && totals.totals).toMatchObject({ cost: "80", compareCost: "0.8", byModel: [{ key: "ghost", compareCost: "0.4", compareUnpriced: 0 }, { key: "lab/big", cost: "80", compareCost: "0.4", compareUnpriced: 1 }] });
  });

  it("compares with today's price of the same offering, and says why not when there was no price then", async () => {
    const out = await run([{ ...usage, model: "big" }, { ...usage, model: "ghost" }], "now");
    const lines = out.flatMap((item) => (item.type === "line" ? [item] : []));
    expect(lines[0]).toMatchObject({ ok: true, cost: { total: "40" }, compare: { mode: "now", cost: { total: "20" }, price: { seller: "lab", validTo: null } } });
    expect(lines[1]).toMatchObject({ ok: false, reason: 'unknown model "ghost"', compare: { mode: "now", cost: null, reason: "no price then, so no seller to compare with" } });
  });
});

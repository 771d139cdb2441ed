/**
 * Repricing on real history: the 17 recorded LiteLLM cost maps backfilled, then a usage
 * log spanning OpenAI's gpt-4o cut (LiteLLM changed it on 2024-11-13) priced line by line.
 */
import { once } from "node:events";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { defaultBestRoute } from "../../src/api/best-route.ts";
import { createRepriceLookup } from "../../src/db/queries/reprice-prices.ts";
import { readUsageLog } from "../../src/domain/reprice/read-log.ts";
import { repriceLog, type RepriceOptions, type RepriceOutput } from "../../src/domain/reprice/reprice-log.ts";
import { runBackfill } from "../../src/jobs/backfill.ts";
import { startHttpServer } from "../../src/api/server.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const database = useTestDatabase();

beforeAll(async () => {
  const result = await runBackfill(database().db, litellmSource, snapshotPath("prices/litellm"));
  expect(result.runs.every((run) => run.status === "succeeded")).toBe(true);
}, 240_000);

async function reprice(log: string, options: RepriceOptions = {}) {
  const out: RepriceOutput[] = [];
  const { db } = database();
  const lookup = createRepriceLookup(db, { now: () => new Date("2026-08-01T00:00:00Z"), bestRoute: defaultBestRoute({ db, connection: database() }) });
  for await (const item of repriceLog(readUsageLog(Readable.from([Buffer.from(log)])), lookup, options)) out.push(item);
  const lines = out.flatMap((item) => (item.type === "line" ? [item] : []));
  const totals = out.flatMap((item) => (item.type === "totals" ? [item.totals] : []));
  expect(totals).toHaveLength(1);
  expect(out.at(-1)?.type).toBe("totals");
  return { lines, totals: totals[0]! };
}

const million = { input_tokens: 1_000_000, output_tokens: 1_000_000 };
const jsonl = [
  { timestamp: "2024-11-12T09:00:00Z", model: "gpt-4o", ...million },
  { timestamp: "2024-11-14T09:00:00Z", model: "gpt-4o", seller: "openai", ...million },
  { timestamp: "2024-11-14T10:00:00Z", model: "definitely-not-a-model-9000", ...million },
  { timestamp: "2024-11-14T11:00:00Z", model: "gpt-4o", input_tokens: "many", output_tokens: 1 },
]
  .map((line) => JSON.stringify(line))
  .join("\n");

describe("repricing a log spanning the gpt-4o cut of 2024-11-13", () => {
  it("prices gpt-4o at $5/$15 before and $2.50/$10 after, from the periods in force", async () => {
    const { lines } = await reprice(jsonl);
    const [before, after] = lines;
    expect(before).toMatchObject({ line: 1, ok: true, cost: { input: "5", output: "15", total: "20" }, price: { model: "openai/gpt-4o", seller: "openai", source: "litellm", price: { input: "5", output: "15" } } });
    expect(after).toMatchObject({ line: 2, ok: true, cost: { input: "2.5", output: "10", total: "12.5" }, price: { model: "openai/gpt-4o", seller: "openai", price: { input: "2.5", output: "10" } } });
    if (before?.ok && after?.ok) {
      // The period that priced the first line ended where the second line's began.
      expect(before.price.validTo).toBe(after.price.validFrom);
      expect(after.price.validFrom.slice(0, 10)).toBe("2024-11-13");
    }
  });

  it("gives an unknown model its reason and never $0; a bad record names its field", async () => {
    const { lines, totals } = await reprice(jsonl);
    expect(lines[2]).toMatchObject({ line: 3, ok: false, model: "definitely-not-a-model-9000" });
    expect(lines[2]?.ok === false && lines[2].reason).toMatch(/^unknown model "definitely-not-a-model-9000"/);
    expect(lines[2]).not.toHaveProperty("cost");
    expect(lines[3]).toMatchObject({ line: 4, ok: false, model: "gpt-4o" });
    expect(lines[3]?.ok === false && lines[3].reason).toMatch(/input_tokens/);
    expect(totals).toMatchObject({ lines: 4, priced: 2, unpriced: 1, invalid: 1, cost: "32.5" });
    expect(totals.byDay).toEqual([
      { key: "2024-11-12", lines: 1, unpriced: 0, inputTokens: 1_000_000, outputTokens: 1_000_000, cost: "20" },
      { key: "2024-11-14", lines: 2, unpriced: 1, inputTokens: 2_000_000, outputTokens: 2_000_000, cost: "12.5" },
    ]);
    expect(totals.byModel.map((row) => [row.key, row.cost, row.unpriced])).toEqual([
      ["definitely-not-a-model-9000", "0", 1],
      ["openai/gpt-4o", "32.5", 0],
    ]);
    expect(totals.bySeller.find((row) => row.key === "openai")).toMatchObject({ lines: 2, cost: "32.5" });
  });

  it("reads the same log as CSV", async () => {
    const csv = ["timestamp,model,seller,input_tokens,output_tokens", "2024-11-12T09:00:00Z,gpt-4o,,1000000,1000000", "2024-11-14T09:00:00Z,gpt-4o,openai,1000000,1000000", "2024-11-14T09:00:00Z,gpt-4o,openai,1"].join("\n");
    const { lines, totals } = await reprice(csv);
    expect(lines.map((line) => (line.ok ? line.cost.total : line.reason))).toEqual(["20", "12.5", "the row's cell count differs from the header's"]);
    expect(totals.cost).toBe("32.5");
  });

  it("says when a price did not exist yet, or a seller never sold the model", async () => {
    const log = [
      { timestamp: "2020-01-01T00:00:00Z", model: "gpt-4o", ...million },
      { timestamp: "2024-11-14T09:00:00Z", model: "gpt-4o", seller: "nobody-sells-this", ...million },
    ]
      .map((line) => JSON.stringify(line))
      .join("\n");
    const { lines } = await reprice(log);
    expect(lines[0]?.ok === false && lines[0].reason).toMatch(/^no price of openai\/gpt-4o in force at 2020-01-01T00:00:00.000Z \(recorded from 2024-0/);
    expect(lines[1]?.ok === false && lines[1].reason).toMatch(/^no standard price of openai\/gpt-4o from seller "nobody-sells-this" \(sellers: .*openai/);
  });

  it("compares with today's price on the same seller", async () => {
    const { lines, totals } = await reprice(jsonl.split("\n").slice(0, 2).join("\n"), { compare: "now" });
    expect(lines.map((line) => line.compare?.cost?.total)).toEqual(["12.5", "12.5"]);
    expect(lines[0]?.compare?.price).toMatchObject({ seller: "openai", validTo: null });
    expect(totals).toMatchObject({ cost: "32.5", compareCost: "25" });
  });

  it("compares with today's best route for the line's task class, or says why not", async () => {
    const log = [
      { timestamp: "2024-11-12T09:00:00Z", model: "gpt-4o", task: "coding", ...million },
      { timestamp: "2024-11-12T09:00:00Z", model: "gpt-4o", ...million },
    ]
      .map((line) => JSON.stringify(line))
      .join("\n");
    const { lines } = await reprice(log, { compare: "best" });
    // LiteLLM carries no benchmark scores: no model has a quality figure, and the line says so.
    expect(lines[0]?.compare).toMatchObject({ mode: "best", cost: null, price: null });
    expect(lines[0]?.compare?.reason).toMatch(/^best names no model for task class coding: 0 priced models with quality figures/);
    expect(lines[1]?.compare).toMatchObject({ mode: "best", cost: null, reason: "no task class on this line" });
  });
});

describe("POST /api/v1/reprice", () => {
  it("streams: the first line's answer arrives while the client is still sending the log", async () => {
    const { db, kind } = database();
    const http = await startHttpServer({ db, connection: { kind, location: "test" } }, 0, "127.0.0.1");
    try {
      const [first, ...rest] = jsonl.split("\n");
      const request = httpRequest({ host: "127.0.0.1", port: http.port, path: "/api/v1/reprice", method: "POST", headers: { "content-type": "application/x-ndjson" } });
      request.write(`${first}\n`);
      const [response] = (await once(request, "response")) as [IncomingMessage];
      response.setEncoding("utf8");
      let received = "";
      while (!received.includes("\n")) received += (await once(response, "data"))[0];
      // The request is still open: only its first line has been sent, and it is priced.
      expect(request.writableEnded).toBe(false);
      expect(JSON.parse(received.split("\n")[0]!)).toMatchObject({ type: "line", line: 1, ok: true, cost: { total: "20" } });
      request.end(rest.join("\n"));
      for await (const chunk of response) received += chunk;
      const items = received.trim().split("\n").map((line) => JSON.parse(line));
      expect(items.map((item) => item.type)).toEqual(["line", "line", "line", "line", "totals"]);
      expect(items.at(-1).totals).toMatchObject({ lines: 4, priced: 2, cost: "32.5" });
    } finally {
      await http.close();
    }
  });

  it("reads a streamed body and answers NDJSON, one object per line then the totals", async () => {
    const { db, kind } = database();
    const http = await startHttpServer({ db, connection: { kind, location: "test" } }, 0, "127.0.0.1");
    try {
      const lines = jsonl.split("\n");
      // The body arrives in pieces, split mid-line, as a client streaming a file sends it.
      const text = lines.join("\n");
      const pieces = [text.slice(0, 37), text.slice(37, 150), text.slice(150)];
      const body = new ReadableStream({
        start(controller) {
          for (const piece of pieces) controller.enqueue(new TextEncoder().encode(piece));
          controller.close();
        },
      });
      const response = await fetch(`http://127.0.0.1:${http.port}/api/v1/reprice?compare=now`, { method: "POST", body, duplex: "half" } as RequestInit);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
      const items = (await response.text()).trim().split("\n").map((line) => JSON.parse(line));
      expect(items.map((item) => (item.type === "line" ? (item.ok ? item.cost.total : "reason") : item.totals.cost))).toEqual(["20", "12.5", "reason", "reason", "32.5"]);
      expect(items[0].compare).toMatchObject({ mode: "now", cost: { total: "12.5" } });

      const wrong = await fetch(`http://127.0.0.1:${http.port}/api/v1/reprice?compare=yesterday`, { method: "POST", body: "" });
      expect(wrong.status).toBe(400);
      expect(await wrong.json()).toEqual({ error: 'compare must be one of now, best, not "yesterday"' });
      expect((await fetch(`http://127.0.0.1:${http.port}/api/v1/reprice`)).status).toBe(405);
      expect((await fetch(`http://127.0.0.1:${http.port}/api/v1/repriced`, { method: "POST", body: "" })).status).toBe(404);
    } finally {
      await http.close();
    }
  });
});

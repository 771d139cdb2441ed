/**
 * Webhooks end to end on a migrated database (PGlite, or the server named by
 * TEST_DATABASE_URL, where the two dispatchers use separate connections): subscriptions
 * made over the admin routes, N generated changes written in transactions (one rolled
 * back), two dispatchers delivering concurrently to a local receiver that succeeds,
 * fails with 500, hangs past the time limit and crashes mid-delivery. Then: 0 events
 * lost, 0 accepted twice per idempotency key, every signature valid, the dead letter
 * after the stated number of tries, and the delivery log.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { openDatabase, type DatabaseConnection } from "../../src/db/client.ts";
import { webhookDeliveries, webhookOutbox } from "../../src/db/schema/index.ts";
import { WebhookDispatcher } from "../../src/jobs/webhooks/dispatcher.ts";
import { idempotencyKey } from "../../src/jobs/webhooks/payload.ts";
import type { WebhookRetryPolicy } from "../../src/jobs/webhooks/retry-policy.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { insertChanges, seedOfferings, type ChangeFixture } from "../stream/change-fixtures.ts";
import { TestReceiver } from "./receiver.ts";

const N = 100;
const TOKEN = "test-admin-token-0123456789";
const RETRY: WebhookRetryPolicy = { maxAttempts: 6, baseMs: 40, maxDelayMs: 300 };
const TIMEOUT_MS = 1_000;

const database = useTestDatabase();
let http: RunningServer;
let fixture: ChangeFixture;
let second: DatabaseConnection | undefined;

// First tries: every 5th event fails with 500, the next one hangs; the 12th accepted delivery crashes the receiver instead.
const receiver = new TestReceiver((request, self) => {
  if (request.path === "/always-500") return "fail";
  const event = request.body.change?.id ?? 0;
  if (request.attempt === 1 && event % 5 === 1) return "fail";
  if (request.attempt === 1 && event % 5 === 2) return "hang";
  if (self.restarts === 0 && self.acceptedCount("/all") === 12) return "crash";
  return "ok";
});

const admin = (path: string, init: RequestInit = {}, token: string | null = TOKEN) =>
  fetch(`http://127.0.0.1:${http.port}/api/v1/admin/webhooks${path}`, {
    ...init,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });

async function subscribe(path: string, filters: Record<string, unknown>): Promise<number> {
  const response = await admin("", { method: "POST", body: JSON.stringify({ url: receiver.url(path), ...filters }) });
  expect(response.status).toBe(201);
  const created = await response.json();
  expect(created.secret).toMatch(/^whsec_/);
  receiver.secrets.set(path, created.secret);
  return created.id;
}

beforeAll(async () => {
  const connection = database();
  fixture = await seedOfferings(connection.db);
  await receiver.start();
  http = await startHttpServer({ db: connection.db, connection }, 0, "127.0.0.1", undefined, { adminToken: TOKEN });
  if (connection.url) second = await openDatabase({ databaseUrl: connection.url, maxConnections: 3 });
});

afterAll(async () => {
  await http?.close();
  await receiver.stop();
  await second?.close();
});

describe("webhook admin routes", () => {
  it("refuse requests without the token or with a wrong one", async () => {
    for (const token of [null, "wrong-token-wrong-token", `${TOKEN}x`]) {
      const list = await admin("", {}, token);
      expect(list.status).toBe(401);
      expect(list.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await admin("", { method: "POST", body: JSON.stringify({ url: "http://127.0.0.1:9/x" }) }, token)).status).toBe(401);
      expect((await admin("/1", { method: "DELETE" }, token)).status).toBe(401);
      expect((await admin("/1/test", { method: "POST" }, token)).status).toBe(401);
    }
    const basic = await fetch(`http://127.0.0.1:${http.port}/api/v1/admin/webhooks`, { headers: { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}` } });
    expect(basic.status).toBe(401);
  });

  it("are off (404) when no admin token is configured", async () => {
    const { db } = database();
    const open = await startHttpServer({ db, connection: database() }, 0, "127.0.0.1");
    try {
      const response = await fetch(`http://127.0.0.1:${open.port}/api/v1/admin/webhooks`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(404);
    } finally {
      await open.close();
    }
  });

  it("refuse a bad subscription with the reason", async () => {
    const notUrl = await admin("", { method: "POST", body: JSON.stringify({ url: "ftp://example.com/hook" }) });
    expect(notUrl.status).toBe(400);
    expect((await notUrl.json()).error).toMatch(/url: must be an http/);
    const kind = await admin("", { method: "POST", body: JSON.stringify({ url: receiver.url("/x"), kind: "sideways" }) });
    expect(kind.status).toBe(400);
    const model = await admin("", { method: "POST", body: JSON.stringify({ url: receiver.url("/x"), model: "no-such-model-anywhere" }) });
    expect(model.status).toBe(404);
    expect((await admin("", { method: "POST", body: "{not json" })).status).toBe(400);
  });

  it("send a signed test ping, list without secrets, delete with the outbox", async () => {
    const id = await subscribe("/ping", {});
    const ping = await admin(`/${id}/test`, { method: "POST" });
    expect(await ping.json()).toMatchObject({ ok: true, statusCode: 200 });
    const pinged = receiver.requests.find((request) => request.path === "/ping")!;
    expect(pinged).toMatchObject({ signatureValid: true, body: { type: "ping", subscription: id } });
    const listed = await (await admin("")).json();
    expect(listed.subscriptions.find((row: { id: number }) => row.id === id)).toMatchObject({ url: receiver.url("/ping"), pending: 0 });
    expect(JSON.stringify(listed)).not.toContain("whsec_");
    expect((await admin(`/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await admin(`/${id}`, { method: "DELETE" })).status).toBe(404);
  });
});

describe(`webhook delivery of ${N} generated changes`, () => {
  it("delivers every event exactly once per subscription through 500s, timeouts and a receiver crash, signed; dead-letters after the stated tries", async () => {
    const all = await subscribe("/all", {});
    const cuts = await subscribe("/cuts", { kind: "cut" });
    const dead = await subscribe("/always-500", { seller: "hosty", direction: "hike", minPct: 40 });
    const { db } = database();

    const written: number[] = [];
    for (let batch = 0; batch < N / 10; batch++) written.push(...(await db.transaction((tx) => insertChanges(tx, fixture, 10))));
    const rolledBack: number[] = [];
    await db
      .transaction(async (tx) => {
        rolledBack.push(...(await insertChanges(tx, fixture, 5)));
        throw new Error("the run failed");
      })
      .catch(() => undefined);
    expect(rolledBack).toHaveLength(5);
    const cutIds = written.filter((_, index) => index % 2 === 0);
    const hikeIds = written.filter((_, index) => index % 2 === 1);

    // The outbox was filled by the writing transactions themselves: nothing for the rolled-back one.
    const [outbox] = await db.select({ n: sql<number>`count(*)::int` }).from(webhookOutbox);
    expect(outbox!.n).toBe(N + N / 2 + N / 2);

    const options = { retry: RETRY, timeoutMs: TIMEOUT_MS, pollMs: 50, batchSize: 8 };
    const dispatchers = [new WebhookDispatcher(database(), options), new WebhookDispatcher(second ?? database(), options)];
    await Promise.all(dispatchers.map((dispatcher) => dispatcher.start()));
    try {
      // A bound for a stuck dispatcher, not a speed goal: a loaded CI machine needs minutes.
      const deadline = Date.now() + 240_000;
      for (;;) {
        const [left] = await db.select({ n: sql<number>`count(*)::int` }).from(webhookOutbox).where(eq(webhookOutbox.status, "pending"));
        if (left!.n === 0) break;
        if (Date.now() > deadline) throw new Error(`${left!.n} outbox rows still pending after 240 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await Promise.all(dispatchers.map((dispatcher) => dispatcher.stop()));
    }

    // 0 lost: every expected event processed by each subscription's receiver (which dedupes by idempotency key).
    const sortedKeys = (ids: number[]) => ids.map(idempotencyKey).sort();
    expect([...(receiver.processed.get("/all") ?? [])].sort()).toEqual(sortedKeys(written));
    expect([...(receiver.processed.get("/cuts") ?? [])].sort()).toEqual(sortedKeys(cutIds));
    expect(receiver.accepted.get("/always-500")).toBeUndefined();
    const hookRequests = receiver.requests.filter((request) => request.path !== "/ping");
    expect(hookRequests.filter((request) => !request.signatureValid)).toEqual([]);
    expect(hookRequests.every((request) => request.key === request.body.id)).toBe(true);
    const seenEvents = new Set(hookRequests.map((request) => request.body.change!.id));
    expect(rolledBack.filter((id) => seenEvents.has(id))).toEqual([]);

    // The faults did happen.
    const behaviours = (behaviour: string) => hookRequests.filter((request) => request.path !== "/always-500" && request.behaviour === behaviour).length;
    expect(behaviours("fail")).toBeGreaterThan(0);
    expect(behaviours("hang")).toBeGreaterThan(0);
    expect(receiver.restarts).toBe(1);

    // Outbox and log agree: one "delivered" entry per delivered row; dead rows after exactly maxAttempts tries.
    const rows = await db.select().from(webhookOutbox);
    const log = await db.select().from(webhookDeliveries);
    const delivered = rows.filter((row) => row.status === "delivered");
    expect(delivered.map((row) => row.subscriptionId).sort()).toEqual([...Array(N).fill(all), ...Array(N / 2).fill(cuts)].sort());
    for (const row of delivered) expect(log.filter((entry) => entry.outboxId === row.id && entry.outcome === "delivered")).toHaveLength(1);
    const deadRows = rows.filter((row) => row.status === "dead");
    expect(deadRows.map((row) => row.changeEventId).sort()).toEqual([...hikeIds].sort());
    expect(deadRows.every((row) => row.subscriptionId === dead && row.attempts === RETRY.maxAttempts)).toBe(true);
    // Its receiver answers 500; on a loaded machine a last try may pass the time limit first.
    expect(deadRows.filter((row) => row.lastError !== "receiver answered 500" && row.lastError !== `no answer within ${TIMEOUT_MS} ms`)).toEqual([]);
    for (const row of deadRows) {
      expect(log.filter((entry) => entry.outboxId === row.id).sort((a, b) => a.attempt - b.attempt).map((entry) => entry.outcome)).toEqual([...Array(RETRY.maxAttempts - 1).fill("retry"), "dead"]);
    }
    const errors = log.map((entry) => entry.error ?? "");
    expect(errors.some((error) => error === `no answer within ${TIMEOUT_MS} ms`)).toBe(true);
    expect(errors.some((error) => /ECONNREFUSED|socket|other side closed|fetch failed/i.test(error))).toBe(true);

    // 0 delivered twice: a key answered 200 twice on the wire only where the sender's time limit passed before the answer came.
    const log0 = await db.select().from(webhookDeliveries);
    const rows0 = await db.select().from(webhookOutbox);
    let wireRepeats = 0;
    for (const [path, subscription] of [["/all", all], ["/cuts", cuts]] as const) {
      const keys = receiver.accepted.get(path) ?? [];
      for (const key of new Set(keys.filter((key, index) => keys.indexOf(key) !== index))) {
        wireRepeats += keys.filter((other) => other === key).length - 1;
        const row = rows0.find((candidate) => candidate.subscriptionId === subscription && idempotencyKey(candidate.changeEventId) === key)!;
        expect(log0.some((entry) => entry.outboxId === row.id && entry.error === `no answer within ${TIMEOUT_MS} ms`)).toBe(true);
      }
    }
    const wire = hookRequests.filter((request) => request.path !== "/always-500").length;
    console.info(`webhooks: ${N} changes -> ${N + N / 2} deliveries + ${N / 2} dead letters; ${wire} requests on the wire, ${behaviours("fail")} answered 500, ${behaviours("hang")} hung, 1 crash, ${wireRepeats} late acknowledgements repeated; dispatchers: 2`);
    expect(await db.select().from(webhookOutbox).where(and(eq(webhookOutbox.status, "pending")))).toEqual([]);
  }, 300_000);
});

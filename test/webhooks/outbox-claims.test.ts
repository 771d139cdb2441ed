/**
 * Outbox claims on a migrated database (PGlite, or the server named by TEST_DATABASE_URL
 * with a second connection pool as another instance): concurrent claims never share a
 * row; a claim whose instance died (claimed, never recorded) is taken again once its
 * lease passes; a late outcome from the dead claim does not overwrite the new one.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseConnection } from "../../src/db/client.ts";
import { claimDueDeliveries, createSubscription, recordDelivery } from "../../src/db/queries/webhooks.ts";
import { webhookOutbox, webhookSubscriptions } from "../../src/db/schema/index.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { insertChanges, seedOfferings } from "../stream/change-fixtures.ts";

const database = useTestDatabase();
let other: DatabaseConnection | undefined;

beforeAll(async () => {
  const connection = database();
  if (connection.url) other = await openDatabase({ databaseUrl: connection.url, maxConnections: 4 });
});

afterAll(async () => {
  await other?.close();
});

describe("webhook outbox claims", () => {
  it("never hands one row to two concurrent claims, across connections", async () => {
    const { db } = database();
    const fixture = await seedOfferings(db);
    const subscription = await createSubscription(db, { url: "http://127.0.0.1:9/unused", secret: "s", filter: {} });
    await db.transaction((tx) => insertChanges(tx, fixture, 60));
    const pools = [db, other?.db ?? db];
    const claims = await Promise.all(Array.from({ length: 12 }, (_, index) => claimDueDeliveries(pools[index % 2]!, 7, 60_000)));
    const claimed = claims.flat().filter((row) => row.subscriptionId === subscription.id);
    const ids = claimed.map((row) => row.outboxId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(60);
    expect(claimed.every((row) => row.attempt === 1)).toBe(true);
    // Everything is leased: nothing more to claim.
    expect(await claimDueDeliveries(db, 100, 60_000)).toEqual([]);
  });

  it("takes a row again after a dead claim's lease, and ignores the dead claim's late outcome", async () => {
    const { db } = database();
    await db.delete(webhookSubscriptions); // the first test's, with their outbox rows
    const fixture = await seedOfferings(db);
    const subscription = await createSubscription(db, { url: "http://127.0.0.1:9/unused", secret: "s", filter: { kind: "listed" } });
    const [eventId] = await db.transaction(async (tx) => {
      const ids = await insertChanges(tx, fixture, 1);
      await tx.execute(sql`update change_events set kind = 'listed' where id = ${ids[0]!}`);
      return ids;
    });
    // The trigger fans out on insert: a price change does not match a "listed" subscription.
    expect(await db.select().from(webhookOutbox).where(eq(webhookOutbox.subscriptionId, subscription.id))).toEqual([]);
    await db.insert(webhookOutbox).values({ subscriptionId: subscription.id, changeEventId: eventId! });

    const [dead] = await claimDueDeliveries(db, 10, 60_000); // this instance dies: it never records
    expect(dead).toMatchObject({ subscriptionId: subscription.id, attempt: 1 });
    expect(await claimDueDeliveries(other?.db ?? db, 10, 60_000)).toEqual([]);
    // The lease passes (moved into the past rather than waited for: no timing on a loaded machine).
    await db.update(webhookOutbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(webhookOutbox.id, dead!.outboxId));
    const [again] = await claimDueDeliveries(other?.db ?? db, 10, 60_000);
    expect(again).toMatchObject({ outboxId: dead!.outboxId, attempt: 2 });

    await recordDelivery(db, again!, { outcome: "delivered", statusCode: 200, error: null, durationMs: 5 });
    await recordDelivery(db, dead!, { outcome: "retry", statusCode: null, error: "late", durationMs: 5000, retryInMs: 0 });
    const [row] = await db.select().from(webhookOutbox).where(eq(webhookOutbox.id, dead!.outboxId));
    expect(row).toMatchObject({ status: "delivered", attempts: 2, lastError: null });
  });
});

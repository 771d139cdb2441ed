/**
 * Webhook subscriptions and their outbox. Claiming is one UPDATE over a
 * FOR UPDATE SKIP LOCKED subquery: concurrent dispatchers (any instance) never claim the
 * same row, and a claim is a lease (next_attempt_at moves past the send's time limit),
 * so a row whose sender died is claimed again once the lease passes.
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { webhookDeliveries, webhookOutbox, webhookSubscriptions } from "../schema/index.ts";
import type { ChangeFilter } from "../../domain/changes/change-filter.ts";

export type WebhookSubscription = typeof webhookSubscriptions.$inferSelect;

export async function createSubscription(db: Executor, input: { url: string; secret: string; description?: string | undefined; filter: ChangeFilter }): Promise<WebhookSubscription> {
  const { filter } = input;
  const [row] = await db
    .insert(webhookSubscriptions)
    .values({
      url: input.url,
      secret: input.secret,
      description: input.description ?? null,
      modelId: filter.modelId ?? null,
      seller: filter.seller ?? null,
      direction: filter.direction ?? null,
      kind: filter.kind ?? null,
      minPct: filter.minPct === undefined ? null : String(filter.minPct),
    })
    .returning();
  return row!;
}

/** Subscriptions with their outbox counts; secrets are never listed. */
export function listSubscriptions(db: Executor) {
  const count = (status: string) => sql<number>`(select count(*)::int from ${webhookOutbox} o where o.subscription_id = ${webhookSubscriptions.id} and o.status = ${status})`;
  return db
    .select({
      id: webhookSubscriptions.id,
      url: webhookSubscriptions.url,
      description: webhookSubscriptions.description,
      model: webhookSubscriptions.modelId,
      seller: webhookSubscriptions.seller,
      direction: webhookSubscriptions.direction,
      kind: webhookSubscriptions.kind,
      minPct: webhookSubscriptions.minPct,
      createdAt: webhookSubscriptions.createdAt,
      pending: count("pending"),
      delivered: count("delivered"),
      dead: count("dead"),
    })
    .from(webhookSubscriptions)
    .orderBy(asc(webhookSubscriptions.id));
}

export async function getSubscription(db: Executor, id: number): Promise<WebhookSubscription | null> {
  const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  return row ?? null;
}

/** Deletes a subscription with its outbox and delivery log; false when there was none. */
export async function deleteSubscription(db: Executor, id: number): Promise<boolean> {
  const rows = await db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).returning({ id: webhookSubscriptions.id });
  return rows.length > 0;
}

export interface ClaimedDelivery {
  outboxId: number;
  subscriptionId: number;
  changeEventId: number;
  /** This try's number (1 for the first). */
  attempt: number;
  url: string;
  secret: string;
}

/** Claims up to `limit` due rows for `leaseMs`, counting the try. */
export async function claimDueDeliveries(db: Executor, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const due = db
    .select({ id: webhookOutbox.id })
    .from(webhookOutbox)
    .where(and(eq(webhookOutbox.status, "pending"), lte(webhookOutbox.nextAttemptAt, sql`now()`)))
    .orderBy(asc(webhookOutbox.nextAttemptAt), asc(webhookOutbox.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(webhookOutbox)
    .set({ attempts: sql`${webhookOutbox.attempts} + 1`, nextAttemptAt: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where(inArray(webhookOutbox.id, due))
    .returning({ outboxId: webhookOutbox.id, subscriptionId: webhookOutbox.subscriptionId, changeEventId: webhookOutbox.changeEventId, attempt: webhookOutbox.attempts });
  if (claimed.length === 0) return [];
  const subscriptions = await db
    .select({ id: webhookSubscriptions.id, url: webhookSubscriptions.url, secret: webhookSubscriptions.secret })
    .from(webhookSubscriptions)
    .where(inArray(webhookSubscriptions.id, [...new Set(claimed.map((row) => row.subscriptionId))]));
  const byId = new Map(subscriptions.map((row) => [row.id, row]));
  return claimed
    .flatMap((row) => {
      const subscription = byId.get(row.subscriptionId);
      // Deleted meanwhile: its outbox rows went with it.
      return subscription ? [{ ...row, url: subscription.url, secret: subscription.secret }] : [];
    })
    .sort((a, b) => a.outboxId - b.outboxId);
}

export interface DeliveryOutcome {
  outcome: "delivered" | "retry" | "dead";
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** For "retry": when to try again. */
  retryInMs?: number;
}

/** Records a try in the log and moves the outbox row on, in one transaction. */
export async function recordDelivery(db: Executor, claimed: ClaimedDelivery, result: DeliveryOutcome): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(webhookDeliveries).values({ outboxId: claimed.outboxId, attempt: claimed.attempt, statusCode: result.statusCode, error: result.error, durationMs: result.durationMs, outcome: result.outcome });
    const where = and(eq(webhookOutbox.id, claimed.outboxId), eq(webhookOutbox.attempts, claimed.attempt));
    if (result.outcome === "delivered") await tx.update(webhookOutbox).set({ status: "delivered", deliveredAt: sql`now()`, lastError: null }).where(where);
    else if (result.outcome === "dead") await tx.update(webhookOutbox).set({ status: "dead", lastError: result.error }).where(where);
    else await tx.update(webhookOutbox).set({ nextAttemptAt: sql`now() + ${result.retryInMs ?? 0} * interval '1 millisecond'`, lastError: result.error }).where(where);
  });
}

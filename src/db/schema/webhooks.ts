/**
 * Webhooks: subscriptions (a receiver URL, its signing secret, the change-stream
 * filters), an outbox with one row per (subscription, change event), and a log of every
 * delivery attempt. Outbox rows are written by a trigger on change_events inserts
 * (migration 0005's custom part), so they commit or roll back with the change itself,
 * whichever writer records it.
 */
import { relations, sql } from "drizzle-orm";
import { bigint, bigserial, check, index, integer, numeric, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { changeDirection, changeEvents } from "./prices.ts";

export const webhookOutboxStatus = pgEnum("webhook_outbox_status", ["pending", "delivered", "dead"]);

export const webhookSubscriptions = pgTable(
  "webhook_subscriptions",
  {
    id: serial().primaryKey(),
    url: text().notNull(),
    /** HMAC-SHA256 key of the Pricewar-Signature header; shown once, at creation. */
    secret: text().notNull(),
    description: text(),
    /** Filters, as the change stream's; null matches everything. */
    modelId: text(),
    seller: text(),
    direction: changeDirection(),
    /** cut, hike, listed or delisted. */
    kind: text(),
    /** Minimum |change| in percent of the blended price. */
    minPct: numeric(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("webhook_subscriptions_kind", sql`${t.kind} is null or ${t.kind} in ('cut', 'hike', 'listed', 'delisted')`)],
);

export const webhookOutbox = pgTable(
  "webhook_outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    subscriptionId: integer()
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    changeEventId: bigint({ mode: "number" })
      .notNull()
      .references(() => changeEvents.id, { onDelete: "cascade" }),
    status: webhookOutboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    /** When the row may next be claimed: the backoff, or the lease of the instance sending it. */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // each subscription gets each event once
    uniqueIndex("webhook_outbox_once_key").on(t.subscriptionId, t.changeEventId),
    // the dispatcher's claim: due pending rows, oldest first
    index("webhook_outbox_due_idx").on(t.nextAttemptAt, t.id).where(sql`${t.status} = 'pending'`),
  ],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    outboxId: bigint({ mode: "number" })
      .notNull()
      .references(() => webhookOutbox.id, { onDelete: "cascade" }),
    attempt: integer().notNull(),
    attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The receiver's HTTP status; null when none came (refused, timed out). */
    statusCode: integer(),
    error: text(),
    durationMs: integer().notNull(),
    outcome: text().notNull(),
  },
  (t) => [
    // a row's delivery log, in attempt order
    index("webhook_deliveries_by_outbox_idx").on(t.outboxId, t.attempt),
    check("webhook_deliveries_outcome", sql`${t.outcome} in ('delivered', 'retry', 'dead')`),
  ],
);

export const webhookOutboxRelations = relations(webhookOutbox, ({ one }) => ({
  subscription: one(webhookSubscriptions, { fields: [webhookOutbox.subscriptionId], references: [webhookSubscriptions.id] }),
  changeEvent: one(changeEvents, { fields: [webhookOutbox.changeEventId], references: [changeEvents.id] }),
}));

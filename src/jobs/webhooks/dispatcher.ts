/**
 * Delivers the webhook outbox. Every instance may run one: rows are claimed with
 * FOR UPDATE SKIP LOCKED and a lease (db/queries/webhooks.ts), so a row is sent by one
 * instance at a time, and the outcome is recorded only by the claim that made the try
 * (attempt number check). A receiver acknowledges with any 2xx; anything else is retried
 * with exponential backoff and goes dead after the policy's last try. Delivery is at
 * least once on the wire (a receiver that answered after our time limit, or an instance
 * that died between sending and recording, sees the event again); the idempotency key
 * (one per event) lets a receiver make it exactly once, and the outbox records each
 * (subscription, event) delivered once.
 */
import type { DatabaseConnection, Db } from "../../db/client.ts";
import type { Logger } from "../../config/logger.ts";
import { listenForChangeEvents } from "../../db/change-notifications.ts";
import { changesByIds } from "../../db/queries/change-feed.ts";
import { claimDueDeliveries, recordDelivery, type ClaimedDelivery } from "../../db/queries/webhooks.ts";
import { deliveryBody, idempotencyKey } from "./payload.ts";
import { DEFAULT_WEBHOOK_RETRY_POLICY, retryDelayMs, type WebhookRetryPolicy } from "./retry-policy.ts";
import { sendSigned } from "./send.ts";

export interface DispatcherOptions {
  retry?: WebhookRetryPolicy;
  /** Time limit of one delivery (default 10 s). */
  timeoutMs?: number;
  /** Rows claimed (and sent concurrently) per round (default 16). */
  batchSize?: number;
  /** How often due retries are looked for when no notification comes (default 5 s). */
  pollMs?: number;
  logger?: Logger | undefined;
}

export class WebhookDispatcher {
  private readonly retry: WebhookRetryPolicy;
  private readonly timeoutMs: number;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => Promise<void>) | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly connection: Pick<DatabaseConnection, "db"> & Partial<Pick<DatabaseConnection, "sql" | "pglite">>,
    private readonly options: DispatcherOptions = {},
  ) {
    this.retry = options.retry ?? DEFAULT_WEBHOOK_RETRY_POLICY;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.batchSize = options.batchSize ?? 16;
    this.pollMs = options.pollMs ?? 5_000;
  }

  private get db(): Db {
    return this.connection.db;
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.stopListening = await listenForChangeEvents(this.connection, () => this.wake()).catch((error: unknown) => {
      this.options.logger?.warn({ err: error }, "webhooks: LISTEN failed; polling only");
      return undefined;
    });
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.stopListening?.();
    await this.running;
  }

  /** Runs rounds until nothing is due; a wake-up during a round asks for one more. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          while (!this.stopped && (await this.deliverDue()) > 0);
        } catch (error) {
          this.options.logger?.warn({ err: error }, "webhooks: a delivery round failed; the next wake-up retries");
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = undefined;
    });
  }

  /** One round: claim due rows, send them concurrently, record each outcome; returns how many were claimed. */
  async deliverDue(): Promise<number> {
    // The lease outlasts the send's time limit, so no other instance takes a row still being sent.
    const claimed = await claimDueDeliveries(this.db, this.batchSize, this.timeoutMs * 2 + 5_000);
    if (claimed.length === 0) return 0;
    const changes = new Map((await changesByIds(this.db, [...new Set(claimed.map((row) => row.changeEventId))])).map((change) => [change.id, change]));
    await Promise.all(claimed.map((row) => this.deliver(row, changes.get(row.changeEventId))));
    return claimed.length;
  }

  private async deliver(row: ClaimedDelivery, change: Awaited<ReturnType<typeof changesByIds>>[number] | undefined): Promise<void> {
    if (!change) return; // the event was deleted: its outbox row went with it (cascade)
    const result = await sendSigned(row.url, row.secret, deliveryBody(row.subscriptionId, change), { idempotencyKey: idempotencyKey(change.id), attempt: row.attempt }, this.timeoutMs);
    const delay = result.ok ? null : retryDelayMs(row.attempt, this.retry);
    const outcome = result.ok ? "delivered" : delay === null ? "dead" : "retry";
    if (outcome === "dead") this.options.logger?.warn({ subscription: row.subscriptionId, event: change.id, attempts: row.attempt, error: result.error }, "webhook delivery dead-lettered");
    await recordDelivery(this.db, row, { outcome, statusCode: result.statusCode, error: result.error, durationMs: result.durationMs, ...(delay !== null ? { retryInMs: delay } : {}) });
  }
}

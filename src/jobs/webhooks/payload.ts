/** The JSON body of a webhook delivery: the change event as the change stream sends it. */
import type { ChangeItem } from "../../db/queries/change-feed.ts";

export function idempotencyKey(changeEventId: number): string {
  return `pricewar-change-${changeEventId}`;
}

export function deliveryBody(subscriptionId: number, change: ChangeItem): string {
  return JSON.stringify({ id: idempotencyKey(change.id), type: "change", subscription: subscriptionId, change });
}

export function pingBody(subscriptionId: number, at: Date): string {
  return JSON.stringify({ id: `pricewar-ping-${subscriptionId}-${at.getTime()}`, type: "ping", subscription: subscriptionId, sentAt: at.toISOString() });
}

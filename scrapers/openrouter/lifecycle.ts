/**
 * OpenRouter's `expiration_date`: the day it stops serving a model. The offering is
 * retired from that date (deprecated until then). Far-future dates (the 2098-12-31 some
 * entries carry) are placeholders for "no end planned", not announcements.
 */
import type { LifecycleSignal } from "../../src/domain/observation.ts";

/** An expiration in this year or later is a placeholder. */
const PLACEHOLDER_FROM_YEAR = 2090;

export function expirationSignal(expirationDate: string | null | undefined): LifecycleSignal | null {
  const day = expirationDate?.slice(0, 10);
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) return null;
  if (Number(day.slice(0, 4)) >= PLACEHOLDER_FROM_YEAR) return null;
  return { stage: "retired", from: day, note: `OpenRouter expiration_date ${day}` };
}

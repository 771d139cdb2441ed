/**
 * The opaque cursor of prices.history: the position (valid_from with its microseconds, period
 * id) of the last period of a page, base64url-encoded. A client passes `nextCursor` back
 * unchanged; anything else is refused with a clear message, never read as a first page.
 */
import { z } from "zod";
import type { HistoryPosition } from "../db/queries/price-history-page.ts";

/** valid_from as Postgres renders it to the microsecond, in UTC (see price-history-page.ts). */
const positionSchema = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), z.number().int().positive()]);

export function encodeHistoryCursor(position: HistoryPosition): string {
  return Buffer.from(JSON.stringify([position.validFrom, position.id])).toString("base64url");
}

/** The position a cursor encodes, or null when the text is not a cursor this API gave. */
export function decodeHistoryCursor(cursor: string): HistoryPosition | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = positionSchema.safeParse(decoded);
  return parsed.success ? { validFrom: parsed.data[0], id: parsed.data[1] } : null;
}

export const historyCursorInput = z
  .string()
  .max(200)
  .transform((cursor, context) => {
    const position = decodeHistoryCursor(cursor);
    if (position) return position;
    context.addIssue({ code: "custom", message: "not a cursor of prices.history: pass the previous page's nextCursor unchanged" });
    return z.NEVER;
  })
  .describe("the previous page's nextCursor; omit for the newest page");

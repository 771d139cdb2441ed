/**
 * The filters shared by the change stream (SSE), webhook subscriptions and the Atom
 * feed: model (any name a caller uses, resolved to a canonical id), seller, direction,
 * minimum percentage move of the blended price, and kind. "cut" and "hike" as kinds are
 * price changes in that direction; "listed" and "delisted" are the offering events.
 */
import { z } from "zod";

export const CHANGE_KINDS = ["cut", "hike", "listed", "delisted"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const emptyAsAbsent = (value: unknown) => (value === "" || value === null ? undefined : value);

export const changeFilterInput = z.object({
  model: z.preprocess(emptyAsAbsent, z.string().trim().min(1).max(500).optional()),
  seller: z.preprocess(emptyAsAbsent, z.string().trim().toLowerCase().min(1).max(100).optional()),
  direction: z.preprocess(emptyAsAbsent, z.enum(["cut", "hike", "mixed"]).optional()),
  minPct: z.preprocess(emptyAsAbsent, z.coerce.number().min(0).max(1_000_000).optional()),
  kind: z.preprocess(emptyAsAbsent, z.enum(CHANGE_KINDS).optional()),
});
export type ChangeFilterInput = z.infer<typeof changeFilterInput>;

/** A filter with its model name resolved to the canonical id. */
export type ChangeFilter = Omit<ChangeFilterInput, "model"> & { modelId?: string };

/** The filter from URL query parameters; zod's issues as one message on failure. */
export function changeFilterFromQuery(params: URLSearchParams): ReturnType<typeof changeFilterInput.safeParse> {
  return changeFilterInput.safeParse(Object.fromEntries(["model", "seller", "direction", "minPct", "kind"].map((key) => [key, params.get(key) ?? undefined])));
}

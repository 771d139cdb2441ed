/**
 * Reviewed model series (series.yaml beside this module): which dated snapshots a name
 * has, and for a floating name (gpt-4o, deepseek-chat) which snapshot it served from
 * which date. Pure lookups over that table; the loader is the only I/O.
 *
 * Three uses:
 * - a month-only date ("GPT-4o (Aug '24)" -> gpt-4o-202408) becomes the one snapshot of the
 *   series released that month (gpt-4o-20240806);
 * - a floating name's snapshot at a date (`pinnedAt`);
 * - a name that is a label of what was served at the payload's date in some sources
 *   (LMArena's "Claude 3.5 Sonnet") resolves to that snapshot there (`datedIn`).
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

const modelId = z.string().regex(/^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._:+-]*$/, "canonical id <creator>/<name>");
const isoDate = z.iso.date();

export const seriesSchema = z
  .object({
    /** The canonical id of the undated name. */
    name: modelId,
    /** A moving name a caller can call (an alias), rather than one fixed release. */
    floating: z.boolean().default(false),
    note: z.string().min(1),
    snapshots: z.array(z.object({ id: modelId, released: isoDate })).default([]),
    /** From `from` on, the name served `to` (null: retired). Ascending dates. */
    pointers: z.array(z.object({ from: isoDate, to: modelId.nullable(), note: z.string().min(1) })).default([]),
    /** Sources where the name labels the snapshot served at the payload's date: it resolves to it there. */
    datedIn: z.array(z.string().min(1)).default([]),
  })
  .refine((entry) => entry.pointers.every((pointer, i) => i === 0 || entry.pointers[i - 1]!.from < pointer.from), {
    message: "pointers must be in ascending date order",
  });
export type Series = z.infer<typeof seriesSchema>;

const SERIES_FILE = new URL("./series.yaml", import.meta.url);
let cached: Series[] | undefined;

export function loadSeries(): Series[] {
  cached ??= z.array(seriesSchema).parse(parse(readFileSync(SERIES_FILE, "utf8")));
  return cached;
}

export function seriesOf(series: readonly Series[], id: string): Series | undefined {
  return series.find((entry) => entry.name === id);
}

/** The snapshot a series' name served at `at`, or null (no pointer yet, retired, or no date given). */
export function pinnedAt(entry: Series | undefined, at: Date | undefined): string | null {
  if (!entry || !at) return null;
  const day = at.toISOString().slice(0, 10);
  let pinned: string | null = null;
  for (const pointer of entry.pointers) if (pointer.from <= day) pinned = pointer.to;
  return pinned;
}

const MONTH_ONLY = /^(.+)-(20\d{2})(0[1-9]|1[0-2])$/;

/**
 * "openai/gpt-4o-202408" -> "openai/gpt-4o-20240806" where exactly one snapshot of the
 * series (or the snapshot itself: "deepseek/deepseek-r1-0528-202505") was released that
 * month; null where the table does not tell.
 */
export function snapshotOfMonth(series: readonly Series[], id: string): string | null {
  const match = MONTH_ONLY.exec(id);
  if (!match) return null;
  const [, prefix, year, month] = match;
  const candidates = new Set<string>();
  for (const entry of series) {
    for (const snapshot of entry.snapshots) {
      if ((entry.name === prefix || snapshot.id === prefix) && snapshot.released.startsWith(`${year}-${month}`)) candidates.add(snapshot.id);
    }
  }
  return candidates.size === 1 ? [...candidates][0]! : null;
}

const DATE_PART = "-(?:20\\d{6}|\\d{4}|\\d{2}-\\d{2}|\\d{3})";
const DATED_SUFFIX = new RegExp(`${DATE_PART}$`);
const ONLY_A_DATE = new RegExp(`^${DATE_PART}$`);

/**
 * Whether a canonical id is a moving name: a reviewed floating series, a "-latest" name,
 * or (given the catalogue's ids) an undated name with several dated snapshots.
 */
export function isFloatingName(series: readonly Series[], id: string, knownIds?: ReadonlySet<string>): boolean {
  if (seriesOf(series, id)?.floating) return true;
  if (/-latest$/.test(id)) return true;
  if (!knownIds || DATED_SUFFIX.test(id)) return false;
  let dated = 0;
  for (const other of knownIds) if (other.startsWith(`${id}-`) && ONLY_A_DATE.test(other.slice(id.length))) dated++;
  return dated > 1;
}

/**
 * An undated name with exactly one dated snapshot is that snapshot: from the reviewed table
 * (a non-floating series with one release), else from the catalogue's ids where given.
 */
export function onlySnapshot(series: readonly Series[], id: string, knownIds?: ReadonlySet<string>): string | null {
  const entry = seriesOf(series, id);
  if (entry) return !entry.floating && entry.snapshots.length === 1 && entry.snapshots[0]!.id !== id ? entry.snapshots[0]!.id : null;
  if (!knownIds || DATED_SUFFIX.test(id) || /-latest$/.test(id)) return null;
  const dated = [...knownIds].filter((other) => other.startsWith(`${id}-`) && ONLY_A_DATE.test(other.slice(id.length)));
  return dated.length === 1 ? dated[0]! : null;
}

/**
 * A model's `price_history` as consecutive periods [from_date, to_date). Upstream writes the
 * rows in no fixed order (deepseek-chat newest first, gpt-5.6-terra oldest first), so they
 * are sorted here; rows that overlap cannot be placed in time and are reported instead.
 */
import type { HistoryRow } from "./schema.ts";

/** Open start first, then by start date. */
function byStart(a: HistoryRow, b: HistoryRow): number {
  if (a.from_date === b.from_date) return 0;
  if (a.from_date === null) return -1;
  if (b.from_date === null) return 1;
  return a.from_date.localeCompare(b.from_date);
}

export function sortedHistory(rows: readonly HistoryRow[]): HistoryRow[] | { reason: string } {
  const sorted = [...rows].sort(byStart);
  for (const [index, row] of sorted.entries()) {
    if (row.from_date !== null && row.to_date !== null && row.from_date >= row.to_date) {
      return { reason: `price period ${row.from_date} to ${row.to_date} ends before it starts` };
    }
    const next = sorted[index + 1];
    // A change is written as to_date = the next from_date, so equal dates do not overlap.
    if (next && (row.to_date === null || next.from_date === null || row.to_date > next.from_date)) {
      return { reason: "overlapping price periods in price_history" };
    }
  }
  return sorted;
}

export function samePeriods(a: readonly HistoryRow[], b: readonly HistoryRow[]): boolean {
  return a.length === b.length && a.every((row, index) => row.from_date === b[index]?.from_date && row.to_date === b[index]?.to_date);
}

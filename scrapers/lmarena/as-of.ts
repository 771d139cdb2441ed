/**
 * Leaderboard dates. Where each format's asOf comes from:
 * - arena-catalog JSON and fboulnois CSVs carry no date: the recorded file name does
 *   ("…leaderboard-text.2025-12-11…", "…lmsys.v2025.04.24…"), and a live fetch, whose URL
 *   has none, is dated by the day it was observed;
 * - the jasontrigg0 series dates every row (YYYYMMDD column);
 * - the top-N JSON has meta.last_updated ("Jul 1, 2026") or else meta.fetched_at.
 */
import type { ParseContext, PayloadDocument } from "../source.ts";

/** A real calendar date as YYYY-MM-DD, or null (rejects 2025-02-30, month 13, ...). */
export function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.toISOString().slice(0, 10) : null;
}

/** "20250326" (elo_results / jasontrigg0 style) -> "2025-03-26". */
export function isoDateFromCompact(text: string): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** "Jul 1, 2026" (the arena.ai "last updated" label) -> "2026-07-01". */
export function isoDateFromMonthDayYear(text: string): string | null {
  const match = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4})$/.exec(text.trim());
  if (!match) return null;
  const month = MONTHS.indexOf((match[1] ?? "").toLowerCase()) + 1;
  return month > 0 ? isoDate(Number(match[3]), month, Number(match[2])) : null;
}

// 2025-12-17, v2025.08.04 (fboulnois versions), 2025_03_26 or 20250326, not inside a longer
// run of digits or letters so commit hashes such as "3b12b7f" never pass for a date.
const DATE_IN_NAME = /(?<![\dA-Za-z])v?(20\d{2})([-._]?)(\d{2})\2(\d{2})(?![\dA-Za-z])/g;

/**
 * The leaderboard date written in a document name (the last one, nearest the file name,
 * when folders are dated too), or null when the name has none.
 */
export function asOfFromDocumentName(name: string): string | null {
  let found: string | null = null;
  for (const match of name.matchAll(DATE_IN_NAME)) {
    found = isoDate(Number(match[1]), Number(match[3]), Number(match[4])) ?? found;
  }
  return found;
}

export function utcDateOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** For files whose content has no date: the name's date, else the day the payload was observed. */
export function asOfForUndatedContent(document: PayloadDocument, context: ParseContext): string {
  return asOfFromDocumentName(document.name) ?? utcDateOf(context.observedAt);
}

/**
 * Pure planning of a backfill: which entries of a folder are dated payloads, and in what
 * order to ingest them. Dates come from the entry names (2024-11-13, 2024_11_13,
 * 2025.01.16, 20241113). Entries that share a date are ordered so that the last one is
 * the one closest to the next date's payload: of two same-day commits, the later state
 * is the one that persisted (LiteLLM's two 2025-02-07 files are the DeepSeek price
 * change before and after; only the content tells which came first).
 */

export interface DatedEntry {
  name: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface BackfillPlan {
  dated: DatedEntry[];
  undated: string[];
}

const DATE_IN_NAME = /(?:^|[^\d])(20\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/;

export function dateInName(name: string): string | null {
  const match = DATE_IN_NAME.exec(name);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

export function planBackfill(names: readonly string[]): BackfillPlan {
  const dated: DatedEntry[] = [];
  const undated: string[] = [];
  for (const name of names) {
    const date = dateInName(name);
    if (date) dated.push({ name, date });
    else undated.push(name);
  }
  dated.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
  return { dated, undated };
}

/** Entries grouped by date, in date order. */
export function groupByDate(entries: readonly DatedEntry[]): DatedEntry[][] {
  const groups: DatedEntry[][] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last && last[0]!.date === entry.date) last.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

/**
 * Orders one same-day group: ascending by how many of the next payload's facts each
 * entry shares, so the closest comes last. Ties keep name order. `facts` turns an entry's
 * payload into comparable strings (e.g. "provider|model|variant=input/output").
 */
export function orderSameDay<T extends DatedEntry>(group: readonly T[], facts: ReadonlyMap<string, ReadonlySet<string>>, next: ReadonlySet<string> | null): T[] {
  if (group.length < 2 || next === null) return [...group];
  const shared = (entry: T) => {
    let count = 0;
    for (const fact of facts.get(entry.name) ?? []) if (next.has(fact)) count++;
    return count;
  };
  return [...group].sort((a, b) => shared(a) - shared(b) || a.name.localeCompare(b.name));
}

/** The observation time of the k-th payload of a day: midnight UTC plus k seconds, so same-day payloads stay ordered. */
export function observationTime(date: string, indexInDay: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + indexInDay * 1000);
}

/**
 * LiveBench publishes each release as files named by its date: table_<YYYY_MM_DD>.csv,
 * categories_<YYYY_MM_DD>.json and, since 2026_06_25, cost_<YYYY_MM_DD>.csv. A table is
 * meaningless without its categories map (the category scores are computed from it), so
 * the documents of one run are grouped by release date and every group is checked.
 */
import { PayloadError, type PayloadDocument } from "../source.ts";
import { LIVEBENCH_SOURCE_ID } from "./source-id.ts";

type DocumentKind = "table" | "categories" | "cost";

export interface ReleaseDocuments {
  /** The release (question-set) date, YYYY-MM-DD. */
  release: string;
  table: PayloadDocument;
  categories: PayloadDocument;
  cost: PayloadDocument | null;
}

const RELEASE_FILE = /(?:^|[^a-z])(table|categories|cost)_(\d{4})_(\d{2})_(\d{2})(?!\d)/i;

function classify(document: PayloadDocument): { kind: DocumentKind; release: string } {
  const match = RELEASE_FILE.exec(document.name);
  if (!match) {
    throw new PayloadError(LIVEBENCH_SOURCE_ID, "not a LiveBench release file (expected table_, categories_ or cost_<YYYY_MM_DD>)", document.name);
  }
  const [, kind, year, month, day] = match;
  return { kind: kind!.toLowerCase() as DocumentKind, release: `${year}-${month}-${day}` };
}

/** Groups the documents by release date, oldest first; a table without its categories map is an error. */
export function groupByRelease(documents: readonly PayloadDocument[]): ReleaseDocuments[] {
  if (documents.length === 0) throw new PayloadError(LIVEBENCH_SOURCE_ID, "no payload document");
  const byRelease = new Map<string, Partial<Record<DocumentKind, PayloadDocument>>>();
  for (const document of documents) {
    const { kind, release } = classify(document);
    const group = byRelease.get(release) ?? {};
    const earlier = group[kind];
    if (earlier) {
      throw new PayloadError(LIVEBENCH_SOURCE_ID, `two ${kind} files for release ${release} (also ${earlier.name})`, document.name);
    }
    group[kind] = document;
    byRelease.set(release, group);
  }
  return [...byRelease.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([release, group]) => {
      const { table, categories, cost } = group;
      const any = table ?? categories ?? cost;
      if (!table) throw new PayloadError(LIVEBENCH_SOURCE_ID, `release ${release} has no table_ file`, any?.name);
      if (!categories) {
        throw new PayloadError(LIVEBENCH_SOURCE_ID, `table of release ${release} has no categories_ map to average its tasks`, table.name);
      }
      return { release, table, categories, cost: cost ?? null };
    });
}

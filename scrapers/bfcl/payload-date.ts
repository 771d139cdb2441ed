/**
 * BFCL rows carry no date. A recorded snapshot is named after the leaderboard update it
 * holds ("data_overall.2025-12-16.ea03bc8.csv"); a live fetch is dated by the run.
 */
import { z } from "zod";
import type { ParseContext, PayloadDocument } from "../source.ts";

const isoDate = z.iso.date();

/** The last YYYY-MM-DD in a document name that is a real date, or null. */
export function dateInDocumentName(name: string): string | null {
  const candidates = [...name.matchAll(/(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/g)].map((match) => match[1]);
  return candidates.filter((candidate) => isoDate.safeParse(candidate).success).pop() ?? null;
}

export function payloadAsOf(document: PayloadDocument, context: ParseContext): string {
  return dateInDocumentName(document.name) ?? context.observedAt.toISOString().slice(0, 10);
}

/**
 * Rows filed under the wrong seller (issue 13), left out of that seller's offering:
 * - rows a source marks as imported from another seller (imported-rows.yaml);
 * - a lab selling another maker's model: labs sell only their own models, so such a row is
 *   a cloud's price filed under the lab's name (genai-prices files Vertex's Claude prices
 *   under "google"). The cloud's own offering carries its price.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { sellerEntry } from "../sellers/catalogue.ts";

const importedSchema = z.array(z.strictObject({ source: z.string().min(1), provider: z.string().min(1), model: z.string().min(1), importedFrom: z.string().min(1) }));
type ImportedRow = z.infer<typeof importedSchema>[number];

let cached: ImportedRow[] | undefined;
function importedRows(): ImportedRow[] {
  cached ??= importedSchema.parse(parse(readFileSync(new URL("./imported-rows.yaml", import.meta.url), "utf8")));
  return cached;
}

export interface RowIdentity {
  source: string;
  provider: string;
  model: string;
}

/** Why the row is not the named seller's price, or null when it is. */
export function misattribution(row: RowIdentity, modelCreator: string | null, imported: readonly ImportedRow[] = importedRows()): string | null {
  const copy = imported.find((entry) => entry.source === row.source && entry.provider === row.provider && entry.model === row.model);
  if (copy) return `${row.source} imported this row from ${copy.importedFrom}; ${row.provider} does not sell it at that price`;
  if (modelCreator !== null && modelCreator !== row.provider && sellerEntry(row.provider)?.kind === "lab" && sellerEntry(modelCreator)?.kind === "lab") {
    return `${row.provider} is a lab and sells only its own models; this ${modelCreator} model's row belongs to a cloud`;
  }
  return null;
}

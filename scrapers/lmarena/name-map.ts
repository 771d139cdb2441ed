import type { ModelHints, SkippedEntry } from "../../src/domain/observation.ts";

/**
 * A file that names LMArena keys but rates nothing (scatterplot-data, key_to_model): its
 * hints per key, and its entries listed as skipped so the run still accounts for them.
 */
export interface NameMap {
  hintsByKey: Map<string, ModelHints>;
  skipped: SkippedEntry[];
}

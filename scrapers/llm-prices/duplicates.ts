/**
 * An id listed twice in one vendor file. xai.json lists `grok-4-fast` both as "Grok 4 Fast"
 * and "Grok 4 Fast ≤128k" with the same prices: the first is kept, the repeat skipped.
 * The same id with different prices leaves no way to tell which is right: a conflict.
 */
import type { SkippedEntry } from "../../src/domain/observation.ts";
import type { LlmPricesModel } from "./schema.ts";

function historyKey(model: LlmPricesModel): string {
  return JSON.stringify(model.price_history.map((row) => JSON.stringify(row)).sort());
}

export type DistinctModels = { models: LlmPricesModel[]; skipped: SkippedEntry[] } | { conflict: string };

export function distinctModels(models: readonly LlmPricesModel[], entryName: (id: string) => string): DistinctModels {
  const firstById = new Map<string, LlmPricesModel>();
  const skipped: SkippedEntry[] = [];
  for (const model of models) {
    const first = firstById.get(model.id);
    if (!first) firstById.set(model.id, model);
    else if (historyKey(first) === historyKey(model)) {
      skipped.push({ name: entryName(model.id), reason: `repeats an earlier entry with the same prices (as "${model.name ?? model.id}")` });
    } else return { conflict: `model ${entryName(model.id)} is listed twice with different prices` };
  }
  return { models: [...firstById.values()], skipped };
}

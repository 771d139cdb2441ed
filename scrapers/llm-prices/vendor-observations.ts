/**
 * One vendor file's models -> one observation per price period, dated by the source's
 * from_date / to_date, with long-context companions folded into tiers.
 */
import { perMillion } from "../../src/domain/money.ts";
import type { ContextTier, PriceObservation, SkippedEntry } from "../../src/domain/observation.ts";
import type { ParseResult } from "../source.ts";
import { sortedHistory } from "./history.ts";
import { longContextTiers } from "./long-context.ts";
import type { HistoryRow, LlmPricesModel } from "./schema.ts";
import { appendAll } from "../lib/append-all.ts";

/** Image generation rows price image tokens (or mix them with text tokens): not a text LLM price. */
const IMAGE_GENERATION = "(image gen)";

function observation(provider: string, model: LlmPricesModel, row: HistoryRow, tiers: ContextTier[]): PriceObservation {
  return {
    provider,
    model: model.id,
    variant: "standard",
    region: "",
    currency: "USD",
    input: perMillion(row.input),
    output: perMillion(row.output),
    cacheRead: row.input_cached == null ? null : perMillion(row.input_cached),
    cacheWrite: null,
    cacheWrite1h: null,
    tiers,
    validFrom: row.from_date,
    validTo: row.to_date,
    hints: model.name === undefined ? {} : { displayName: model.name },
  };
}

export function vendorObservations(
  provider: string,
  models: readonly LlmPricesModel[],
  entryName: (id: string) => string,
): ParseResult<PriceObservation> {
  const skipped: SkippedEntry[] = [];
  const histories = new Map<string, HistoryRow[]>();
  for (const model of models) {
    if (model.name?.includes(IMAGE_GENERATION)) {
      skipped.push({ name: entryName(model.id), reason: "image-generation model: prices image tokens, not text" });
      continue;
    }
    const history = sortedHistory(model.price_history);
    if ("reason" in history) skipped.push({ name: entryName(model.id), reason: history.reason });
    else histories.set(model.id, history);
  }

  const longContext = longContextTiers(models, histories, entryName);
  appendAll(skipped, longContext.skipped);

  const observations: PriceObservation[] = [];
  for (const model of models) {
    const history = histories.get(model.id);
    if (!history || longContext.companions.has(model.id)) continue;
    const tiers = longContext.tiersByBase.get(model.id);
    history.forEach((row, index) => observations.push(observation(provider, model, row, tiers?.[index] ?? [])));
  }
  return { observations, skipped };
}

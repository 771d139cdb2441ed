/**
 * llm-prices writes a long-context price as a model of its own: `gpt-5.4-272k` named
 * "GPT-5.4 >272k" beside `gpt-5.4` named "GPT-5.4 ≤272k". Such a companion becomes a context
 * tier of its base model (minInputTokens 272000), period by period, instead of a fake model.
 */
import { perMillion } from "../../src/domain/money.ts";
import type { ContextTier, SkippedEntry } from "../../src/domain/observation.ts";
import { samePeriods } from "./history.ts";
import type { HistoryRow, LlmPricesModel } from "./schema.ts";

const THRESHOLD_SUFFIX = /^(.+)-(\d+)k$/;

interface Companion {
  baseId: string;
  minInputTokens: number;
}

/** Both the id suffix and the ">Nk" in the name must say so, and the base model must exist. */
function companionOf(model: LlmPricesModel, ids: ReadonlySet<string>): Companion | null {
  const [, baseId, thousands] = THRESHOLD_SUFFIX.exec(model.id) ?? [];
  if (!baseId || !thousands || !ids.has(baseId) || !model.name?.includes(`>${thousands}k`)) return null;
  return { baseId, minInputTokens: Number(thousands) * 1000 };
}

function tierOf(row: HistoryRow, minInputTokens: number): ContextTier {
  return {
    minInputTokens,
    input: perMillion(row.input),
    output: perMillion(row.output),
    cacheRead: row.input_cached == null ? null : perMillion(row.input_cached),
    cacheWrite: null,
  };
}

export interface LongContextTiers {
  /** Per base model id, the tiers of each period of its sorted history (same index). */
  tiersByBase: Map<string, ContextTier[][]>;
  /** Companion ids: not emitted as models of their own. */
  companions: Set<string>;
  skipped: SkippedEntry[];
}

export function longContextTiers(
  models: readonly LlmPricesModel[],
  histories: ReadonlyMap<string, HistoryRow[]>,
  entryName: (id: string) => string,
): LongContextTiers {
  const result: LongContextTiers = { tiersByBase: new Map(), companions: new Set(), skipped: [] };
  const ids = new Set(models.map((model) => model.id));
  for (const model of models) {
    const companion = companionOf(model, ids);
    const own = histories.get(model.id);
    if (!companion || !own) continue;
    result.companions.add(model.id);
    const base = histories.get(companion.baseId);
    if (!base || !samePeriods(base, own)) {
      const reason = `long-context price of ${companion.baseId} whose price periods cannot be matched to it`;
      result.skipped.push({ name: entryName(model.id), reason });
      continue;
    }
    const tiers = result.tiersByBase.get(companion.baseId) ?? base.map(() => []);
    own.forEach((row, index) => {
      tiers[index]?.push(tierOf(row, companion.minInputTokens));
      tiers[index]?.sort((a, b) => a.minInputTokens - b.minInputTokens);
    });
    result.tiersByBase.set(companion.baseId, tiers);
  }
  return result;
}

/**
 * How many of LiteLLM's chat keys our LiteLLM feed answers, per LiteLLM provider, counting
 * only the keys whose offering some source prices (issue 16's measure); the others are
 * tallied by reason. Shared by test/feeds and bench/litellm-coverage.ts.
 */
import { parseLitellmCostMap } from "../../scrapers/litellm/parse.ts";
import type { FeedPrice, LitellmFeed } from "../../src/api/feeds/litellm-feed.ts";
import { offeringKey, type LitellmName } from "../../src/api/feeds/litellm-names.ts";

export interface ProviderCoverage {
  keys: number;
  /** Keys whose offering some source prices now: the measure's denominator. */
  priced: number;
  hits: number;
  misses: string[];
}

export interface LitellmCoverage {
  byProvider: Map<string, ProviderCoverage>;
  total: ProviderCoverage;
  /** Chat keys out of the measure, by reason. */
  unpriced: Map<string, number>;
}

const SERVICE_TIERS = new Set(["batch", "priority", "flex"]);

/** LiteLLM's family-split and converse spellings count under the provider a reader knows. */
export function providerGroup(litellmProvider: string): string {
  if (litellmProvider.startsWith("vertex_ai")) return "vertex_ai";
  return litellmProvider === "bedrock_converse" ? "bedrock" : litellmProvider;
}

export function litellmChatCoverage(snapshotBody: string, feed: LitellmFeed, rows: { prices: readonly FeedPrice[]; names: readonly LitellmName[] }): LitellmCoverage {
  const snapshot = JSON.parse(snapshotBody) as Record<string, { mode?: string; litellm_provider?: string }>;
  const parsed = parseLitellmCostMap([{ name: "snapshot.json", body: snapshotBody }], { observedAt: new Date() });
  const observed = new Map(parsed.observations.filter((o) => !SERVICE_TIERS.has(o.variant)).map((o) => [o.model, o]));
  const modelOfKey = new Map(rows.names.map((name) => [name.key, name.offering.model]));
  const priced = new Set(rows.prices.filter((p) => p.currency === "USD" && p.input !== null && p.output !== null).map(offeringKey));

  const unpricedReason = (key: string): string | null => {
    const observation = observed.get(key);
    if (!observation) return "not a per-token price";
    const model = modelOfKey.get(key);
    if (!model) return "name not matched to a model";
    const offering = { provider: observation.provider, model, variant: observation.variant, region: observation.region };
    return priced.has(offeringKey(offering)) ? null : "no current USD price for its offering";
  };

  const empty = (): ProviderCoverage => ({ keys: 0, priced: 0, hits: 0, misses: [] });
  const coverage: LitellmCoverage = { byProvider: new Map(), total: empty(), unpriced: new Map() };
  for (const [key, entry] of Object.entries(snapshot)) {
    if (entry?.mode !== "chat") continue;
    const group = providerGroup(entry.litellm_provider ?? "?");
    const tally = coverage.byProvider.get(group) ?? empty();
    coverage.byProvider.set(group, tally);
    for (const t of [tally, coverage.total]) t.keys++;
    const reason = unpricedReason(key);
    if (reason !== null) {
      coverage.unpriced.set(reason, (coverage.unpriced.get(reason) ?? 0) + 1);
      continue;
    }
    for (const t of [tally, coverage.total]) {
      t.priced++;
      if (key in feed) t.hits++;
      else t.misses.push(key);
    }
  }
  return coverage;
}

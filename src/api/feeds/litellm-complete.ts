/**
 * The drop-in LiteLLM map (`/feeds/litellm.json?complete=1`): LiteLLM replaces its whole
 * map with a remote one, so a map that only held our offerings would drop every model we
 * do not price and every capability flag. This is LiteLLM's newest map as last scraped,
 * every key and field kept, with our prices laid over the price fields of the keys we
 * price, and our other offerings added after. Pure.
 *
 * A price field we do not state stays as LiteLLM wrote it (a per-image or per-second
 * cost, a tier threshold LiteLLM has and our source lacks). Top-level values that are not
 * entries (a mirror's `"last_updated": "…"` string) are left out: LiteLLM reads every value
 * as an entry.
 */
import { isPriceField, type LitellmFeed, type LitellmFeedEntry } from "./litellm-feed.ts";
import type { LitellmMap } from "./litellm-names.ts";

function isEntry(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function pricesOf(entry: LitellmFeedEntry): LitellmFeedEntry {
  return Object.fromEntries(Object.entries(entry).filter(([field]) => isPriceField(field)));
}

export function buildCompleteLitellmMap(litellm: LitellmMap, ours: LitellmFeed): LitellmFeed {
  const complete: LitellmFeed = {};
  for (const [key, entry] of Object.entries(litellm)) {
    if (!isEntry(entry)) continue;
    const priced = ours[key];
    // Ours fill what LiteLLM left out (limits); LiteLLM's own fields win otherwise, our prices win over its prices.
    complete[key] = priced ? { ...priced, ...entry, ...pricesOf(priced) } : { ...entry };
  }
  for (const [key, entry] of Object.entries(ours)) if (!(key in complete)) complete[key] = entry;
  return complete;
}

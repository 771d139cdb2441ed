/**
 * Identity census: runs every parser over every replayed snapshot (the payloads a
 * replay-mode first start ingests), resolves each raw name as ingestion does, and
 * reports the distinct model ids, unmatched names and near-duplicate sets (ids equal
 * once every separator is removed and dates are written one way). Run with
 * `node --import tsx bench/identity-census.ts [--json out.json]`.
 */
import { writeFileSync } from "node:fs";
import { SOURCES } from "../scrapers/registry.ts";
import { planReplay, replayPathsLoader } from "../src/jobs/replay-map.ts";
import { loadOverrides } from "../src/domain/resolve/overrides.ts";
import { resolveModelName } from "../src/domain/resolve/resolve.ts";
import { splitSetting } from "../src/domain/resolve/settings.ts";
import { providerEntry } from "../src/domain/providers.ts";
import { SNAPSHOTS_ROOT } from "../test/helpers/snapshots.ts";

interface Seen { source: string; raw: string; seller?: string; at: Date; }

async function collect(): Promise<Seen[]> {
  const seen: Seen[] = [];
  for (const source of SOURCES) {
    const plan = await planReplay(SNAPSHOTS_ROOT, source);
    const payloads = plan.history.length > 0 ? plan.history.map((entry) => ({ paths: [entry.name], date: entry.date })) : [{ paths: plan.latest, date: null }];
    for (const payload of payloads) {
      const at = new Date(`${payload.date ?? "2026-08-21"}T00:00:00Z`);
      let documents;
      try {
        documents = await replayPathsLoader(SNAPSHOTS_ROOT, payload.paths)(source);
      } catch (error) {
        console.error(`${source.id}: ${String(error)}`);
        continue;
      }
      try {
        const parsed = source.parse(documents, { observedAt: at });
        for (const observation of parsed.observations) {
          if (source.kind === "price") seen.push({ source: source.id, raw: observation.model, seller: (observation as { provider: string }).provider, at });
          else seen.push({ source: source.id, raw: splitSetting(observation.model).base, at });
        }
      } catch (error) {
        console.error(`${source.id} ${payload.paths.join(",")}: ${String(error).slice(0, 200)}`);
      }
    }
  }
  return seen;
}

/** Looser than any normal form (no separators at all): a cheap near-duplicate signal, not the audit. */
const loose = (id: string) => id.replace(/^[^/]+\//, "").replace(/[-_.\s/:@]+/g, "");

const seen = await collect();
const overrides = loadOverrides();
const ids = new Map<string, Set<string>>();
let unmatched = 0;
for (const { source, raw, seller, at } of seen) {
  const fallbackCreator = seller && providerEntry(seller)?.kind === "lab" ? seller : undefined;
  const namesHaveAuthors = SOURCES.find((s) => s.id === source)?.namesHaveAuthors ?? false;
  const resolution = resolveModelName(source, raw, overrides, { orgIsAuthor: namesHaveAuthors, fallbackCreator, at });
  if (!resolution.modelId) { unmatched++; continue; }
  ids.set(resolution.modelId, (ids.get(resolution.modelId) ?? new Set()).add(`${source}:${raw}`));
}
const groups = new Map<string, string[]>();
for (const id of ids.keys()) groups.set(loose(id), [...(groups.get(loose(id)) ?? []), id]);
const nearDuplicates = [...groups.values()].filter((group) => group.length > 1);
// Includes separately released thinking models (kimi-k2-thinking); a rough upper bound.
const setting = [...ids.keys()].filter((id) => /(-thinking|:thinking|-(low|medium|high|xhigh|minimal)$|reasoning\)|@default)/.test(id));
console.log(`observations ${seen.length}, distinct raw names ${new Set(seen.map((s) => `${s.source}:${s.raw}`)).size}`);
console.log(`model ids ${ids.size}, unmatched observations ${unmatched}`);
console.log(`near-duplicate sets (equal without separators) ${nearDuplicates.length}`);
console.log(`ids that look like a setting ${setting.length}`);
const json = process.argv.indexOf("--json");
if (json > 0) writeFileSync(process.argv[json + 1]!, JSON.stringify({ ids: Object.fromEntries([...ids].map(([k, v]) => [k, [...v]])), nearDuplicates, setting }, null, 1));

/**
 * LiteLLM coverage of /feeds/litellm.json: of the chat-mode keys of LiteLLM's newest
 * snapshot (model_prices_2026-07-24.json), how many are keys of our feed, per LiteLLM
 * provider. Goal (issue 16): at least 95% of the keys whose offering some source still
 * prices. Keys we cannot price are counted apart, with the reason.
 *
 *   node --import tsx bench/litellm-coverage.ts            fills an in-memory PGlite from the full replay (~2-4 min)
 *   DATABASE_URL=postgres://… node --import tsx bench/litellm-coverage.ts
 *                                                          uses that database; fills it first if LiteLLM never ran there
 *   … --misses                                             also lists the keys missed
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { count, eq } from "drizzle-orm";
import { parseLitellmCostMap } from "../scrapers/litellm/parse.ts";
import { buildLitellmFeed } from "../src/api/feeds/litellm-feed.ts";
import { offeringKey } from "../src/api/feeds/litellm-names.ts";
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { litellmFeedRows } from "../src/db/queries/feed-litellm.ts";
import { scrapeRuns } from "../src/db/schema/index.ts";
import { fillFromReplay } from "./replay-fill.ts";

const SNAPSHOTS = process.env.PRICEWAR_SNAPSHOTS ?? resolve(import.meta.dirname, "../../shared/snapshots");
const SNAPSHOT = "model_prices_2026-07-24.json";
const GOAL = 0.95;

const connection = await openDatabase({ databaseUrl: process.env.DATABASE_URL, pgliteDir: "memory://" });
await migrateDatabase(connection);
const [ran] = await connection.db.select({ n: count() }).from(scrapeRuns).where(eq(scrapeRuns.sourceId, "litellm"));
if (!ran?.n) {
  const started = performance.now();
  await fillFromReplay(connection, SNAPSHOTS);
  process.stdout.write(`filled from the full replay of the price sources in ${Math.round((performance.now() - started) / 1000)} s\n`);
}
const rows = await litellmFeedRows(connection.db);
const feed = buildLitellmFeed(rows);
// The same feed without LiteLLM's own names: what the seller-native ids alone reach (litellm-keys.ts).
const nativeOnly = buildLitellmFeed({ prices: rows.prices, names: [] });
await connection.close();

const body = readFileSync(`${SNAPSHOTS}/prices/litellm/${SNAPSHOT}`, "utf8");
const snapshot = JSON.parse(body) as Record<string, { mode?: string; litellm_provider?: string }>;
const parsed = parseLitellmCostMap([{ name: SNAPSHOT, body }], { observedAt: new Date("2026-07-24T00:00:00Z") });
const observed = new Map(parsed.observations.filter((o) => o.variant === "standard" || !["batch", "priority", "flex"].includes(o.variant)).map((o) => [o.model, o]));
const skipped = new Map(parsed.skipped.map((entry) => [entry.name, entry.reason]));
const modelOfKey = new Map(rows.names.map((name) => [name.key, name.offering.model]));
const priced = new Set(rows.prices.filter((p) => p.currency === "USD" && p.input !== null && p.output !== null).map(offeringKey));

/** The reason a chat key is out of the measure (no source prices its offering), or null when it counts. */
function unpricedReason(key: string): string | null {
  const observation = observed.get(key);
  if (!observation) return `not a per-token price (${skipped.get(key) ?? "skipped"})`;
  const model = modelOfKey.get(key);
  if (!model) return "name not matched to a model";
  const offering = { provider: observation.provider, model, variant: observation.variant, region: observation.region };
  return priced.has(offeringKey(offering)) ? null : "no current USD price for its offering (delisted, quarantined or rejected)";
}

const providerGroup = (provider: string) => (provider.startsWith("vertex_ai") ? "vertex_ai" : provider === "bedrock_converse" ? "bedrock" : provider);
interface Tally { keys: number; counted: number; hits: number; nativeHits: number; misses: string[] }
const tallies = new Map<string, Tally>();
const outOfMeasure = new Map<string, number>();
for (const [key, entry] of Object.entries(snapshot)) {
  if (entry?.mode !== "chat") continue;
  const group = providerGroup(entry.litellm_provider ?? "?");
  const tally = tallies.get(group) ?? { keys: 0, counted: 0, hits: 0, nativeHits: 0, misses: [] };
  tallies.set(group, tally);
  tally.keys++;
  const reason = unpricedReason(key);
  if (reason !== null) {
    outOfMeasure.set(reason.replace(/ \(.*\)$/, ""), (outOfMeasure.get(reason.replace(/ \(.*\)$/, "")) ?? 0) + 1);
    continue;
  }
  tally.counted++;
  if (key in nativeOnly) tally.nativeHits++;
  if (key in feed) tally.hits++;
  else tally.misses.push(key);
}

const total = [...tallies.values()].reduce(
  (sum, t) => ({ keys: sum.keys + t.keys, counted: sum.counted + t.counted, hits: sum.hits + t.hits, nativeHits: sum.nativeHits + t.nativeHits }),
  { keys: 0, counted: 0, hits: 0, nativeHits: 0 },
);
const pct = (part: number, whole: number) => (whole === 0 ? "   -  " : `${((part / whole) * 100).toFixed(1).padStart(5)}%`);
const out: string[] = [];
out.push(`feed keys ${Object.keys(feed).length}; LiteLLM chat keys ${total.keys}, of which priced by some source ${total.counted}`);
out.push(`${"provider".padEnd(22)} ${"chat keys".padStart(9)} ${"priced".padStart(7)} ${"in feed".padStart(8)}  hit rate  (native ids alone)`);
for (const [group, t] of [...tallies].sort((a, b) => b[1].keys - a[1].keys)) {
  out.push(`${group.padEnd(22)} ${String(t.keys).padStart(9)} ${String(t.counted).padStart(7)} ${String(t.hits).padStart(8)}  ${pct(t.hits, t.counted)}    ${pct(t.nativeHits, t.counted)}`);
}
out.push(`${"all".padEnd(22)} ${String(total.keys).padStart(9)} ${String(total.counted).padStart(7)} ${String(total.hits).padStart(8)}  ${pct(total.hits, total.counted)}    ${pct(total.nativeHits, total.counted)}  (goal ${GOAL * 100}%: ${total.hits / total.counted >= GOAL ? "met" : "MISSED"})`);
out.push(`all chat keys, priced or not: ${pct(total.hits, total.keys)} in the feed`);
out.push("chat keys out of the measure:");
for (const [reason, n] of [...outOfMeasure].sort((a, b) => b[1] - a[1])) out.push(`  ${String(n).padStart(5)}  ${reason}`);
if (process.argv.includes("--misses")) for (const [group, t] of tallies) for (const key of t.misses) out.push(`miss ${group} ${key}`);
process.stdout.write(`${out.join("\n")}\n`);

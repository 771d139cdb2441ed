/**
 * LiteLLM coverage of /feeds/litellm.json: of the chat-mode keys of LiteLLM's newest
 * snapshot (model_prices_2026-07-24.json), how many are keys of our feed, per LiteLLM
 * provider. Goal (issue 16): at least 95% of the keys whose offering some source still
 * prices. Keys no source prices are counted apart, with the reason. A second column shows
 * what the seller-native ids alone reach, without LiteLLM's own names (src/api/feeds/litellm-keys.ts).
 *
 *   node --import tsx bench/litellm-coverage.ts            fills an in-memory PGlite from the full replay of the price sources
 *   DATABASE_URL=postgres://… node --import tsx bench/litellm-coverage.ts
 *                                                          uses that database; fills it first if LiteLLM never ran there
 *   … --misses                                             also lists the keys missed
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { count, eq } from "drizzle-orm";
import { buildLitellmFeed } from "../src/api/feeds/litellm-feed.ts";
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { litellmFeedRows } from "../src/db/queries/feed-litellm.ts";
import { scrapeRuns } from "../src/db/schema/index.ts";
import { litellmChatCoverage } from "../test/helpers/litellm-coverage.ts";
import { fillFromReplay } from "./replay-fill.ts";

const SNAPSHOTS = process.env.PRICEWAR_SNAPSHOTS ?? resolve(import.meta.dirname, "../../shared/snapshots");
const SNAPSHOT = `${SNAPSHOTS}/prices/litellm/model_prices_2026-07-24.json`;
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
await connection.close();

const body = readFileSync(SNAPSHOT, "utf8");
const feed = buildLitellmFeed(rows);
const coverage = litellmChatCoverage(body, feed, rows);
const nativeOnly = litellmChatCoverage(body, buildLitellmFeed({ prices: rows.prices, names: [] }), rows);

const pct = (part: number, whole: number) => (whole === 0 ? "     -" : `${((part / whole) * 100).toFixed(1).padStart(5)}%`);
const row = (label: string, keys: number, priced: number, hits: number, nativeHits: number) =>
  `${label.padEnd(20)} ${String(keys).padStart(9)} ${String(priced).padStart(7)} ${String(hits).padStart(8)}  ${pct(hits, priced)}  ${pct(nativeHits, priced)}`;
const { total } = coverage;
const out = [
  `feed keys ${Object.keys(feed).length}; LiteLLM chat keys ${total.keys}, of which priced by some source ${total.priced}`,
  `${"provider".padEnd(20)} ${"chat keys".padStart(9)} ${"priced".padStart(7)} ${"in feed".padStart(8)}  hit rate  native ids alone`,
  ...[...coverage.byProvider]
    .sort((a, b) => b[1].keys - a[1].keys)
    .map(([group, t]) => row(group, t.keys, t.priced, t.hits, nativeOnly.byProvider.get(group)!.hits)),
  `${row("all", total.keys, total.priced, total.hits, nativeOnly.total.hits)}   goal ${GOAL * 100}%: ${total.hits / total.priced >= GOAL ? "met" : "MISSED"}`,
  `all chat keys, priced or not: ${pct(total.hits, total.keys)} in the feed`,
  "chat keys out of the measure:",
  ...[...coverage.unpriced].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `  ${String(n).padStart(5)}  ${reason}`),
  ...(process.argv.includes("--misses") ? [...coverage.byProvider].flatMap(([group, t]) => t.misses.map((key) => `miss ${group} ${key}`)) : []),
];
process.stdout.write(`${out.join("\n")}\n`);

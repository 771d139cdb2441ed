/**
 * The read side under load (issue 15): req/s and p99 of best, pareto, prices.current (one
 * model) and the LiteLLM feed (and its 304), each against a bare node:http server returning
 * a static body of the same size, in the same run, at 50 connections.
 *
 *   node --import tsx bench/read-side.ts                 # PGlite in memory
 *   DATABASE_URL=postgres://... node --import tsx bench/read-side.ts   # a throwaway database on that server
 *
 * The database is filled from the full replay (every source of /work/shared/snapshots, as a
 * replay-mode first start does). The load comes from autocannon in its own process, so it
 * does not share the servers' event loop. BENCH_SECONDS sets each measurement's length (5).
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { pino } from "pino";
import postgres from "postgres";
import { SOURCES } from "../scrapers/registry.ts";
import { startHttpServer } from "../src/api/server.ts";
import { warmFeeds } from "../src/api/feeds/handlers.ts";
import { openDatabase, type DatabaseConnection } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { syncTaskCatalogue } from "../src/db/queries/benchmarks.ts";
import { models } from "../src/db/schema/index.ts";
import { rankBest } from "../src/domain/ranking/best.ts";
import { taskClassById } from "../src/domain/tasks/catalogue.ts";
import { Scheduler } from "../src/jobs/scheduler/scheduler.ts";
import { resolveSchedules } from "../src/jobs/scheduler/schedules.ts";
import { MarketViews } from "../src/market/market-views.ts";
import { taskCandidatesIn } from "../src/market/priced-offers.ts";

const SNAPSHOTS = process.env.PRICEWAR_SNAPSHOTS ?? resolve(import.meta.dirname, "../../shared/snapshots");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const GOAL = { ratio: 0.5, p99Ms: 5 };
const AUTOCANNON = resolve(import.meta.dirname, "../node_modules/autocannon/autocannon.js");
const run = promisify(execFile);

interface Load {
  requestsPerSecond: number;
  p99Ms: number;
  statuses: string;
}

/** autocannon in a child process; its JSON summary. */
async function load(url: string, headers: Record<string, string> = {}, seconds = SECONDS): Promise<Load> {
  const args = [AUTOCANNON, "-c", String(CONNECTIONS), "-d", String(seconds), "-j", ...Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}=${value}`]), url];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as { requests: { average: number }; latency: { p99: number }; "2xx": number; non2xx: number };
  return { requestsPerSecond: result.requests.average, p99Ms: result.latency.p99, statuses: `2xx ${result["2xx"]}, other ${result.non2xx}` };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A bare node:http server answering every request with these bytes. */
async function staticServer(body: Buffer, status = 200): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(status, status === 304 ? {} : { "content-type": "application/json; charset=utf-8", "content-length": body.length });
    response.end(status === 304 ? undefined : body);
  });
  const url = await listen(server);
  return { url, close: () => new Promise((done) => server.close(() => done())) };
}

async function openBenchDatabase(): Promise<DatabaseConnection> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return openDatabase({ pgliteDir: "memory://" });
  const name = `pricewar_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await openDatabase({ databaseUrl: url.toString(), maxConnections: 10 });
  return {
    ...connection,
    close: async () => {
      await connection.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

function ms(started: number): number {
  return Math.round(performance.now() - started);
}

const connection = await openBenchDatabase();
const logger = pino({ level: process.env.LOG_LEVEL ?? "silent" });
await migrateDatabase(connection);
await syncTaskCatalogue(connection.db, SOURCES);
let started = performance.now();
const scheduler = new Scheduler({ connection, schedules: resolveSchedules(SOURCES, {}), logger, env: { HTTP_TIMEOUT_MS: 30_000 }, replayDir: SNAPSHOTS });
await scheduler.runFirstStart();
await scheduler.stop();
process.stdout.write(`database ${connection.kind}: filled from the full replay in ${ms(started)} ms\n`);

started = performance.now();
const markets = new MarketViews(connection.db, { logger, onBuilt: (view) => warmFeeds(view, connection.db) });
const view = await markets.current();
process.stdout.write(`market view ${view.version}: ${view.offers.length} USD offers, ${view.prices.length} prices, built with its feeds in ${ms(started)} ms\n`);

// The in-memory work of one uncached best (no answer cache, no HTTP): what a new URL costs.
const coding = taskClassById("coding")!;
started = performance.now();
const rounds = 200;
for (let round = 0; round < rounds; round++) rankBest(taskCandidatesIn(view, coding, { minCoverage: 0 }).candidates, { withinOfBest: 5, objective: "cost", limit: 10 });
process.stdout.write(`best computed from the view (no cache): ${((performance.now() - started) / rounds).toFixed(2)} ms per answer\n\n`);

const http = await startHttpServer({ db: connection.db, connection, logger, markets }, 0, "127.0.0.1");
const base = `http://127.0.0.1:${http.port}`;
const best = (await (await fetch(`${base}/api/v1/best?task=coding&withinOfBest=5`)).json()) as { candidates: Array<{ model: string }> };
const oneModel = best.candidates[0]?.model ?? view.offers[0]!.price.model;
const feedEtag = (await fetch(`${base}/feeds/litellm.json`)).headers.get("etag")!;
const notModified = await fetch(`${base}/feeds/litellm.json`, { headers: { "if-none-match": feedEtag } });

const figures: Array<{ name: string; path: string; headers?: Record<string, string>; expectStatus?: number }> = [
  { name: "best (coding, withinOfBest 5)", path: "/api/v1/best?task=coding&withinOfBest=5" },
  { name: "pareto (coding)", path: "/api/v1/pareto?task=coding" },
  { name: `prices.current (${oneModel})`, path: `/api/v1/prices/current?model=${encodeURIComponent(oneModel)}` },
  { name: "/feeds/litellm.json", path: "/feeds/litellm.json" },
  { name: "/feeds/litellm.json, If-None-Match", path: "/feeds/litellm.json", headers: { "if-none-match": feedEtag }, expectStatus: 304 },
];

const rows: string[][] = [];
for (const figure of figures) {
  const sample = await fetch(`${base}${figure.path}`, { headers: figure.headers });
  const body = Buffer.from(await sample.arrayBuffer());
  await load(`${base}${figure.path}`, figure.headers, 1); // warm-up: JIT and GC settle before the measured run
  const service = await load(`${base}${figure.path}`, figure.headers);
  const bare = await staticServer(body, sample.status);
  const baseline = await load(bare.url);
  await bare.close();
  const ratio = service.requestsPerSecond / baseline.requestsPerSecond;
  const met = ratio >= GOAL.ratio && service.p99Ms <= GOAL.p99Ms;
  rows.push([
    figure.name,
    `${sample.status}, ${body.length} B`,
    `${Math.round(service.requestsPerSecond)} req/s, p99 ${service.p99Ms} ms`,
    `${Math.round(baseline.requestsPerSecond)} req/s, p99 ${baseline.p99Ms} ms`,
    ratio.toFixed(2),
    `>= ${GOAL.ratio}, p99 <= ${GOAL.p99Ms} ms: ${met ? "met" : "NOT met"}`,
  ]);
}

// A data change (a model added): the first best afterwards is answered from the old view at once while the new one builds.
await connection.db.insert(models).values({ id: "bench/read-side-probe", creator: "bench", name: "read-side-probe" });
started = performance.now();
const rebuilt = markets.refresh();
const during = await fetch(`${base}/api/v1/best?task=coding&withinOfBest=4`);
const duringMs = ms(started);
const rebuiltView = await rebuilt;
const rebuildMs = ms(started);

const header = ["figure", "answer", "service", "static server (same bytes)", "ratio", "goal"];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ");
process.stdout.write(`${line(header)}\n${widths.map((width) => "-".repeat(width)).join("-|-")}\n${rows.map(line).join("\n")}\n\n`);
process.stdout.write(`feed 304 on a matching ETag: ${notModified.status === 304 ? "yes" : `no (${notModified.status})`}\n`);
process.stdout.write(`after a data change: a new best URL answered in ${duringMs} ms from the old view while the new one (${rebuiltView.version}) built in ${rebuildMs} ms\n`);
process.stdout.write(`${CONNECTIONS} connections, ${SECONDS} s each; load from autocannon in its own process\n`);

await http.close();
await connection.close();

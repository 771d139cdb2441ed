/**
 * The eight benchmark sources of issue 14 ingested through runSource (replayed payloads,
 * each dated by its own data) into one database: every run succeeds with no rejected
 * score, dated fits stay separate benchmarks, measured costs are stored with the score,
 * and the share of rows whose model name resolved is measured per source.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sourceById } from "../../scrapers/registry.ts";
import type { BenchmarkSource } from "../../scrapers/source.ts";
import { createCaller } from "../../src/api/router.ts";
import { replayPathsLoader } from "../../src/jobs/replay-map.ts";
import { runSource, type RunSummary } from "../../src/jobs/run-source.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { SNAPSHOTS_ROOT } from "../helpers/snapshots.ts";

const database = useTestDatabase();
const caller = () => createCaller({ db: database().db, connection: database() });

const B = "benchmarks";
/** One run per payload, oldest first within a source (as a first start would ingest them). */
const RUNS: Array<[source: string, at: string, paths: string[]]> = [
  ["vals-ai", "2026-10-06", [`${B}/vals-ai/dot-mike.scores-excerpt.2026-10-06.8a2fd46.csv`]],
  ["lmarena-2026", "2026-02-27", [`${B}/lmarena-2026/smallai.leaderboard-text-style-control.2026-02-27.eeff8dc.json`]],
  ["lmarena-2026", "2026-07-08", [`${B}/lmarena-2026/smallai.leaderboard-text-style-control.2026-07-08.fa9be56.json`]],
  ["helm", "2026-02-12", sourceById("helm").replayPaths!.slice()],
  ["epoch-ai", "2026-02-22", [`${B}/epoch-ai/epoch_capabilities_index.2026-02-22.7ad858c.csv`]],
  ["epoch-ai-hub", "2026-03-09", [`${B}/epoch-ai-hub/benchmark_data.2026-03-09.07f3455`]],
  ["epoch-ai-hub", "2026-04-19", [`${B}/epoch-ai-hub/benchmark_data.2026-04-19.8698b9b`]],
  ["arc-agi", "2025-04-16", [`${B}/arc-agi/arcprize.evaluations.2025-04-16.ebdcde1.json`, `${B}/arc-agi/arcprize.models.2025-04-16.ebdcde1.json`]],
  ["arc-agi", "2026-06-16", sourceById("arc-agi").replayPaths!.slice()],
  ["hal", "2026-04-28", sourceById("hal").replayPaths!.slice()],
  ["livecodebench", "2025-04-22", sourceById("livecodebench").replayPaths!.slice()],
];
const runs: Array<{ source: string; at: string; summary: RunSummary }> = [];

const run = (source: string, at: string, paths: readonly string[]) =>
  runSource(database().db, sourceById(source), { trigger: "replay", at: new Date(`${at}T00:00:00Z`), load: replayPathsLoader(SNAPSHOTS_ROOT, paths) });

beforeAll(async () => {
  for (const [source, at, paths] of RUNS) runs.push({ source, at, summary: await run(source, at, paths) });
}, 600_000);

describe("issue 14 benchmark sources on the database", () => {
  it("ingests every payload; no score is rejected for its benchmark or scale (only names the resolver joins collide)", () => {
    for (const { source, at, summary } of runs) {
      expect(summary.status, `${source} ${at}: ${summary.error}`).toBe("succeeded");
      expect(summary.parsed, `${source} ${at}`).toBeGreaterThan(0);
      // The resolver maps some pairs of names to one model (LMArena's llama-3.1-405b-instruct-bf16 and -fp8: same
      // weights); the writer keeps the first score of a series per date and says so. Nothing else is rejected.
      for (const sample of summary.rejectedSamples) expect(sample.reason, `${source} ${at} ${sample.name}`).toMatch(/^same series as /);
    }
    // Such collisions are rare: at most 1% of a run (27 of 7,710 and 9,147 LMArena rows; 2 and 5 Epoch hub
    // rows, where two hosts' copies of one model or two spellings of one checkpoint carry different scores).
    for (const { source, at, summary } of runs) expect(summary.rejected, `${source} ${at}`).toBeLessThanOrEqual(summary.parsed / 100);
    const parsed = (source: string, at: string) => runs.find((entry) => entry.source === source && entry.at === at)!.summary.parsed;
    expect(parsed("vals-ai", "2026-10-06")).toBe(346);
    expect(parsed("hal", "2026-04-28")).toBe(342);
    expect(parsed("arc-agi", "2026-06-16")).toBe(545);
    expect(parsed("epoch-ai", "2026-02-22")).toBe(265);
  });

  it("resolves most model names of each source (share printed for the report)", () => {
    const shares = new Map<string, { parsed: number; unmatched: number }>();
    for (const { source, summary } of runs) {
      const total = shares.get(source) ?? { parsed: 0, unmatched: 0 };
      shares.set(source, { parsed: total.parsed + summary.parsed, unmatched: total.unmatched + summary.unmatched });
    }
    const lines = [...shares].map(([source, { parsed, unmatched }]) => `${source}: ${parsed - unmatched}/${parsed} rows resolved (${(100 * (1 - unmatched / parsed)).toFixed(1)}%)`);
    console.log(`resolved share per source:\n${lines.join("\n")}`);
    for (const [source, { parsed, unmatched }] of shares) expect(parsed - unmatched, source).toBeGreaterThan(0);
  });

  it("keeps dated fits as separate benchmarks: the same model has one legal rating per LMArena snapshot", async () => {
    const listed = new Set((await caller().benchmarks.list()).map((benchmark) => benchmark.id));
    for (const id of ["lmarena-text-style-control-legal-2026-02-27", "lmarena-text-style-control-legal-2026-07-08", "epoch-eci-2026-02-22", "epoch-eci-2026-02-25", "epoch-eci-2026-04-17"]) {
      expect(listed.has(id), id).toBe(true);
    }
    const february = await caller().benchmarks.scores({ benchmark: "lmarena-text-style-control-2026-02-27", limit: 2000 });
    const july = await caller().benchmarks.scores({ benchmark: "lmarena-text-style-control-2026-07-08", limit: 2000 });
    expect(february.length).toBeGreaterThan(200);
    expect(july.length).toBeGreaterThan(february.length);
    expect(february.every((row) => row.benchmark === "lmarena-text-style-control-2026-02-27")).toBe(true);
  });

  it("stores the measured cost beside the score, in the unit its benchmark states", async () => {
    const legal = await caller().benchmarks.scores({ benchmark: "vals-legalbench", limit: 2000 });
    expect(legal.length).toBeGreaterThan(100);
    expect(legal.filter((row) => row.costUsd !== null).length).toBeGreaterThan(60);
    expect(sourceById("vals-ai").kind === "benchmark" && (sourceById("vals-ai") as BenchmarkSource).benchmarks[0]!.description).toMatch(/per test item/);
    const hal = await caller().benchmarks.scores({ benchmark: "hal-swebench-verified-mini", limit: 2000 });
    expect(hal.every((row) => row.costUsd !== null && row.setting !== null && /agent /.test(row.setting))).toBe(true);
  });

  it("gives each of the issue's new models legal and coding scores, and an arena chat rating where arena.ai lists it", async () => {
    const groups: Record<string, RegExp> = {
      legal: /^(vals-legalbench|vals-caselaw-v2|helm-lite-legalbench|lmarena-text(-style-control)?-legal-\d{4}-\d{2}-\d{2})$/,
      coding: /^(vals-livecodebench|livecodebench-.*|lmarena-text(-style-control)?-coding-\d{4}-\d{2}-\d{2}|epoch-swe-bench-.*|hal-swebench-.*)$/,
      chat: /^lmarena-text(-style-control)?-\d{4}-\d{2}-\d{2}$/,
    };
    const lines: string[] = [];
    for (const model of ["anthropic/claude-opus-5", "openai/gpt-5.5", "zai/glm-5.1", "deepseek/deepseek-v4-flash", "openai/gpt-5.4-mini"]) {
      const rows = await caller().benchmarks.scores({ model, limit: 2000 });
      const found = Object.fromEntries(Object.entries(groups).map(([group, pattern]) => [group, [...new Set(rows.filter((row) => pattern.test(row.benchmark)).map((row) => row.benchmark))]]));
      lines.push(`${model}: ${Object.entries(found).map(([group, ids]) => `${group} ${ids.length} (${ids.join(", ")})`).join("; ")}`);
      expect(found["legal"]!.length, `${model} legal`).toBeGreaterThan(0);
      expect(found["coding"]!.length, `${model} coding`).toBeGreaterThan(0);
      // Claude Opus 5 is on no recorded arena.ai snapshot (the newest is 2026-07-08): no chat rating from these sources.
      if (model !== "anthropic/claude-opus-5") expect(found["chat"]!.length, `${model} chat`).toBeGreaterThan(0);
    }
    console.log(`scores of the new models:\n${lines.join("\n")}`);
  });

  it("changes nothing when the same payload is ingested again", async () => {
    const again = await run("vals-ai", "2026-10-06", [`${B}/vals-ai/dot-mike.scores-excerpt.2026-10-06.8a2fd46.csv`]);
    expect(again).toMatchObject({ status: "succeeded", changed: 0, rejected: 0 });
  });
});

/**
 * Done-when of the task classes, on the real recorded payloads: the newest payload of
 * every benchmark source is ingested once (replay through runSource), plus vals.ai, HELM
 * and the dated LMArena 2026 fits, then every task class must give every model of the fit
 * a quality with an interval and place at least 20 models by their own class scores. Older payloads are parsed but
 * not ingested, to keep the file fast: LMArena's fboulnois CSVs and the jasontrigg0
 * rating history (35k observations) are replaced by the newest arena-catalog boards and
 * the 2026-07-04 top-N copies; LiveBench by its newest release; BFCL by its 2025-12-16 tables.
 */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { SOURCES } from "../../scrapers/registry.ts";
import type { BenchmarkSource } from "../../scrapers/source.ts";
import { createCaller } from "../../src/api/router.ts";
import { benchmarksRouter } from "../../src/api/routers/benchmarks.ts";
import { tasksRouter } from "../../src/api/routers/tasks.ts";
import { createCallerFactory, router } from "../../src/api/trpc.ts";
import { syncTaskCatalogue } from "../../src/db/queries/benchmarks.ts";
import { qualityModel, taskQuality } from "../../src/db/queries/quality.ts";
import { scorePeriods, taskBenchmarkWeights, taskClasses } from "../../src/db/schema/index.ts";
import { sourceById } from "../../scrapers/registry.ts";
import { TASK_CLASSES } from "../../src/domain/tasks/catalogue.ts";
import { readReplayDocuments } from "../../src/jobs/fetch/replay.ts";
import { runSource, type RunSummary } from "../../src/jobs/run-source.ts";
import { INGESTS, documentsOf } from "../helpers/benchmark-snapshots.ts";
import { useTestDatabase, withRollback } from "../helpers/database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const database = useTestDatabase();
const engine = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

/** Sources whose recorded files are each a whole payload (dated versions of one file); the others read a folder at once. */
const FILE_PER_PAYLOAD = new Set(["aider", "swe-bench", "artificial-analysis", "bfcl"]);
/** Issue 14's sources are parsed one payload at a time, with counts per file, in test/ingest/issue14-benchmarks.test.ts. */
const PARSED_PER_PAYLOAD_ELSEWHERE = new Set(["vals-ai", "lmarena-2026", "helm", "epoch-ai", "epoch-ai-hub", "arc-agi", "hal", "livecodebench"]);

const runs = new Map<string, { summary: RunSummary; observations: number; rawNames: Set<string>; benchmarks: Set<string>; ms: number }>();
const caller = () => createCaller({ db: database().db, connection: database() });

beforeAll(async () => {
  const { db } = database();
  // At start, before any source has run: the benchmark definitions come from the registry.
  await syncTaskCatalogue(db, SOURCES);
  for (const ingest of INGESTS) {
    const documents = await documentsOf(ingest);
    const at = new Date(`${ingest.at}T00:00:00Z`);
    const parsed = ingest.source.parse(documents, { observedAt: at }).observations;
    const started = performance.now();
    const summary = await runSource(db, ingest.source, { trigger: "replay", at, load: async () => documents });
    runs.set(ingest.source.id, {
      summary,
      observations: parsed.length,
      rawNames: new Set(parsed.map((observation) => observation.model)),
      benchmarks: new Set(parsed.map((observation) => observation.benchmark)),
      ms: Math.round(performance.now() - started),
    });
  }
  // The issue-14 sources the new classes and legal read: each recorded folder at once (dated fits stay separate benchmarks).
  for (const id of ["vals-ai", "helm", "lmarena-2026"]) {
    const source = sourceById(id);
    const documents = await readReplayDocuments(snapshotPath("benchmarks", id));
    await runSource(db, source, { trigger: "replay", at: new Date("2026-10-07T00:00:00Z"), load: async () => documents });
  }
}, 600_000);

describe(`benchmark payloads (${engine})`, () => {
  it("every recorded benchmark payload parses, the older ones included", async () => {
    const counts: Record<string, number> = {};
    for (const source of SOURCES.filter((candidate): candidate is BenchmarkSource => candidate.kind === "benchmark")) {
      if (PARSED_PER_PAYLOAD_ELSEWHERE.has(source.id)) continue;
      const parsedAt = new Date("2026-08-20T00:00:00Z");
      const documents = await readReplayDocuments(snapshotPath("benchmarks", source.id));
      counts[source.id] = FILE_PER_PAYLOAD.has(source.id)
        ? documents.reduce((sum, document) => sum + source.parse([document], { observedAt: parsedAt }).observations.length, 0)
        : source.parse(documents, { observedAt: parsedAt }).observations.length;
    }
    console.info(`observations parsed from every recorded file: ${JSON.stringify(counts)}`);
    for (const [source, observations] of Object.entries(counts)) expect(observations, source).toBeGreaterThan(0);
  });

  it("ingests the newest payload of every source, writing its rows", async () => {
    const { db } = database();
    const report: string[] = [];
    const shares = new Map<string, number>();
    for (const ingest of INGESTS) {
      const run = runs.get(ingest.source.id)!;
      const { summary } = run;
      expect(summary, ingest.source.id).toMatchObject({ status: "succeeded", parsed: run.observations, error: null });
      const rows = await db.select().from(scorePeriods).where(eq(scorePeriods.sourceId, ingest.source.id));
      // Every matched observation lands in a period (several dates of one series make several).
      expect(rows.length, ingest.source.id).toBeGreaterThanOrEqual(summary.changed);
      expect(rows.length, ingest.source.id).toBeGreaterThan(0);
      for (const row of rows) expect(run.rawNames.has(row.rawName), row.rawName).toBe(true);
      // Every benchmark the payload scores is written.
      expect(new Set(rows.map((row) => row.benchmarkId)), ingest.source.id).toEqual(run.benchmarks);
      const share = (summary.parsed - summary.unmatched) / summary.parsed;
      report.push(
        `${ingest.source.id}: ${summary.parsed} parsed, ${rows.length} periods, ${summary.unmatched} unmatched, ${summary.rejected} rejected, ` +
          `resolved ${(share * 100).toFixed(1)}%, ${run.ms} ms`,
      );
      shares.set(ingest.source.id, share);
    }
    console.info(report.join("\n"));
    for (const [source, share] of shares) expect(share, `${source} resolved share`).toBeGreaterThan(0.7);
  });

  it("pricewar sources reports the same resolved shares", async () => {
    const statuses = await caller().sources.status();
    for (const ingest of INGESTS) {
      const { summary } = runs.get(ingest.source.id)!;
      const status = statuses.find((candidate) => candidate.id === ingest.source.id)!;
      expect(status.resolvedShare).toBeCloseTo((summary.parsed - summary.unmatched) / summary.parsed, 4);
    }
  });
});

describe(`task classes on the real payloads (${engine})`, () => {
  it("the catalogue is mirrored in the database, every weight stored, idempotently", async () => {
    const { db } = database();
    const again = await syncTaskCatalogue(db, SOURCES);
    expect(again.missingBenchmarks).toEqual([]);
    const [tasks] = await db.select({ n: count() }).from(taskClasses);
    const [weights] = await db.select({ n: count() }).from(taskBenchmarkWeights);
    expect(Number(tasks!.n)).toBe(TASK_CLASSES.length);
    expect(Number(weights!.n)).toBe(again.weights);
    expect(again.weights).toBe(TASK_CLASSES.reduce((sum, task) => sum + task.components.reduce((n, c) => n + c.benchmarks.length, 0), 0));
  });

  it("stores no weight for a benchmark no source defines, and says which", async () => {
    await withRollback(database().db, async (tx) => {
      const demo = { ...TASK_CLASSES[0]!, id: "demo", components: [{ key: "no-such-benchmark", benchmarks: ["no-such-benchmark"], weight: 1, why: "w" }] };
      expect(await syncTaskCatalogue(tx, SOURCES, [demo])).toEqual({ tasks: 1, weights: 0, missingBenchmarks: ["no-such-benchmark"] });
      // The catalogue is the truth: classes it no longer lists are gone, with their weights.
      expect((await tx.select().from(taskClasses)).map((row) => row.id)).toEqual(["demo"]);
      expect(await tx.select().from(taskBenchmarkWeights)).toEqual([]);
    });
  });

  it("each task class gives every scored model a quality 0..100 with an interval, and places at least 20 models by their own class scores", async () => {
    const { db } = database();
    const report: string[] = [];
    const measured = new Map<string, number>();
    for (const task of TASK_CLASSES) {
      const result = await taskQuality(db, task, { limit: 10_000 });
      const weightOf = new Map(task.components.map((component) => [component.key, component.weight]));
      const top = result.models.slice(0, 3).map((model) => `${model.model} ${model.quality} [${model.low}, ${model.high}]`);
      const withScores = result.models.filter((model) => model.classScores > 0);
      report.push(`${task.id}: ${withScores.length} models with class scores (of ${result.scored} in the fit); top ${top.join(", ")}`);
      measured.set(task.id, withScores.length);
      expect(result.qualifying).toBe(result.scored);
      for (const model of result.models) {
        expect(0 <= model.low && model.low <= model.quality && model.quality <= model.high && model.high <= 100, model.model).toBe(true);
        const covered = [...new Set(model.components.map((component) => component.component))].reduce((sum, key) => sum + weightOf.get(key)!, 0);
        expect(model.coverage).toBeCloseTo(covered, 4);
      }
      // Few scores widen the interval rather than exclude: models with no class score are wider, on median, than models with three or more.
      const width = (models: typeof result.models) => models.map((model) => model.high - model.low).sort((a, b) => a - b)[models.length >> 1]!;
      const none = result.models.filter((model) => model.classScores === 0);
      const many = result.models.filter((model) => model.classScores >= 3);
      if (none.length > 0 && many.length > 0) expect(width(none), task.id).toBeGreaterThan(width(many));
    }
    console.info(report.join("\n"));
    for (const [task, models] of measured) expect(models, task).toBeGreaterThanOrEqual(20);
  });

  it("never pools releases: each LMArena fit of the legal board is its own item, linked through shared models", async () => {
    const { set } = await qualityModel(database().db);
    const legal = [...set.items.values()].filter((item) => item.board === "lmarena-text-style-control-legal");
    expect(legal.map((item) => item.release)).toEqual(["2025-12-17", "2026-02-27", "2026-04-30", "2026-07-08"]);
    for (const item of legal) expect(set.scores.get(item.id)!.size, item.id).toBe(item.models);
    const shared = [...set.scores.get(legal[0]!.id)!.keys()].filter((model) => set.scores.get(legal.at(-1)!.id)!.has(model));
    expect(shared.length).toBeGreaterThan(10);
  });
});

describe(`benchmarks and tasks API on the real payloads (${engine})`, () => {
  const api = createCallerFactory(router({ benchmarks: benchmarksRouter, tasks: tasksRouter }));
  const call = () => api({ db: database().db, connection: database() });

  it("benchmarks.list gives each benchmark's source, scale and model count", async () => {
    const list = await call().benchmarks.list();
    expect(list.find((benchmark) => benchmark.id === "aider-polyglot")).toMatchObject({ source: "aider", scale: "percent", latestAsOf: "2025-10-03" });
    expect(list.find((benchmark) => benchmark.id === "lmarena-text-style-control-legal")!.models).toBeGreaterThan(150);
    expect(list.find((benchmark) => benchmark.id === "aa-intelligence-index-v2")).toMatchObject({ scale: "index", models: 0, latestAsOf: null });
  });

  it("benchmarks.scores takes an alias, keeps the setting apart from the model, and answers as of a date", async () => {
    const o3 = await call().benchmarks.scores({ model: "o3", benchmark: "aider-polyglot" });
    // The resolver reads Aider's "o3" as the dated snapshot it is sold as.
    expect(o3.map((row) => [row.model, row.setting, row.rawName, row.source])).toEqual([
      ["openai/o3-20250416", "high, diff", "o3 (high)", "aider"],
      ["openai/o3-20250416", "diff", "o3", "aider"],
    ]);
    expect(o3[0]!.asOf).toMatch(/^2025-\d\d-\d\d$/);
    const before = await call().benchmarks.scores({ model: "openai/o3", benchmark: "aider-polyglot", asOf: "2025-01-01" });
    expect(before).toEqual([]);
    await expect(call().benchmarks.scores({ benchmark: "no-such-benchmark" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("tasks.list gives every class with its weights and token profile", async () => {
    const list = await call().tasks.list();
    expect(list.map((task) => task.id)).toEqual(TASK_CLASSES.map((task) => task.id));
    const chat = list.find((task) => task.id === "chat")!;
    expect(chat.profile).toMatchObject({ inputTokens: expect.any(Number), outputTokens: expect.any(Number), cachedShare: expect.any(Number) });
    expect(chat.benchmarks).toContainEqual(expect.objectContaining({ key: "aa-intelligence-index", versioned: true, benchmarks: ["aa-intelligence-index-v4-1", "aa-intelligence-index-v2"] }));
  });

  it("tasks.quality ranks models by expected score with an interval and every component, and caps the width on request", async () => {
    const legal = await call().tasks.quality({ task: "legal", limit: 25 });
    expect(legal.models).toHaveLength(25);
    expect(legal.scale.map((reference) => reference.component)).toEqual(["lmarena-text-style-control-legal", "vals-legalbench", "vals-caselaw-v2", "helm-lite-legalbench", "aa-lcr"]);
    const arena = legal.models.flatMap((model) => model.components).find((component) => component.item === "lmarena-text-style-control-legal@2026-07-08");
    expect(arena).toEqual({
      component: "lmarena-text-style-control-legal",
      item: "lmarena-text-style-control-legal@2026-07-08",
      benchmark: "lmarena-text-style-control-legal-2026-07-08",
      source: "lmarena-2026",
      scale: "elo",
      rawScore: expect.stringMatching(/^1\d{3}/),
      normalised: expect.any(Number),
      weight: 1,
      setting: expect.any(String),
      rawName: expect.any(String),
      asOf: "2026-07-08",
    });
    for (let i = 1; i < legal.models.length; i++) expect(legal.models[i - 1]!.quality).toBeGreaterThanOrEqual(legal.models[i]!.quality);
    const all = await call().tasks.quality({ task: "legal", limit: 1000 });
    expect(all.qualifying).toBe(all.scored);
    expect(all.models.some((model) => model.coverage < 0.5)).toBe(true);
    const capped = await call().tasks.quality({ task: "legal", maxWidth: 8, limit: 1000 });
    expect(capped.models.length).toBeGreaterThan(0);
    expect(capped.models.length).toBeLessThan(all.models.length);
    for (const model of capped.models) expect(model.high - model.low).toBeLessThanOrEqual(8);
  });

  it("tasks.quality as of a date sees only the scores valid then: no index version before it existed", async () => {
    const math = await call().tasks.quality({ task: "math", asOf: "2026-01-01", limit: 1000 });
    const components = math.models.flatMap((model) => model.components);
    expect(components.length).toBeGreaterThan(0);
    expect(components.every((component) => component.asOf <= "2026-01-01")).toBe(true);
    expect(components.some((component) => component.component === "aa-math-index")).toBe(false);
    const now = await call().tasks.quality({ task: "math", limit: 1000 });
    const index = now.models.flatMap((model) => model.components).filter((component) => component.component === "aa-math-index");
    expect(new Set(index.map((component) => component.benchmark))).toEqual(new Set(["aa-math-index-v4-1"]));
  });

  it("tasks.quality refuses an unknown task with BAD_REQUEST naming the valid ones", async () => {
    const error = await call()
      .tasks.quality({ task: "poetry" as never })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    for (const id of TASK_CLASSES.map((task) => task.id)) expect((error as Error).message).toContain(`"${id}"`);
  });
});

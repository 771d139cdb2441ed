/**
 * best, pareto and simulate on the recorded data: prices from LiteLLM (an old and a new
 * version), OpenRouter and the first-party pages, scores from the newest payload of
 * every benchmark source, plus an older LMArena board for the as-of check.
 */
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { livebenchSource } from "../../scrapers/livebench/index.ts";
import { SOURCES, sourceById } from "../../scrapers/registry.ts";
import { createCaller, type AppRouter } from "../../src/api/router.ts";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { syncTaskCatalogue } from "../../src/db/queries/benchmarks.ts";
import { taskCandidates } from "../../src/db/queries/ranking.ts";
import { sourcedPricesAt } from "../../src/db/queries/prices.ts";
import { compareDecimal, toDecimal } from "../../src/domain/money.ts";
import { dominates } from "../../src/domain/ranking/pareto.ts";
import { taskClassById } from "../../src/domain/tasks/catalogue.ts";
import { replayLoader } from "../../src/jobs/load-documents.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { INGESTS, documentsOf } from "../helpers/benchmark-snapshots.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const database = useTestDatabase();
const caller = () => createCaller({ db: database().db, connection: database() });
let http: RunningServer;
let base: string;

const PRICES: Array<[source: string, path: string, at: string]> = [
  ["litellm", "prices/litellm/model_prices_2024-11-27_2d2931a215.json", "2024-11-27"],
  ["litellm", "prices/litellm/model_prices_2026-07-24.json", "2026-07-24"],
  ["openrouter", "prices/openrouter/models-data_2026-08-08_from-sui414-0427e0eca0.json", "2026-08-08"],
  ["anthropic-docs", "pages/anthropic/platform.claude.com_docs_en_about-claude_pricing.md.2026-08-17.md", "2026-08-17"],
  ["openai-pricing", "pages/openai/developers.openai.com_api_docs_pricing.2026-08-21.html", "2026-08-21"],
];

beforeAll(async () => {
  const { db } = database();
  await syncTaskCatalogue(db, SOURCES);
  for (const [id, path, at] of PRICES) {
    await runSource(db, sourceById(id), { trigger: "replay", at: new Date(`${at}T00:00:00Z`), load: replayLoader(snapshotPath(path)) });
  }
  // A LiveBench release of 2024-11-25, before the as-of date, ahead of the newest payloads.
  const livebench2024 = ["livebench.github.io.table_2024_11_25.4bf96c8.csv", "livebench.github.io.categories_2024_11_25.4bf96c8.json"];
  const older = (await Promise.all(livebench2024.map((file) => replayLoader(snapshotPath("benchmarks/livebench", file))(livebenchSource)))).flat();
  await runSource(db, livebenchSource, { trigger: "replay", at: new Date("2024-11-26T00:00:00Z"), load: async () => older });
  for (const ingest of INGESTS) {
    const documents = await documentsOf(ingest);
    await runSource(db, ingest.source, { trigger: "replay", at: new Date(`${ingest.at}T00:00:00Z`), load: async () => documents });
  }
  http = await startHttpServer({ db, connection: database() }, 0, "127.0.0.1");
  base = `http://127.0.0.1:${http.port}`;
}, 600_000);
afterAll(() => http?.close());

describe("best", () => {
  it("picks a model that meets the bar, and no cheaper candidate does", async () => {
    const result = await caller().best({ task: "coding", withinOfBest: 10, limit: 5 });
    const pick = result.candidates[0]!;
    expect(result.bar).toBeCloseTo(result.bestQuality! - 10, 9);
    expect(pick.quality).toBeGreaterThanOrEqual(result.bar!);
    expect(pick.rank).toBe(1);
    expect(pick.reason).toMatch(/^cheapest model meeting the bar \(within 10 points of the best/);
    expect(pick.low).toBeLessThanOrEqual(pick.quality);
    expect(pick.high).toBeGreaterThanOrEqual(pick.quality);
    expect(pick.offering.provider).toBeTruthy();
    const all = await taskCandidates(database().db, taskClassById("coding")!, { minCoverage: 0.5 });
    const cheaper = all.candidates.filter((candidate) => compareDecimal(candidate.callCost, pick.callCost) < 0);
    expect(cheaper.length).toBeGreaterThan(0);
    for (const candidate of cheaper) expect(candidate.quality, candidate.model).toBeLessThan(result.bar!);
    // A free allowance (a standard offering at 0) is not a price to scale on.
    expect(all.candidates.every((candidate) => toDecimal(candidate.callCost).greaterThan(0))).toBe(true);
    // The ranking is by cost among those meeting the bar.
    for (let i = 1; i < result.candidates.length; i++) expect(compareDecimal(result.candidates[i - 1]!.callCost, result.candidates[i]!.callCost)).toBeLessThanOrEqual(0);
  });

  it("reads a measured run's cost at the output price the offering had at the run's date, else at today's, and says which", async () => {
    const { candidates } = await taskCandidates(database().db, taskClassById("coding")!, { minCoverage: 0 });
    const runs = candidates.flatMap((candidate) => (candidate.costBasis?.runs ?? []).map((run) => ({ candidate, run })));
    expect(runs.length).toBeGreaterThan(0);
    const kinds = new Set<string>();
    for (const { candidate, run } of runs) {
      const { provider, variant, region, source } = candidate.offering;
      const then = (await sourcedPricesAt(database().db, { modelIds: [candidate.model], provider, variant, currency: "USD" }, new Date(`${run.asOf}T00:00:00Z`)))
        .filter((row) => row.region === region && row.output !== null && Number(row.output) > 0);
      const expected = then.find((row) => row.source === source)?.output ?? then.map((row) => row.output!).sort((a, b) => Number(a) - Number(b))[0];
      kinds.add(run.priceAt);
      if (expected === undefined) {
        expect(run.priceAt, `${candidate.model} ${run.benchmark}`).toBe("current (no price in force at the run date)");
        expect(run.outputPrice).toBe(candidate.offering.output);
      } else {
        expect(run.priceAt, `${candidate.model} ${run.benchmark}`).toBe("run date");
        expect(Number(run.outputPrice)).toBe(Number(expected));
      }
    }
    expect(kinds.has("run date")).toBe(true);
  });

  it("with objective quality returns the best under the price cap", async () => {
    const result = await caller().best({ task: "chat", objective: "quality", maxPrice: 1, limit: 3 });
    expect(result.candidates.length).toBeGreaterThan(0);
    for (const candidate of result.candidates) expect(toDecimal(candidate.blendedPerMillion).lessThanOrEqualTo(1)).toBe(true);
    expect(result.candidates[0]!.quality).toBeGreaterThanOrEqual(result.candidates.at(-1)!.quality);
  });

  it("honours open-weights, seller and context constraints", async () => {
    const open = await caller().best({ task: "reasoning", withinOfBest: 30, openWeightsOnly: true, limit: 10 });
    expect(open.candidates.length).toBeGreaterThan(0);
    expect(open.candidates.every((candidate) => candidate.openWeights === true)).toBe(true);
    const viaOpenRouter = await caller().best({ task: "chat", minQuality: 50, providers: ["openrouter"], minContext: 100_000, limit: 10 });
    expect(viaOpenRouter.candidates.every((candidate) => candidate.offering.provider === "openrouter" && candidate.contextWindow! >= 100_000)).toBe(true);
  });

  it("as of 2025-01-01 uses only prices and scores known then", async () => {
    // Before 2025 only LiveBench's 2024-11-25 release scores extraction (its Data Analysis, 0.4 of the weight).
    const result = await caller().best({ task: "extraction", withinOfBest: 20, minCoverage: 0.3, asOf: "2025-01-01", limit: 20 });
    expect(result.candidates.length).toBeGreaterThan(0);
    for (const candidate of result.candidates) {
      for (const component of candidate.components) expect(component.asOf <= "2025-01-01", `${candidate.model} ${component.benchmark}`).toBe(true);
      expect(candidate.offering.source).toBe("litellm");
    }
    const current = await caller().best({ task: "extraction", withinOfBest: 20, minCoverage: 0.3, limit: 20 });
    expect(current.candidates.map((c) => c.model)).not.toEqual(result.candidates.map((c) => c.model));
  });

  it("with no parameters gives the default answer: the cheapest model within 5 points of the best (interval low end within 10), and says so", async () => {
    const result = await caller().best({ task: "chat" });
    expect(result.barKind).toBe("default");
    const pick = result.candidates[0]!;
    const qualifies = (c: { model: string; quality: number; low: number }) => c.model === result.best!.model || (c.quality >= result.bestQuality! - 5 && c.low >= result.bestQuality! - 10);
    expect(qualifies(pick)).toBe(true);
    expect(pick.reason).toMatch(/default answer: within 5 points of the best .*low end within 10/);
    const all = await taskCandidates(database().db, taskClassById("chat")!, { minCoverage: 0 });
    for (const cheaper of all.candidates.filter((candidate) => compareDecimal(candidate.callCost, pick.callCost) < 0)) expect(qualifies(cheaper), cheaper.model).toBe(false);
  });

  it("indistinguishable keeps only models whose gap to the best chance explains, and maxWidth caps the interval", async () => {
    const result = await caller().best({ task: "reasoning", indistinguishable: true, maxWidth: 15, objective: "quality", limit: 100 });
    expect(result.candidates.length).toBeGreaterThan(0);
    const se = (c: { low: number; high: number }) => (c.high - c.low) / 3.92;
    for (const candidate of result.candidates) {
      expect(candidate.high - candidate.low).toBeLessThanOrEqual(15);
      expect(result.best!.quality - candidate.quality).toBeLessThanOrEqual(1.96 * Math.hypot(se(result.best!), se(candidate)) + 1e-9);
    }
  });

  it("answers contradictory or bad input with a clear BAD_REQUEST", async () => {
    await expect(caller().best({ task: "chat", minQuality: 50, withinOfBest: 10 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "give one of minQuality, withinOfBest or indistinguishable, not minQuality and withinOfBest",
    });
    await expect(caller().best({ task: "chat", providers: ["openai"], excludeProviders: ["openai"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller().best({ task: "chat", providers: ["no-such-seller"] })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/unknown provider no-such-seller; known providers: .*openai/) });
    const unknownTask = await fetch(`${base}/api/v1/best?task=poetry`);
    expect(unknownTask.status).toBe(400);
    expect((await unknownTask.json()).error.message).toMatch(/task: .*"coding".*"legal"/);
    const badNumber = await fetch(`${base}/api/v1/best?task=chat&withinOfBest=200`);
    expect(badNumber.status).toBe(400);
  });
});

describe("pareto", () => {
  it("returns only non-dominated points, cheapest first", async () => {
    const result = await caller().pareto({ task: "math" });
    const all = await taskCandidates(database().db, taskClassById("math")!, { minCoverage: 0.5 });
    expect(result.frontier.length).toBeGreaterThan(1);
    for (const point of result.frontier) expect(all.candidates.some((other) => dominates(other, point)), point.model).toBe(false);
    for (let i = 1; i < result.frontier.length; i++) expect(result.frontier[i]!.quality).toBeGreaterThan(result.frontier[i - 1]!.quality);
  });
});

describe("simulate", () => {
  it("adds its totals up from its parts and compares with one model for everything", async () => {
    const result = await caller().simulate({
      monthlyCalls: 1_000_000,
      workload: [
        { task: "legal", share: 10, withinOfBest: 2 },
        { task: "reasoning", share: 10, indistinguishable: true },
        { task: "chat", share: 40, withinOfBest: 10 },
        { task: "extraction", share: 20 },
        { task: "coding", share: 20, withinOfBest: 10 },
      ],
    });
    expect(result.lines.map((line) => line.calls)).toEqual([100_000, 100_000, 400_000, 200_000, 200_000]);
    const sum = (pick: (line: (typeof result.lines)[number]) => string | null) => result.lines.reduce((total, line) => total.plus(toDecimal(pick(line)!)), toDecimal(0));
    expect(sum((line) => line.routedMonthly).equals(toDecimal(result.routedMonthly!))).toBe(true);
    expect(sum((line) => line.baselineMonthly).equals(toDecimal(result.baselineMonthly!))).toBe(true);
    for (const line of result.lines) expect(toDecimal(line.routedMonthly!).equals(toDecimal(line.routed!.callCost).times(line.calls))).toBe(true);
    expect(result.savingsFactor).toBeCloseTo(toDecimal(result.baselineMonthly!).dividedBy(result.routedMonthly!).toNumber(), 2);
    expect(result.savingsFactor!).toBeGreaterThan(1);
    // Quality per class, routed and baseline, each with its interval, and whether the mix keeps the baseline's quality.
    for (const line of result.lines) {
      expect(line.routed!.low).toBeLessThanOrEqual(line.routed!.quality);
      expect(line.baseline.quality!.high).toBeGreaterThanOrEqual(line.baseline.quality!.quality);
      expect(line.qualityDifference).toBeCloseTo(line.routed!.quality - line.baseline.quality!.quality, 1);
      expect(typeof line.withinBaseline).toBe("boolean");
    }
    expect(result.allWithinBaseline).toBe(result.lines.every((line) => line.withinBaseline));
    // extraction has no bar of its own: routed to the cheapest model not significantly worse than the baseline there.
    const unbarred = result.lines.find((line) => line.task === "extraction")!;
    expect(unbarred.barKind).toBe("notWorseThan");
    expect(unbarred.rule).toMatch(new RegExp(`^not significantly worse than ${result.baseline.model} `));
    expect(unbarred.withinBaseline).toBe(true);
    expect(compareDecimal(unbarred.routed!.callCost, unbarred.baseline.callCost!)).toBeLessThanOrEqual(0);
    expect(result.lines.filter((line) => line.task !== "extraction").map((line) => line.barKind)).toEqual(["withinOfBest", "indistinguishable", "withinOfBest", "withinOfBest"]);
    console.info(`simulate: baseline ${result.baseline.model}, routed $${result.routedMonthly} vs $${result.baselineMonthly} a month, savings x${result.savingsFactor}; ${result.lines.map((line) => `${line.task} -> ${line.routed?.model}`).join(", ")}`);
  });

  it("rejects a workload mixing shares and tokens, or an item with two bars", async () => {
    await expect(caller().simulate({ workload: [{ task: "chat", share: 1, withinOfBest: 10 }, { task: "math", tokens: 1e6, withinOfBest: 10 }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller().simulate({ workload: [{ task: "chat", share: 1, minQuality: 50, indistinguishable: true }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/give at most one of minQuality, withinOfBest or indistinguishable/),
    });
  });
});

describe("the same answer through every door", () => {
  it("a TypeScript client through @trpc/client and a plain HTTP client agree", async () => {
    const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${base}/trpc` })] });
    const viaTrpc = await client.best.query({ task: "coding", withinOfBest: 10, limit: 3 });
    const viaHttp = await (await fetch(`${base}/api/v1/best?task=coding&withinOfBest=10&limit=3`)).json();
    expect(viaHttp).toEqual(JSON.parse(JSON.stringify(viaTrpc)));
    const openapi = await (await fetch(`${base}/api/v1/openapi.json`)).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(["/api/v1/best", "/api/v1/pareto", "/api/v1/simulate"]));
  });
});

import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Transaction } from "../../src/db/client.ts";
import { syncSources, findAlias } from "../../src/db/queries/catalogue.ts";
import { sameScore } from "../../src/db/queries/score-history.ts";
import { periodLastSeen } from "../../src/db/queries/period-seen.ts";
import { ingestScores, prepareScores } from "../../src/jobs/ingest-scores.ts";
import { benchmarks, scorePeriods, sources } from "../../src/db/schema/index.ts";
import type { ScoreObservation, ScoreObservationInput } from "../../src/domain/observation.ts";
import { scoreObservationSchema } from "../../src/domain/observation.ts";
import { aiderSource } from "../../scrapers/aider/index.ts";
import { livebenchSource } from "../../scrapers/livebench/index.ts";
import type { BenchmarkDefinition } from "../../scrapers/source.ts";
import { useTestDatabase, withRollback } from "../helpers/database.ts";
import { snapshotDocument, snapshotFolderDocuments } from "../helpers/snapshots.ts";

const database = useTestDatabase();
const engine = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";

const ARENA: BenchmarkDefinition = {
  id: "arena-test-text",
  name: "Test arena (text)",
  scale: "elo",
  higherIsBetter: true,
  description: "hand-written arena for writer tests",
  url: "https://example.test/arena",
};

function score(input: Partial<ScoreObservationInput> & Pick<ScoreObservationInput, "model" | "score" | "asOf">): ScoreObservation {
  return scoreObservationSchema.parse({ benchmark: "aider-polyglot", scale: "percent", ...input });
}

async function seedSources(tx: Transaction): Promise<void> {
  await syncSources(tx, [aiderSource, livebenchSource]);
  await tx.insert(sources).values({ id: "arena-test", kind: "benchmark", description: "hand-written arena" });
}

interface ScoreWriteInput {
  sourceId: string;
  runId: null;
  at: Date;
  benchmarks: readonly BenchmarkDefinition[];
  namesHaveAuthors?: boolean;
  observations: ScoreObservation[];
}

/** A run's score stages without the run record: gate, resolve (persisting aliases), write history. */
async function writeScoreHistory(tx: Transaction, input: ScoreWriteInput) {
  const counts = await ingestScores(tx, prepareScores({ ...input, namesHaveAuthors: input.namesHaveAuthors ?? false }), input.runId);
  return { parsed: counts.parsed, changed: counts.changed, unmatched: counts.unmatched, rejected: counts.rejectedSamples };
}

const aider = (at: string, observations: ScoreObservation[]): ScoreWriteInput => ({
  sourceId: "aider",
  runId: null,
  at: new Date(at),
  benchmarks: aiderSource.benchmarks,
  observations,
});

/** The periods of the model a raw name resolved to, whatever the normaliser's canonical spelling. */
async function periodsOf(tx: Transaction, rawName: string, benchmarkId = "aider-polyglot", source = "aider") {
  const modelId = (await findAlias(tx, source, rawName))?.modelId;
  if (!modelId) throw new Error(`${rawName} did not resolve`);
  return tx
    .select()
    .from(scorePeriods)
    .where(and(eq(scorePeriods.modelId, modelId), eq(scorePeriods.benchmarkId, benchmarkId)))
    .orderBy(asc(scorePeriods.setting), asc(scorePeriods.validFrom));
}

const valueOf = (row: typeof scorePeriods.$inferSelect) => ({
  score: row.score,
  ciLower: row.ciLower,
  ciUpper: row.ciUpper,
  votes: row.votes,
  costUsd: row.costUsd,
});

async function countPeriods(tx: Transaction, sourceId?: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(scorePeriods)
    .where(sourceId ? eq(scorePeriods.sourceId, sourceId) : undefined);
  return row!.n;
}

describe(`score history writer (${engine})`, () => {
  it("upserts the source's benchmark definitions before writing scores", async () => {
    await withRollback(database().db, async (tx) => {
      await seedSources(tx);
      await writeScoreHistory(tx, aider("2025-10-05T00:00:00Z", []));
      const rows = await tx.select().from(benchmarks).orderBy(benchmarks.id);
      expect(rows.map((row) => [row.id, row.sourceId])).toEqual([
        ["aider-edit", "aider"],
        ["aider-polyglot", "aider"],
        ["aider-refactor", "aider"],
      ]);

      const renamed = aiderSource.benchmarks.map((b) => (b.id === "aider-edit" ? { ...b, description: "retired board" } : b));
      await writeScoreHistory(tx, { ...aider("2025-10-06T00:00:00Z", []), benchmarks: renamed });
      const [edit] = await tx.select().from(benchmarks).where(eq(benchmarks.id, "aider-edit"));
      expect(edit?.description).toBe("retired board");

      await expect(
        writeScoreHistory(tx, { sourceId: "arena-test", runId: null, at: new Date(), benchmarks: renamed, observations: [] }),
      ).rejects.toThrow(/aider-edit \(defined by aider\)/);
    });
  });

  it("opens one period per series at the source's date with exact values", async () => {
    await withRollback(database().db, async (tx) => {
      await seedSources(tx);
      const at = "2025-10-05T03:17:00Z";
      const counts = await writeScoreHistory(tx, aider(at, [
        score({ model: "gpt-4o-2024-08-06", setting: "diff", score: 18.2, asOf: "2024-12-21", costUsd: "7.0325" }),
        score({ model: "gpt-4o-2024-08-06", setting: "whole", score: 0.1 + 0.2, asOf: "2024-12-22" }),
        score({ model: "DeepSeek R1 (0528)", setting: "diff", score: 71.4, asOf: "2025-05-30", costUsd: "4.8016" }),
      ]));
      expect(counts).toEqual({ parsed: 3, changed: 3, unmatched: 0, rejected: [] });

      const gpt = await periodsOf(tx, "gpt-4o-2024-08-06");
      expect(gpt).toMatchObject([
        { sourceId: "aider", setting: "diff", score: "18.2", costUsd: "7.0325", ciLower: null, ciUpper: null, votes: null, rawName: "gpt-4o-2024-08-06" },
        // The float's shortest spelling, every digit kept: no rounding on the way in.
        { setting: "whole", score: "0.30000000000000004", costUsd: null },
      ]);
      expect(gpt[0]!.validFrom.toISOString()).toBe("2024-12-21T00:00:00.000Z");
      expect(gpt[1]!.validFrom.toISOString()).toBe("2024-12-22T00:00:00.000Z");
      for (const period of gpt) {
        expect(period.validTo).toBeNull();
        expect(period.lastSeenAt.toISOString()).toBe(new Date(at).toISOString());
      }
    });
  });

  it("stores confidence intervals and votes exactly", async () => {
    await withRollback(database().db, async (tx) => {
      await seedSources(tx);
      const observation = score({
        benchmark: ARENA.id,
        scale: "elo",
        model: "gpt-4o-2024-08-06",
        score: 1287.4,
        ciLower: 1281.93,
        ciUpper: 1292.870001,
        votes: 31284,
        asOf: "2025-06-01",
      });
      const input = { sourceId: "arena-test", runId: null, at: new Date("2025-06-02T00:00:00Z"), benchmarks: [ARENA], observations: [observation] };
      expect((await writeScoreHistory(tx, input)).changed).toBe(1);
      expect(await periodsOf(tx, "gpt-4o-2024-08-06", ARENA.id, "arena-test")).toMatchObject([
        { score: "1287.4", ciLower: "1281.93", ciUpper: "1292.870001", votes: 31284, validTo: null },
      ]);

      // A new vote count alone is a new value: the interval of a score is part of it.
      const moreVotes = { ...observation, votes: 31500, asOf: "2025-06-08" };
      expect((await writeScoreHistory(tx, { ...input, at: new Date("2025-06-09T00:00:00Z"), observations: [moreVotes] })).changed).toBe(1);
      const periods = await periodsOf(tx, "gpt-4o-2024-08-06", ARENA.id, "arena-test");
      expect(periods.map((p) => [p.votes, p.validTo?.toISOString() ?? null])).toEqual([
        [31284, "2025-06-08T00:00:00.000Z"],
        [31500, null],
      ]);
    });
  });

  it("re-writing the same observations changes nothing but the last-seen mark", async () => {
    await withRollback(database().db, async (tx) => {
      await seedSources(tx);
      const observations = [
        score({ model: "gpt-4o-2024-08-06", setting: "diff", score: 18.2, asOf: "2024-12-21", costUsd: "7.0325" }),
        score({ model: "claude-3-5-sonnet-20241022", setting: "diff", score: 51.6, asOf: "2024-12-20", costUsd: "14.4063" }),
      ];
      await writeScoreHistory(tx, aider("2025-01-01T00:00:00Z", observations));
      const before = await tx.select().from(scorePeriods).orderBy(scorePeriods.id);

      const again = await writeScoreHistory(tx, aider("2025-02-01T00:00:00Z", observations));
      expect(again).toEqual({ parsed: 2, changed: 0, unmatched: 0, rejected: [] });
      const after = await tx.select().from(scorePeriods).orderBy(scorePeriods.id);
      expect(after).toEqual(before);
      // "Seen" is recorded per run: the rows are unchanged, their last sighting is the run's.
      const seen = await tx.select({ lastSeenAt: periodLastSeen(scorePeriods) }).from(scorePeriods).orderBy(scorePeriods.id);
      expect(seen.map((row) => row.lastSeenAt.toISOString())).toEqual(["2025-02-01T00:00:00.000Z", "2025-02-01T00:00:00.000Z"]);

      // The same score spelled differently by the source (a cost with a trailing zero) is the same value.
      const respelled = observations.map((o) => ({ ...o, costUsd: o.costUsd === "7.0325" ? "7.03250" : o.costUsd }));
      expect((await writeScoreHistory(tx, aider("2025-03-01T00:00:00Z", respelled))).changed).toBe(0);
      expect(await countPeriods(tx)).toBe(2);
    });
  });

  it("a later dated score closes the old period at the new date and opens the next", async () => {
    await withRollback(database().db, async (tx) => {
      await seedSources(tx);
      await writeScoreHistory(tx, aider("2025-03-01T00:00:00Z", [score({ model: "gpt-4.1", setting: "diff", score: 52.4, asOf: "2025-02-20" })]));
      const counts = await writeScoreHistory(tx, aider("2025-05-01T00:00:00Z", [score({ model: "gpt-4.1", setting: "diff", score: 53.1, asOf: "2025-04-14" })]));
      expect(counts.changed).toBe(1);
      const periods = await periodsOf(tx, "gpt-4.1");
      expect(periods.map((p) => [p.score, p.validFrom.toISOString(), p.validTo?.toISOString() ?? null])).toEqual([
        ["52.4", "2025-02-20T00:00:00.000Z", "2025-04-14T00:00:00.000Z"],
        ["53.1", "2025-04-14T00:00:00.000Z", null],
      ]);

      // A later date with the same score is the same period, seen again.
      const same = await writeScoreHistory(tx, aider("2025-06-01T00:00:00Z", [score({ model: "gpt-4.1", setting: "diff", score: 53.1, asOf: "2025-05-20" })]));
      expect(same.changed).toBe(0);
      expect(await periodsOf(tx, "gpt-4.1")).toHaveLength(2);

      // An older date that disagrees with recorded history is rejected, not spliced in.
      const stale = await writeScoreHistory(tx, aider("2025-07-01T00:00:00Z", [score({ model: "gpt-4.1", setting: "diff", score: 40, asOf: "2025-03-01" })]));
      expect(stale.changed).toBe(0);
      expect(stale.rejected).toEqual([{ name: "gpt-4.1", reason: expect.stringMatching(/predates recorded history/) }]);
      expect(await periodsOf(tx, "gpt-4.1")).toHaveLength(2);
    });
  });

  it("a time series in one payload builds consecutive periods", async () => {
    await withRollback(database().db, async (tx) => {
      await seedSources(tx);
      const series = [
        ["2025-03-01", 60.2],
        ["2025-01-01", 55],
        ["2025-02-01", 60.2],
        ["2025-04-01", 58.75],
      ] as const;
      const counts = await writeScoreHistory(
        tx,
        aider("2025-04-02T00:00:00Z", series.map(([asOf, value]) => score({ model: "o3-mini (high)", setting: "high, diff", score: value, asOf }))),
      );
      expect(counts).toMatchObject({ parsed: 4, changed: 1, rejected: [] });
      // "(high)" is the setting, split off the name: the periods belong to o3-mini itself.
      const periods = await periodsOf(tx, "o3-mini");
      expect(periods.map((p) => [p.setting, p.rawName])).toEqual(Array(3).fill(["high, diff", "o3-mini (high)"]));
      expect(periods.map((p) => [p.score, p.validFrom.toISOString().slice(0, 10), p.validTo?.toISOString().slice(0, 10) ?? null])).toEqual([
        ["55", "2025-01-01", "2025-02-01"],
        ["60.2", "2025-02-01", "2025-04-01"],
        ["58.75", "2025-04-01", null],
      ]);
    });
  });

  it("a model that drops off the leaderboard keeps its score", async () => {
    await withRollback(database().db, async (tx) => {
      await seedSources(tx);
      await writeScoreHistory(tx, aider("2025-01-01T00:00:00Z", [
        score({ model: "gpt-4o-2024-08-06", setting: "diff", score: 18.2, asOf: "2024-12-21" }),
        score({ model: "gpt-4.1", setting: "diff", score: 52.4, asOf: "2024-12-22" }),
      ]));
      const counts = await writeScoreHistory(tx, aider("2025-02-01T00:00:00Z", [score({ model: "gpt-4.1", setting: "diff", score: 52.4, asOf: "2024-12-22" })]));
      expect(counts.changed).toBe(0);
      const open = await tx.select().from(scorePeriods).where(isNull(scorePeriods.validTo));
      expect(open).toHaveLength(2);
    });
  });

  it("collapses repeated observations of one series and date; a disagreeing one is rejected", async () => {
    await withRollback(database().db, async (tx) => {
      await seedSources(tx);
      const counts = await writeScoreHistory(tx, aider("2025-01-01T00:00:00Z", [
        score({ model: "openai/gpt-4o-2024-08-06", setting: "diff", score: 18.2, asOf: "2024-12-21" }),
        score({ model: "gpt-4o-2024-08-06", setting: "diff", score: 18.2, asOf: "2024-12-21" }),
        score({ model: "GPT-4o-2024-08-06", setting: "diff", score: 19, asOf: "2024-12-21" }),
        score({ model: "claude-3-5-haiku-20241022", setting: "diff", score: 28, asOf: "2024-12-21" }),
        score({ model: "claude-3-5-haiku-20241022", setting: "diff", score: 27.5, asOf: "2024-12-21" }),
      ]));
      expect(counts.changed).toBe(2);
      expect(counts.rejected).toEqual([
        { name: "GPT-4o-2024-08-06", reason: expect.stringMatching(/same series as "gpt-4o-2024-08-06" .*different score \(19 vs 18\.2\)/) },
        { name: "claude-3-5-haiku-20241022", reason: expect.stringMatching(/repeated row .*\(27\.5 vs 28\)/) },
      ]);
      expect(await periodsOf(tx, "gpt-4o-2024-08-06")).toMatchObject([{ score: "18.2", rawName: "gpt-4o-2024-08-06" }]);
      expect(await periodsOf(tx, "claude-3-5-haiku-20241022")).toMatchObject([{ score: "28" }]);
    });
  });

  it("counts unmatched names and records them as unmatched aliases", async () => {
    await withRollback(database().db, async (tx) => {
      await seedSources(tx);
      const counts = await writeScoreHistory(tx, aider("2025-01-01T00:00:00Z", [
        score({ model: "mystery-model-x", setting: "diff", score: 12, asOf: "2024-12-21" }),
        score({ model: "gpt-4o-2024-08-06", setting: "diff", score: 18.2, asOf: "2024-12-21" }),
      ]));
      expect(counts).toMatchObject({ parsed: 2, changed: 1, unmatched: 1, rejected: [] });
      expect(await findAlias(tx, "aider", "mystery-model-x")).toMatchObject({ modelId: null, method: "unmatched", note: expect.any(String) });
      expect(await findAlias(tx, "aider", "gpt-4o-2024-08-06")).toMatchObject({ modelId: expect.stringMatching(/^openai\/gpt-4o-/) });
      expect(await countPeriods(tx)).toBe(1);
    });
  });

  it("rejects a score of an unknown benchmark or on the wrong scale, with the reason", async () => {
    await withRollback(database().db, async (tx) => {
      await seedSources(tx);
      const counts = await writeScoreHistory(tx, aider("2025-01-01T00:00:00Z", [
        score({ benchmark: "aider-unknown", model: "gpt-4o-2024-08-06", score: 10, asOf: "2024-12-21" }),
        score({ benchmark: "aider-polyglot", scale: "fraction", model: "gpt-4o-2024-08-06", score: 0.182, asOf: "2024-12-21" }),
      ]));
      expect(counts).toMatchObject({ parsed: 2, changed: 0, unmatched: 0 });
      expect(counts.rejected).toEqual([
        { name: "gpt-4o-2024-08-06", reason: expect.stringMatching(/unknown benchmark "aider-unknown"/) },
        { name: "gpt-4o-2024-08-06", reason: expect.stringMatching(/fraction scale .* percent scale/) },
      ]);
      expect(await countPeriods(tx)).toBe(0);
    });
  });
});

describe(`score history from real payloads (${engine})`, () => {
  const livebenchDocuments = snapshotFolderDocuments("benchmarks", "livebench").filter((document) => !document.name.endsWith(".md"));
  const releases = ["2024_11_25", "2025_05_30", "2026_01_08", "2026_06_25"];

  it("backfills four LiveBench releases in date order into consecutive periods, then re-ingests them unchanged", async () => {
    await withRollback(database().db, async (tx) => {
      await seedSources(tx);
      const input = (at: string, observations: ScoreObservation[]): ScoreWriteInput => ({
        sourceId: "livebench",
        runId: null,
        at: new Date(at),
        benchmarks: livebenchSource.benchmarks,
        observations,
      });

      const all: ScoreObservation[] = [];
      let opened = 0;
      for (const release of releases) {
        const parsed = livebenchSource.parse(
          livebenchDocuments.filter((document) => document.name.includes(release)),
          { observedAt: new Date() },
        ).observations;
        all.push(...parsed);
        const counts = await writeScoreHistory(tx, input(`${release.replaceAll("_", "-")}T12:00:00Z`, parsed));
        expect(counts).toMatchObject({ parsed: parsed.length, rejected: [] });
        expect(counts.unmatched + counts.changed).toBeLessThanOrEqual(parsed.length);
        opened += counts.changed;
      }
      // One date per release: each changed series opened exactly one period.
      const written = await countPeriods(tx, "livebench");
      expect(written).toBe(opened);
      expect(written).toBeGreaterThan(2000);

      // Every recorded period starts on a release date; a series' periods follow each other.
      const rows = await tx.select().from(scorePeriods).where(eq(scorePeriods.sourceId, "livebench"));
      const releaseStarts = new Set(releases.map((release) => `${release.replaceAll("_", "-")}T00:00:00.000Z`));
      const bySeries = new Map<string, typeof rows>();
      for (const row of rows) {
        expect(releaseStarts.has(row.validFrom.toISOString())).toBe(true);
        const key = `${row.modelId}|${row.benchmarkId}|${row.setting}`;
        bySeries.set(key, [...(bySeries.get(key) ?? []), row]);
      }
      let multiPeriod = 0;
      for (const periods of bySeries.values()) {
        periods.sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime());
        expect(periods.filter((p) => p.validTo === null)).toHaveLength(1);
        expect(periods.at(-1)!.validTo).toBeNull();
        for (let i = 1; i < periods.length; i++) {
          expect(periods[i - 1]!.validTo!.getTime()).toBe(periods[i]!.validFrom.getTime());
          expect(sameScore(valueOf(periods[i - 1]!), valueOf(periods[i]!))).toBe(false);
        }
        if (periods.length > 1) multiPeriod++;
      }
      expect(multiPeriod).toBeGreaterThan(0);

      // All four releases at once, later: nothing new.
      const again = await writeScoreHistory(tx, input("2026-08-30T00:00:00Z", all));
      expect(again.changed).toBe(0);
      expect(await countPeriods(tx, "livebench")).toBe(written);
    });
  });

  it("writes the Aider polyglot leaderboard once, however often it is ingested", async () => {
    await withRollback(database().db, async (tx) => {
      await seedSources(tx);
      const { observations } = aiderSource.parse([snapshotDocument("benchmarks", "aider", "polyglot_leaderboard.2025-10-04.cb6a152.yml")], {
        observedAt: new Date("2025-10-05T00:00:00Z"),
      });
      const first = await writeScoreHistory(tx, aider("2025-10-05T00:00:00Z", observations));
      expect(first.parsed).toBe(observations.length);
      const written = await countPeriods(tx, "aider");
      expect(written).toBe(first.changed);
      // One run per model and setting on this board: every matched row is a series of its own.
      expect(written + first.unmatched + first.rejected.length).toBe(observations.length);

      const [gpt5] = await tx
        .select()
        .from(scorePeriods)
        .where(and(eq(scorePeriods.rawName, "gpt-5 (high)"), eq(scorePeriods.setting, "high, diff")));
      expect(gpt5).toMatchObject({ benchmarkId: "aider-polyglot", score: "88", costUsd: "29.0829", validTo: null });
      expect(gpt5!.validFrom.toISOString()).toBe("2025-08-23T00:00:00.000Z");

      const again = await writeScoreHistory(tx, aider("2025-10-06T00:00:00Z", observations));
      expect(again).toMatchObject({ changed: 0, unmatched: first.unmatched });
      expect(await countPeriods(tx, "aider")).toBe(written);
    });
  });
});

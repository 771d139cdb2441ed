/**
 * Database connections terminated while runs write (pg_terminate_backend from an admin
 * connection). The process must stay alive (postgres.js 3.4.9 used to crash it with an
 * uncaught TypeError; vitest fails a file on any uncaught error), each run is retried or
 * recorded failed, the next run succeeds, and the history ends equal (by fingerprint) to
 * that of a run without faults.
 *
 * Server only (describe.runIf(TEST_DATABASE_URL)): PGlite is one in-process connection,
 * with no backend to terminate from another connection.
 */
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { recordPendingOutcomes } from "../../src/db/queries/runs.ts";
import { scrapeRuns } from "../../src/db/schema/index.ts";
import { runBackfill, type BackfillResult } from "../../src/jobs/backfill.ts";
import { replayLoader } from "../../src/jobs/load-documents.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from "../helpers/database.ts";
import { historyFingerprint } from "../helpers/fingerprint.ts";
import { snapshotPath } from "../helpers/snapshots.ts";
import { backendKiller, type BackendKiller } from "./backend-killer.ts";

const LITELLM = snapshotPath("prices/litellm");
const payloads = (count: number) =>
  readdirSync(LITELLM)
    .filter((name) => name.startsWith("model_prices_"))
    .sort()
    .slice(0, count);

/** A folder of the first `count` LiteLLM payloads (links to the snapshots, never copies). */
function payloadFolder(count: number): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "pricewar-faults-"));
  for (const name of payloads(count)) symlinkSync(join(LITELLM, name), join(dir, name));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe.runIf(TEST_DATABASE_URL)("connections terminated while runs write (server only)", () => {
  // The first twelve LiteLLM payloads (2023-11-14 .. 2025-02-28, up to 656 prices each), so that a run's write fits between two kills.
  const COUNT = 12;
  let clean: TestDatabase;
  let faulted: TestDatabase;
  let killer: BackendKiller;
  /** The entries a run without faults fails too (payloads the integrity gate refuses): the same fate is expected under faults. */
  let statusWithoutFaults: Map<string, string>;
  let reference: BackfillResult;
  const folder = payloadFolder(COUNT);
  beforeAll(async () => {
    [clean, faulted] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    killer = backendKiller(faulted.url!);
    reference = await runBackfill(clean.db, litellmSource, folder.dir);
    statusWithoutFaults = new Map(reference.runs.map((run) => [run.entry, run.status]));
    expect(reference.stopped).toBe(false);
    // Two databases and a 12-payload backfill: ~7 s on an idle machine, over 60 s at load average 30.
  }, 180_000);
  afterAll(async () => {
    await killer?.close();
    await Promise.all([clean?.close(), faulted?.close()]);
    folder.remove();
  });

  it("a write transaction killed mid-write is retried: every run succeeds on its next attempt", async () => {
    const first = payloadFolder(6);
    try {
      // Kill the first attempt of every run's write transaction, each at another moment of it.
      const delays = [0, 3, 7, 12, 20, 35];
      let stop = false;
      const killing = (async () => {
        for (let i = 0; !stop; i++) {
          const kill = await killer.killWriteTransaction(delays[i % delays.length]!, 2_000);
          // Spare the retry, so that each run is killed once.
          if (kill) await killer.spareNextWriteTransaction(kill.pid);
        }
      })();
      const result = await runBackfill(faulted.db, litellmSource, first.dir);
      stop = true;
      await killing;
      expect(killer.kills.length).toBeGreaterThanOrEqual(3);
      // Each run's entry, status and (when it failed) error, so that a failure says what the database did.
      const outcome = (entry: string, status: string | undefined, error: string | null) => `${entry}: ${status}${status === "failed" ? ` (${error})` : ""}`;
      const referenceErrors = new Map(reference.runs.map((run) => [run.entry, run.error]));
      expect(result.runs.map((run) => outcome(run.entry, run.status, run.error))).toEqual(
        payloads(6).map((name) => outcome(name, statusWithoutFaults.get(name), referenceErrors.get(name) ?? null)),
      );
    } finally {
      first.remove();
    }
  }, 60_000);

  it(
    "survives 20+ terminations at different statements of runs; resuming the backfill ends with the clean history",
    async () => {
      const before = killer.kills.length;
      let stop = false;
      // Every busy backend of the database, at uneven moments: write transactions, run bookkeeping, heartbeats, reads.
      const killing = (async () => {
        for (let i = 0; !stop && killer.kills.length - before < 24; i++) {
          await new Promise((resolve) => setTimeout(resolve, 150 + ((i * 53) % 250)));
          await killer.killBusyBackends();
        }
      })();
      // A backfill that the faults stop (a run whose retries all failed) is resumed, still under faults, like an operator would.
      const rounds: string[] = [];
      for (let round = 0; round < 20; round++) {
        const result: BackfillResult | Error = await runBackfill(faulted.db, litellmSource, folder.dir).catch((error: Error) => error);
        if (result instanceof Error) rounds.push(`threw: ${result.message}`);
        else rounds.push(`${result.runs.filter((run) => run.status === "succeeded").length} ingested, ${result.runs.filter((run) => run.status === "failed").length} failed${result.stopped ? ", stopped" : ""}`);
        if (!(result instanceof Error) && !result.stopped) break;
      }
      // Then daily scrapes of the newest payload, still under faults, until the faults are done: each is tried until it succeeds.
      const scrapeDays: Date[] = [];
      const scrape = (db: TestDatabase["db"], at: Date) =>
        runSource(db, litellmSource, { trigger: "replay", at, load: replayLoader(join(LITELLM, payloads(COUNT).at(-1)!)) });
      let failedScrapes = 0;
      while (killer.kills.length - before < 24) {
        const at = new Date(Date.UTC(2025, 2, 1 + scrapeDays.length));
        const outcome = await scrape(faulted.db, at).catch((error: Error) => ({ status: "failed", error: error.message }));
        if (outcome.status === "succeeded") scrapeDays.push(at);
        else failedScrapes++;
      }
      rounds.push(`${scrapeDays.length} daily scrapes, ${failedScrapes} failed and tried again`);
      stop = true;
      await killing;
      const kills = killer.kills.slice(before);
      const statements = new Set(kills.map((kill) => kill.statement));
      process.stdout.write(
        `faults: ${kills.length} terminations over ${statements.size} kinds of statement (${[...statements].join("; ")}); backfill rounds under faults: ${rounds.join(" | ")}\n`,
      );
      expect(kills.length).toBeGreaterThanOrEqual(20);
      expect(statements.size).toBeGreaterThanOrEqual(4);

      // The database is back: outcomes it could not take are recorded, the backfill resumes, and every payload ends as it does without faults.
      expect(await recordPendingOutcomes()).toBe(0);
      const resumed = await runBackfill(faulted.db, litellmSource, folder.dir);
      expect(resumed.stopped).toBe(false);
      for (const run of resumed.runs) expect([run.entry, run.status]).toEqual([run.entry, statusWithoutFaults.get(run.entry)]);
      for (const entry of resumed.alreadyIngested) expect([entry, statusWithoutFaults.get(entry)]).toEqual([entry, "succeeded"]);

      const runs = await faulted.db.select().from(scrapeRuns);
      expect(runs.filter((run) => run.status === "running")).toEqual([]);
      // Stored errors are short and say what happened.
      for (const run of runs.filter((r) => r.status === "failed")) expect(run.error!.length).toBeLessThan(300);

      // The clean database gets the same scrapes, and the next run after the faults succeeds on both.
      for (const at of scrapeDays) expect((await scrape(clean.db, at)).status).toBe("succeeded");
      const nextDay = new Date(Date.UTC(2025, 2, 1 + scrapeDays.length));
      expect([(await scrape(faulted.db, nextDay)).status, (await scrape(clean.db, nextDay)).status]).toEqual(["succeeded", "succeeded"]);

      const expected = await historyFingerprint(clean.db);
      const actual = await historyFingerprint(faulted.db);
      expect(actual.counts).toEqual(expected.counts);
      expect(actual.lines).toEqual(expected.lines);
    },
    120_000,
  );
});

/**
 * An interrupted backfill resumes from the first payload it did not ingest, and the history
 * it ends with equals an uninterrupted one (compared by fingerprint), on both databases.
 * The interruption is what a crash or a shutdown leaves: a stop between payloads, and the
 * dead process's run still "running".
 */
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { scrapeRuns } from "../../src/db/schema/index.ts";
import { waitForSourceFree } from "../../src/db/queries/runs.ts";
import { runBackfill } from "../../src/jobs/backfill.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { historyFingerprint } from "../helpers/fingerprint.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

// The first nine LiteLLM payloads (2023-11-14 .. 2024-11-27), two of them on one day.
const PAYLOADS = readdirSync(snapshotPath("prices/litellm"))
  .filter((name) => name.startsWith("model_prices_"))
  .sort()
  .slice(0, 9);

describe("backfill resume", () => {
  let clean: TestDatabase;
  let interrupted: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), "pricewar-resume-"));
  beforeAll(async () => {
    for (const name of PAYLOADS) symlinkSync(snapshotPath("prices/litellm", name), join(dir, name));
    [clean, interrupted] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([clean?.close(), interrupted?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("picks up at the first payload it did not ingest and ends with the history of an uninterrupted backfill", async () => {
    const reference = await runBackfill(clean.db, litellmSource, dir);
    expect(reference.runs.map((run) => run.status)).toEqual(PAYLOADS.map(() => "succeeded"));

    // Interrupted after the fourth payload, as a shutdown does it...
    const stop = new AbortController();
    const first = await runBackfill(interrupted.db, litellmSource, dir, {
      signal: stop.signal,
      progress: (line) => line.startsWith("[4/") && stop.abort(),
    });
    expect(first.stopped).toBe(true);
    expect(first.runs).toHaveLength(4);
    // ...and with the run of a process that died while ingesting the fifth still "running".
    await interrupted.db.insert(scrapeRuns).values({
      sourceId: litellmSource.id,
      trigger: "backfill",
      observedAt: new Date("2024-11-08T00:00:00Z"),
      instanceId: "crashed-host:99:000000",
      startedAt: sql`now() - interval '2 minutes'`,
      heartbeatAt: sql`now() - interval '2 minutes'`,
    });

    await waitForSourceFree(interrupted.db, litellmSource.id, { pollMs: 50 });
    const progress: string[] = [];
    const resumed = await runBackfill(interrupted.db, litellmSource, dir, { progress: (line) => progress.push(line) });
    expect(resumed.alreadyIngested).toEqual(first.runs.map((run) => run.entry));
    expect(resumed.runs.map((run) => run.entry)).toEqual(reference.runs.slice(4).map((run) => run.entry));
    expect(resumed.runs.every((run) => run.status === "succeeded")).toBe(true);
    expect(progress[0]).toBe(`resuming at ${reference.runs[4]!.entry}: 4 payloads already ingested`);

    const expected = await historyFingerprint(clean.db);
    const actual = await historyFingerprint(interrupted.db);
    expect(expected.counts.changeEvents).toBeGreaterThan(100);
    expect(actual.counts).toEqual(expected.counts);
    expect(actual.lines).toEqual(expected.lines);
  });

  it("skips every payload once all are ingested, changing nothing", async () => {
    const before = await historyFingerprint(interrupted.db);
    const again = await runBackfill(interrupted.db, litellmSource, dir);
    expect(again.runs).toEqual([]);
    expect(again.alreadyIngested).toHaveLength(PAYLOADS.length);
    expect((await historyFingerprint(interrupted.db)).digest).toBe(before.digest);
  });
});

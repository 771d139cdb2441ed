/**
 * Shutdown in the middle of a first-start backfill (replay mode, OpenRouter's five dated
 * payloads): the stop leaves no run "running", the backfill stops between payloads, and
 * the next start resumes it, ending with the history of an uninterrupted backfill (by
 * fingerprint). Both databases.
 */
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openrouterSource } from "../../scrapers/openrouter/index.ts";
import { scrapeRuns } from "../../src/db/schema/index.ts";
import { Scheduler } from "../../src/jobs/scheduler/scheduler.ts";
import { resolveSchedules } from "../../src/jobs/scheduler/schedules.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { historyFingerprint } from "../helpers/fingerprint.ts";
import { SNAPSHOTS_ROOT } from "../helpers/snapshots.ts";

const schedulerOn = (database: TestDatabase) =>
  new Scheduler({
    connection: database,
    // No tick during the test: only the first start runs.
    schedules: resolveSchedules([openrouterSource], { "*": { cron: "0 0 1 1 *" } }),
    logger: pino({ level: "silent" }),
    env: { HTTP_TIMEOUT_MS: 30_000 },
    replayDir: SNAPSHOTS_ROOT,
  });

describe("shutdown during a first-start backfill", () => {
  let clean: TestDatabase;
  let interrupted: TestDatabase;
  beforeAll(async () => {
    [clean, interrupted] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([clean?.close(), interrupted?.close()]);
  });

  it("leaves no run running, and the next start resumes the backfill to the uninterrupted history", async () => {
    const reference = schedulerOn(clean);
    const all = await reference.start();
    await reference.stop();
    const payloads = all.get(openrouterSource.id);
    expect(payloads?.status === "ran" && payloads.runs.length).toBe(5);

    const first = schedulerOn(interrupted);
    const starting = first.start();
    const runsOf = (status: "succeeded" | "running") =>
      interrupted.db.select().from(scrapeRuns).where(eq(scrapeRuns.status, status));
    await expect.poll(async () => (await runsOf("succeeded")).length, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(1);
    await first.stop();
    const cut = await starting;
    const cutRuns = cut.get(openrouterSource.id);
    expect(cutRuns?.status === "ran" && cutRuns.runs.length).toBeLessThan(5);
    expect(await runsOf("running")).toEqual([]);

    const second = schedulerOn(interrupted);
    const resumed = await second.start();
    await second.stop();
    const resumedRuns = resumed.get(openrouterSource.id);
    expect(resumedRuns?.status === "ran" && resumedRuns.runs.length).toBe(5 - (cutRuns?.status === "ran" ? cutRuns.runs.length : 0));
    expect((await historyFingerprint(interrupted.db)).lines).toEqual((await historyFingerprint(clean.db)).lines);
  });
});

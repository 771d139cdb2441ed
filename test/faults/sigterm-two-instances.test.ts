/**
 * SIGTERM to two `pricewar start` processes sharing one Postgres database while their
 * schedulers run (replay mode, a 2-second schedule, first-start backfills under way): both
 * exit cleanly and no run is left recorded as "running" (this once left a committed run
 * "running"). Every run that did not finish says why.
 *
 * Server only (describe.runIf(TEST_DATABASE_URL)): two processes cannot share a PGlite folder.
 */
import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { scrapeRuns } from "../../src/db/schema/index.ts";
import { startService } from "../helpers/cli.ts";
import { TEST_DATABASE_URL, useTestDatabase } from "../helpers/database.ts";
import { SNAPSHOTS_ROOT } from "../helpers/snapshots.ts";

describe.runIf(TEST_DATABASE_URL)("SIGTERM to two instances (server only)", () => {
  const database = useTestDatabase();

  it("leaves no run recorded as running", async () => {
    const env = {
      DATABASE_URL: database().url!,
      PRICEWAR_SCHEDULER: "true",
      PRICEWAR_REPLAY_DIR: SNAPSHOTS_ROOT,
      PRICEWAR_SCHEDULES: JSON.stringify({
        "*": { enabled: false, cron: "*/2 * * * * *" },
        litellm: { enabled: true },
        openrouter: { enabled: true },
        langfuse: { enabled: true },
      }),
    };
    const services = await Promise.all([startService(env), startService(env)]);
    // Mid-way: once both have recorded runs (LiteLLM's 17-payload backfill takes longer, the
    // others are ticking), not after a fixed time: on a loaded machine 6 s saw only 3 runs.
    const recorded = async () => (await database().db.select({ id: scrapeRuns.id }).from(scrapeRuns)).length;
    for (let waited = 0; (await recorded()) <= 3 && waited < 60_000; waited += 500) await delay(500);
    const codes = await Promise.all(services.map((service) => service.stop("SIGTERM")));
    expect(codes).toEqual([0, 0]);

    const runs = await database().db.select().from(scrapeRuns);
    expect(runs.length).toBeGreaterThan(3);
    expect(runs.filter((run) => run.status === "running")).toEqual([]);
    for (const run of runs.filter((r) => r.status === "failed")) {
      expect(run.error).toMatch(/^(run aborted: the service is shutting down|interrupted: the service shut down)/);
    }
  }, 180_000);
});

/**
 * A run left "running" by a process that died (its heartbeat stopped) is failed by any
 * instance's scheduler within a minute, whatever its source's schedule: the scheduler
 * sweeps every source's runs at start and every 15 s. Both databases.
 */
import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { langfuseSource } from "../../scrapers/langfuse/index.ts";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { syncSources } from "../../src/db/queries/catalogue.ts";
import { scrapeRuns } from "../../src/db/schema/index.ts";
import { Scheduler } from "../../src/jobs/scheduler/scheduler.ts";
import { resolveSchedules } from "../../src/jobs/scheduler/schedules.ts";
import { useTestDatabase } from "../helpers/database.ts";

const database = useTestDatabase();

describe("runs of dead processes", () => {
  it("are failed by a scheduler that never ticks their source, a live one's run is left alone", async () => {
    const { db } = database();
    await syncSources(db, [langfuseSource, litellmSource]);
    const leftBy = (sourceId: string, instanceId: string, ageSeconds: number) =>
      db
        .insert(scrapeRuns)
        .values({
          sourceId,
          trigger: "schedule",
          observedAt: new Date(Date.now() - ageSeconds * 1000),
          instanceId,
          startedAt: sql`now() - make_interval(secs => ${ageSeconds})`,
          heartbeatAt: sql`now() - make_interval(secs => ${ageSeconds})`,
        })
        .returning()
        .then(([row]) => row!);
    const dead = await leftBy(langfuseSource.id, "crashed-host:7:aaaaaa", 50);
    const live = await leftBy(litellmSource.id, "busy-host:8:bbbbbb", 5);

    // A yearly schedule: no tick will come; the source has run, so no first start either.
    const scheduler = new Scheduler({
      connection: database(),
      schedules: resolveSchedules([langfuseSource], { "*": { cron: "0 0 1 1 *" } }),
      logger: pino({ level: "silent" }),
      env: { HTTP_TIMEOUT_MS: 30_000 },
    });
    try {
      await scheduler.start();
      const run = async (id: number) => (await db.select().from(scrapeRuns).where(eq(scrapeRuns.id, id)))[0]!;
      await expect.poll(async () => (await run(dead.id)).status, { timeout: 5_000, interval: 100 }).toBe("failed");
      expect((await run(dead.id)).error).toBe("abandoned: instance crashed-host:7:aaaaaa stopped heartbeating");
      expect((await run(live.id)).status).toBe("running");
    } finally {
      await scheduler.stop();
    }
  });
});

/**
 * Run leases and write transactions on a real database (PGlite, or the server of
 * TEST_DATABASE_URL): a dead process's run never blocks its source, a live one is
 * waited for, shutdown records the runs it leaves, run errors are stored short, and a
 * transient database error is retried with a clear message when it persists.
 */
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { litellmSource } from "../../scrapers/litellm/index.ts";
import { syncSources } from "../../src/db/queries/catalogue.ts";
import {
  abandonOwnRuns,
  failAbandonedRuns,
  finishRun,
  INSTANCE_ID,
  ownLiveRunIds,
  RunAlreadyActiveError,
  startRun,
  waitForSourceFree,
} from "../../src/db/queries/runs.ts";
import { scrapeRuns } from "../../src/db/schema/index.ts";
import { retryTransient, TransientDatabaseError, withWriteTransaction } from "../../src/db/write-transaction.ts";
import { useTestDatabase } from "../helpers/database.ts";

const database = useTestDatabase();
const SOURCE = litellmSource.id;

async function runRow(id: number) {
  const [row] = await database().db.select().from(scrapeRuns).where(sql`${scrapeRuns.id} = ${id}`);
  return row!;
}

/** A run as a process on another host would have left it, its heartbeat `ageSeconds` old. */
async function foreignRun(ageSeconds: number): Promise<number> {
  await syncSources(database().db, [litellmSource]);
  const [row] = await database()
    .db.insert(scrapeRuns)
    .values({
      sourceId: SOURCE,
      trigger: "backfill",
      observedAt: new Date("2025-01-01T00:00:00Z"),
      instanceId: "other-host:4242:abcdef",
      startedAt: sql`now() - make_interval(secs => ${ageSeconds})`,
      heartbeatAt: sql`now() - make_interval(secs => ${ageSeconds})`,
    })
    .returning();
  return row!.id;
}

const clearRuns = () => database().db.delete(scrapeRuns);

describe("run leases", () => {
  it("records the instance and a heartbeat on every run", async () => {
    await clearRuns();
    await syncSources(database().db, [litellmSource]);
    const run = await startRun(database().db, SOURCE, "manual", new Date());
    expect(run.instanceId).toBe(INSTANCE_ID);
    expect(run.heartbeatAt).toBeInstanceOf(Date);
    expect(ownLiveRunIds()).toContain(run.id);
    await finishRun(database().db, run.id, { status: "succeeded" });
    expect(ownLiveRunIds()).not.toContain(run.id);
    expect((await runRow(run.id)).status).toBe("succeeded");
  });

  it("fails a dead process's run (heartbeat over 45 s old) and starts the new one instead of refusing", async () => {
    await clearRuns();
    const dead = await foreignRun(60);
    const run = await startRun(database().db, SOURCE, "manual", new Date());
    const failed = await runRow(dead);
    expect(failed).toMatchObject({ status: "failed", error: "abandoned: instance other-host:4242:abcdef stopped heartbeating" });
    expect(failed.finishedAt).toBeInstanceOf(Date);
    await finishRun(database().db, run.id, { status: "succeeded" });
  });

  it("fails at once a fresh run of this instance that it does not hold (an insert confirmed only after its connection died), and starts anew", async () => {
    await clearRuns();
    await syncSources(database().db, [litellmSource]);
    // What the lost first attempt of startRun's insert leaves: this instance's run, its heartbeat fresh, that no timer of this process renews.
    const [orphan] = await database()
      .db.insert(scrapeRuns)
      .values({ sourceId: SOURCE, trigger: "backfill", observedAt: new Date("2025-01-01T00:00:00Z"), instanceId: INSTANCE_ID, heartbeatAt: sql`now()` })
      .returning();
    const run = await startRun(database().db, SOURCE, "manual", new Date());
    expect(await runRow(orphan!.id)).toMatchObject({ status: "failed", error: "abandoned: its start was confirmed only after its connection was lost" });
    expect((await runRow(run.id)).status).toBe("running");
    await finishRun(database().db, run.id, { status: "succeeded" });
  });

  it("refuses a second run while the first one's lease is alive, and the CLI's wait returns once it ends", async () => {
    await clearRuns();
    const live = await foreignRun(5);
    await expect(startRun(database().db, SOURCE, "manual", new Date())).rejects.toBeInstanceOf(RunAlreadyActiveError);
    expect(await failAbandonedRuns(database().db, SOURCE)).toBe(0);

    const waits: number[] = [];
    const waiting = waitForSourceFree(database().db, SOURCE, { pollMs: 50, onWait: (run) => waits.push(run.id) });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await database().db.update(scrapeRuns).set({ status: "succeeded", finishedAt: new Date() }).where(sql`${scrapeRuns.id} = ${live}`);
    await waiting;
    expect(waits).toEqual([live]);
  });

  it("the CLI's wait fails a dead run at once instead of waiting for it", async () => {
    await clearRuns();
    const dead = await foreignRun(120);
    const waits: number[] = [];
    await waitForSourceFree(database().db, SOURCE, { pollMs: 50, onWait: (run) => waits.push(run.id) });
    expect(waits).toEqual([]);
    expect((await runRow(dead)).status).toBe("failed");
  });

  it("never fails this process's own live run, however old its heartbeat looks", async () => {
    await clearRuns();
    await syncSources(database().db, [litellmSource]);
    const run = await startRun(database().db, SOURCE, "manual", new Date());
    await database()
      .db.update(scrapeRuns)
      .set({ heartbeatAt: sql`now() - interval '10 minutes'` })
      .where(sql`${scrapeRuns.id} = ${run.id}`);
    expect(await failAbandonedRuns(database().db)).toBe(0);
    expect((await runRow(run.id)).status).toBe("running");
    await finishRun(database().db, run.id, { status: "succeeded" });
  });

  it("shutdown records every run it leaves as failed, with the reason and the instance", async () => {
    await clearRuns();
    await syncSources(database().db, [litellmSource]);
    const run = await startRun(database().db, SOURCE, "schedule", new Date());
    expect(await abandonOwnRuns(database().db, "interrupted: the service shut down before the run finished")).toBe(1);
    expect(await runRow(run.id)).toMatchObject({
      status: "failed",
      error: `interrupted: the service shut down before the run finished (instance ${INSTANCE_ID})`,
    });
    expect(ownLiveRunIds()).not.toContain(run.id);
  });

  it("stores a short error instead of drizzle's dump of SQL and parameters", async () => {
    await clearRuns();
    await syncSources(database().db, [litellmSource]);
    const run = await startRun(database().db, SOURCE, "manual", new Date());
    const dump = `Failed query: insert into "price_periods" ("id", "offering_id") values (default, $1), (default, $2)\nparams: ${"12345,".repeat(12_000)}`;
    expect(dump.length).toBeGreaterThan(60_000);
    await finishRun(database().db, run.id, { status: "failed", error: dump });
    const stored = (await runRow(run.id)).error!;
    expect(stored.length).toBeLessThan(200);
    expect(stored).toMatch(/^database query failed: insert into "price_periods"/);
  });
});

/** An error shaped as drizzle throws it: its message the SQL dump, the Postgres error its cause. */
function drizzleError(code: string, message: string): Error {
  const cause = Object.assign(new Error(message), { code });
  return new Error(`Failed query: update "offerings" set x = $1\nparams: ${"1,".repeat(30_000)}`, { cause });
}

describe("transient database errors", () => {
  const fast = { retry: { retries: 3, baseMs: 1 } };

  it("retries a deadlocked write transaction and commits the attempt that succeeds", async () => {
    await clearRuns();
    await syncSources(database().db, [litellmSource]);
    let attempts = 0;
    const retried: string[] = [];
    const id = await withWriteTransaction(
      database().db,
      async (tx) => {
        attempts++;
        const [row] = await tx
          .insert(scrapeRuns)
          .values({ sourceId: SOURCE, trigger: "manual", status: "succeeded", observedAt: new Date(`2025-02-0${attempts}T00:00:00Z`) })
          .returning();
        if (attempts < 3) throw drizzleError("40P01", "deadlock detected");
        return row!.id;
      },
      { ...fast, onRetry: (attempt, error) => retried.push(`${attempt}: ${(error as Error).cause instanceof Error ? "deadlock" : "?"}`) },
    );
    expect(attempts).toBe(3);
    expect(retried).toEqual(["1: deadlock", "2: deadlock"]);
    // The failed attempts were rolled back: only the third insert is there.
    const rows = await database().db.select().from(scrapeRuns);
    expect(rows.map((row) => row.id)).toEqual([id]);
    expect(rows[0]!.observedAt.toISOString()).toBe("2025-02-03T00:00:00.000Z");
  });

  it("gives up after its retries with a short message that names the cause and the retries", async () => {
    let attempts = 0;
    const failing = withWriteTransaction(
      database().db,
      async () => {
        attempts++;
        throw drizzleError("40P01", "deadlock detected");
      },
      fast,
    );
    await expect(failing).rejects.toBeInstanceOf(TransientDatabaseError);
    await expect(failing).rejects.toThrow(/^database deadlock detected \(retried 3 times\)$/);
    expect(attempts).toBe(4);
  });

  it("does not retry an error that is not transient, and turns drizzle's dump into the driver's reason", async () => {
    let attempts = 0;
    const failing = withWriteTransaction(database().db, async () => {
      attempts++;
      throw drizzleError("23514", 'new row for relation "price_periods" violates check constraint "price_periods_non_negative"');
    });
    await expect(failing).rejects.toThrow(
      'database write failed: new row for relation "price_periods" violates check constraint "price_periods_non_negative"',
    );
    expect(attempts).toBe(1);
  });

  it("retries a lost connection the same way outside a transaction", async () => {
    let attempts = 0;
    const value = await retryTransient(async () => {
      if (++attempts === 1) throw Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" });
      return "ok";
    }, fast);
    expect({ value, attempts }).toEqual({ value: "ok", attempts: 2 });
  });
});

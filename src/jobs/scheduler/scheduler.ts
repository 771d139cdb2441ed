/**
 * The scheduler inside `pricewar start`: one node-cron task per enabled source, a first
 * run for every source that has never run, a hard deadline per run, and a clean stop.
 *
 * Once per tick, across instances: every run of a source happens under that source's
 * lock (source-locks.ts: a Postgres advisory lock, or an in-process one on PGlite), and
 * under the lock the scheduler first checks whether a run observed at this tick already
 * exists. A tick is node-cron's scheduled slot (whole seconds), not the instance's clock
 * reading, so instances whose clocks or timers are a few hundred ms apart name the same
 * tick; the run records it as its observation time. Whichever instance gets the lock
 * first runs the tick; one that arrives while the run is going finds the lock taken,
 * one that arrives later finds the run. Two runs of a source never overlap: the lock
 * across instances and this process's pending set within it, with the database's
 * one-running-run index as the last word against runs started elsewhere (the CLI).
 */
import { join } from "node:path";
import { createTask, type Logger as CronLogger, type ScheduledTask } from "node-cron";
import type { Logger } from "../../config/logger.ts";
import type { DatabaseConnection } from "../../db/client.ts";
import { refreshModelPointers } from "../../db/queries/model-merge.ts";
import { abandonOwnRuns, failAbandonedRuns, recordPendingOutcomes, RunAlreadyActiveError, type RunTrigger } from "../../db/queries/runs.ts";
import { runBackfill } from "../backfill.ts";
import { dateInName, observationTime } from "../backfill-plan.ts";
import { liveLoader } from "../load-documents.ts";
import { planReplay, replayLayout, replayPathsLoader, type ReplayPlan } from "../replay-map.ts";
import { runSource, type DocumentLoader, type RunSummary, type SecretEnv } from "../run-source.ts";
import type { DataChangeBus } from "./data-change-bus.ts";
import { createLimiter, type Limiter } from "./limiter.ts";
import { hasAnyRun, hasRunAtTick, sourcesWithRuns } from "./run-queries.ts";
import type { SourceSchedule } from "./schedules.ts";
import { abortable, RunTimeoutError, SchedulerStoppedError } from "./run-deadline.ts";
import { sourceLocksFor, type SourceLocks } from "./source-locks.ts";

export type SkipReason =
  /** The scheduler is stopping. */
  | "stopping"
  /** This process already has a run of the source pending or going. */
  | "overlap"
  /** Another instance (or scheduler) holds the source, or a run started elsewhere is going. */
  | "busy"
  /** A run observed at this tick exists: another instance ran it. */
  | "already-ran";

export type TickOutcome =
  | { status: "ran"; runs: RunSummary[] }
  | { status: "skipped"; reason: SkipReason }
  | { status: "error"; error: string };

export interface FinishedRun {
  sourceId: string;
  status: RunSummary["status"];
  changed: number;
  /** Unknown for the runs of a backfill, which times its own runs. */
  durationMs?: number;
  timedOut: boolean;
}

/** Where run results go besides the logs (the service's metrics). */
export interface SchedulerObserver {
  runFinished(run: FinishedRun): void;
  tickSkipped(sourceId: string, reason: SkipReason): void;
}

export interface SchedulerOptions {
  connection: Pick<DatabaseConnection, "db" | "sql">;
  schedules: readonly SourceSchedule[];
  logger: Logger;
  /** API keys, and HTTP_TIMEOUT_MS as the cap on one request. */
  env: SecretEnv & { HTTP_TIMEOUT_MS: number };
  /** Replay mode: read payloads from this snapshots folder instead of the network (see replay-map.ts). */
  replayDir?: string;
  /** Told of every run that changed rows. */
  bus?: DataChangeBus;
  observer?: SchedulerObserver;
  /** Runs going at once in this process, ticks and first runs together. */
  concurrency?: number;
  /** Sources the first start runs at once, so the service keeps serving meanwhile. */
  startupConcurrency?: number;
}

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_STARTUP_CONCURRENCY = 2;
const ABANDONED_RUN_SWEEP_MS = 15_000;
/** How late a tick may still run when the event loop was busy (a large parse on PGlite), rather than be missed. */
const MISSED_TICK_TOLERANCE_MS = 60_000;

export class Scheduler {
  private readonly db: SchedulerOptions["connection"]["db"];
  private readonly locks: SourceLocks;
  private readonly limiter: Limiter;
  private readonly schedules: ReadonlyMap<string, SourceSchedule>;
  private readonly plans = new Map<string, Promise<ReplayPlan>>();
  private readonly tasks: ScheduledTask[] = [];
  private readonly pending = new Set<string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly aborters = new Set<AbortController>();
  private stopping = false;
  private sweeper: NodeJS.Timeout | undefined;
  /** Aborted by stop(): tells a first-start backfill to stop between payloads. */
  private readonly stopSignal = new AbortController();

  constructor(private readonly options: SchedulerOptions) {
    this.db = options.connection.db;
    this.locks = sourceLocksFor(options.connection);
    this.limiter = createLimiter(options.concurrency ?? DEFAULT_CONCURRENCY);
    this.schedules = new Map(options.schedules.map((schedule) => [schedule.source.id, schedule]));
  }

  private get logger(): Logger {
    return this.options.logger;
  }

  private get enabled(): SourceSchedule[] {
    return [...this.schedules.values()].filter((schedule) => schedule.enabled);
  }

  /** Starts the cron tasks and, in the background, the first runs; resolves with the first runs' outcomes. */
  start(): Promise<Map<string, TickOutcome>> {
    for (const schedule of this.enabled) this.tasks.push(this.cronTask(schedule));
    void this.sweepAbandonedRuns();
    this.sweeper = setInterval(() => void this.sweepAbandonedRuns(), ABANDONED_RUN_SWEEP_MS);
    this.sweeper.unref();
    this.logger.info(
      { sources: this.enabled.map(({ source }) => `${source.id} ${source.schedule.cron} (${source.schedule.tz})`), replayDir: this.options.replayDir },
      `scheduler started: ${this.tasks.length} sources`,
    );
    return this.runFirstStart();
  }

  private cronTask(schedule: SourceSchedule): ScheduledTask {
    const { id, schedule: cron } = schedule.source;
    const task = createTask(cron.cron, (context) => this.runTick(id, context.date), {
      name: `pricewar:${id}`,
      timezone: cron.tz,
      missedExecutionTolerance: MISSED_TICK_TOLERANCE_MS,
      logger: cronLogger(this.logger),
    });
    task.on("execution:missed", (context) => this.logger.warn({ source: id, tick: context.date }, "tick missed"));
    void task.start();
    return task;
  }

  /** One tick of one source: the cron handler, also called directly with a chosen tick. */
  runTick(sourceId: string, tick: Date): Promise<TickOutcome> {
    return this.track(this.tick(sourceId, tick));
  }

  private async tick(sourceId: string, tick: Date): Promise<TickOutcome> {
    const schedule = this.scheduleOf(sourceId);
    const at = new Date(Math.floor(tick.getTime() / 1000) * 1000);
    const outcome = await this.exclusive(schedule, () => hasRunAtTick(this.db, sourceId, at), async () => {
      const trigger = this.options.replayDir ? "replay" : "schedule";
      return [await this.execute(schedule, trigger, at, (signal) => this.tickLoader(schedule, signal))];
    });
    if (outcome.status === "skipped") this.logger.debug({ source: sourceId, tick: at, reason: outcome.reason }, "tick skipped");
    return outcome;
  }

  /**
   * Every enabled source that has never run runs once now (replay mode: its history
   * first), a few at a time; a source that ran meanwhile (elsewhere) is skipped.
   */
  runFirstStart(): Promise<Map<string, TickOutcome>> {
    return this.track(this.firstStart());
  }

  private async firstStart(): Promise<Map<string, TickOutcome>> {
    const ran = await sourcesWithRuns(this.db);
    const due = this.enabled.filter(({ source }) => !ran.has(source.id) || this.resumesBackfill(source));
    const outcomes = new Map<string, TickOutcome>();
    if (due.length === 0) return outcomes;
    this.logger.info({ sources: due.map(({ source }) => source.id) }, `first start: ${due.length} sources that never ran or resume their replay backfill`);
    // PGlite answers one query at a time: two first runs at once overlap little and hold two payloads' worth of memory.
    const embedded = this.options.connection.sql === undefined;
    const startup = createLimiter(this.options.startupConcurrency ?? (embedded ? 1 : DEFAULT_STARTUP_CONCURRENCY));
    await Promise.all(
      due.map((schedule) =>
        startup.run(async () => {
          const id = schedule.source.id;
          const alreadyDone = this.resumesBackfill(schedule.source) ? async () => false : () => hasAnyRun(this.db, id);
          outcomes.set(id, await this.exclusive(schedule, alreadyDone, () => this.firstRuns(schedule)));
        }),
      ),
    );
    const byStatus = (status: RunSummary["status"]) =>
      [...outcomes].filter(([, outcome]) => outcome.status === "ran" && outcome.runs.at(-1)?.status === status).map(([id]) => id);
    // The models a floating name points to exist only now, on a database that was empty at start.
    const pointers = await refreshModelPointers(this.db).catch((error: unknown) => {
      this.logger.error({ err: error }, "floating-name pointers not refreshed");
      return 0;
    });
    this.logger.info({ succeeded: byStatus("succeeded"), failed: byStatus("failed"), disabled: byStatus("disabled"), pointers }, "first start finished");
    return outcomes;
  }

  /**
   * Replay mode: a source whose recorded history is a dated folder runs its backfill at
   * every start, which skips the payloads already ingested: a first-start backfill cut by a
   * shutdown or a crash resumes where it stopped. (A payload that failed for its content is
   * tried again, and fails again, writing nothing.)
   */
  private resumesBackfill(source: SourceSchedule["source"]): boolean {
    return this.options.replayDir !== undefined && replayLayout(source).kind === "dated-folder";
  }

  /**
   * Stops the cron tasks and aborts the runs still loading their payload (they have written
   * nothing and are recorded failed); a run already writing finishes its transaction, and a
   * first-start backfill stops after its current payload (the next start resumes it). Waits
   * up to `graceMs` for all of it, then records every run this process still holds as
   * failed, so none is left "running" once the database closes.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    this.stopSignal.abort(new SchedulerStoppedError());
    clearInterval(this.sweeper);
    await Promise.all(this.tasks.map((task) => task.destroy()));
    for (const controller of this.aborters) controller.abort(new SchedulerStoppedError());
    if (!(await settlesWithin(this.inFlight, graceMs))) {
      this.logger.warn({ sources: [...this.pending] }, `runs still going ${graceMs} ms after shutdown began: left behind`);
    }
    try {
      await recordPendingOutcomes();
      const left = await abandonOwnRuns(this.db, "interrupted: the service shut down before the run finished");
      if (left > 0) this.logger.warn({ runs: left }, "runs left behind by the shutdown recorded failed");
    } catch (error) {
      this.logger.warn({ err: error }, "could not record the runs left behind: their leases lapse and other instances fail them");
    }
  }

  /**
   * Fails every source's runs whose lease lapsed, not only at the source's next tick (a
   * daily source would show a dead run as "running" for a day): a dead process's run is
   * recognised within RUN_LEASE_MS + ABANDONED_RUN_SWEEP_MS, under a minute.
   */
  private async sweepAbandonedRuns(): Promise<void> {
    try {
      const failed = await failAbandonedRuns(this.db);
      if (failed > 0) this.logger.warn({ runs: failed }, "runs of dead processes recorded failed (their heartbeats stopped)");
    } catch (error) {
      this.logger.debug({ err: error }, "abandoned-run sweep failed; the next one tries again");
    }
  }

  private scheduleOf(sourceId: string): SourceSchedule {
    const schedule = this.schedules.get(sourceId);
    if (!schedule) throw new Error(`no schedule for source "${sourceId}"`);
    return schedule;
  }

  /** Runs `work` under the source's lock unless `alreadyDone` says there is nothing to do. */
  private async exclusive(schedule: SourceSchedule, alreadyDone: () => Promise<boolean>, work: () => Promise<RunSummary[]>): Promise<TickOutcome> {
    const id = schedule.source.id;
    const skipped = (reason: SkipReason): TickOutcome => {
      this.observe((observer) => observer.tickSkipped(id, reason));
      return { status: "skipped", reason };
    };
    if (this.stopping) return skipped("stopping");
    if (this.pending.has(id)) return skipped("overlap");
    this.pending.add(id);
    try {
      return await this.limiter.run(async () => {
        if (this.stopping) return skipped("stopping");
        const lock = await this.locks.tryAcquire(id);
        if (!lock) return skipped("busy");
        try {
          await failAbandonedRuns(this.db, id);
          if (await alreadyDone()) return skipped("already-ran");
          return { status: "ran", runs: await work() };
        } finally {
          await lock.release();
        }
      });
    } catch (error) {
      if (error instanceof RunAlreadyActiveError) return skipped("busy");
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error({ source: id, err: error }, "scheduler could not run the source");
      return { status: "error", error: message };
    } finally {
      this.pending.delete(id);
    }
  }

  private async firstRuns(schedule: SourceSchedule): Promise<RunSummary[]> {
    const { replayDir } = this.options;
    if (!replayDir) return [await this.execute(schedule, "startup", new Date(), (signal) => this.tickLoader(schedule, signal))];
    const { source } = schedule;
    let plan: ReplayPlan | undefined;
    try {
      plan = await this.planOf(schedule, replayDir);
    } catch {
      // No history to read: the run below fails with the planning error, recorded like any other.
    }
    if (!plan || plan.layout.kind === "payload") {
      // Observed at the payload's own date (the newest date its file names carry), so a
      // provider page of April does not look fresher than a community table of August.
      const dates = (plan?.latest ?? []).map(dateInName).filter((date): date is string => date !== null).sort();
      const at = dates.length > 0 ? observationTime(dates.at(-1)!, 0) : new Date();
      return [await this.execute(schedule, "replay", at, (signal) => this.tickLoader(schedule, signal))];
    }

    if (plan.layout.kind === "dated-folder") {
      const dir = join(replayDir, plan.layout.dir);
      this.logger.info({ source: source.id, dir, payloads: plan.history.length }, "run started: backfill of the replay history");
      const { runs } = await runBackfill(this.db, source, dir, {
        progress: (line) => this.logger.info({ source: source.id }, line),
        signal: this.stopSignal.signal,
      });
      for (const run of runs) this.observe((observer) => observer.runFinished({ sourceId: source.id, status: run.status, changed: run.changed, timedOut: false }));
      const changed = runs.reduce((sum, run) => sum + run.changed, 0);
      this.logger.info({ source: source.id, runs: runs.length, failed: runs.filter((run) => run.status === "failed").length, changed }, "run finished: backfill");
      if (changed > 0) await this.publish(source.id);
      return runs;
    }

    const runs: RunSummary[] = [];
    for (const [index, entry] of plan.history.entries()) {
      if (this.stopping) break;
      const indexInDay = plan.history.slice(0, index).filter((earlier) => earlier.date === entry.date).length;
      const load = replayPathsLoader(replayDir, [entry.name]);
      runs.push(await this.execute(schedule, "backfill", observationTime(entry.date, indexInDay), () => load));
    }
    return runs;
  }

  /** The payload of a tick: the network, or the newest recorded payload in replay mode. */
  private tickLoader(schedule: SourceSchedule, signal: AbortSignal): DocumentLoader {
    const { replayDir, env } = this.options;
    if (!replayDir) return liveLoader(this.db, { env, timeoutMs: env.HTTP_TIMEOUT_MS, signal });
    return async (source) => replayPathsLoader(replayDir, (await this.planOf(schedule, replayDir)).latest)(source);
  }

  /** Planned once per source; a failed plan (a missing folder) is tried again next time. */
  private planOf(schedule: SourceSchedule, replayDir: string): Promise<ReplayPlan> {
    const { source } = schedule;
    let plan = this.plans.get(source.id);
    if (!plan) {
      plan = planReplay(replayDir, source);
      plan.catch(() => this.plans.delete(source.id));
      this.plans.set(source.id, plan);
    }
    return plan;
  }

  /** One run with the source's timeoutMs as a hard deadline on loading its payload. */
  private async execute(
    schedule: SourceSchedule,
    trigger: NonNullable<RunTrigger>,
    at: Date,
    loaderFor: (signal: AbortSignal) => DocumentLoader,
  ): Promise<RunSummary> {
    const { source } = schedule;
    const { timeoutMs } = source.schedule;
    const controller = new AbortController();
    const timeout = new RunTimeoutError(source.id, timeoutMs);
    const deadline = setTimeout(() => controller.abort(timeout), timeoutMs);
    this.aborters.add(controller);
    const started = performance.now();
    this.logger.info({ source: source.id, trigger, observedAt: at }, "run started");
    try {
      const summary = await runSource(this.db, source, {
        trigger,
        at,
        // A tick is never ahead of the scheduler's own clock (tests drive one of their own).
        now: new Date(Math.max(Date.now(), at.getTime())),
        env: this.options.env,
        load: abortable(loaderFor(controller.signal), controller.signal),
      });
      const durationMs = Math.round(performance.now() - started);
      const timedOut = summary.status === "failed" && summary.error === timeout.message;
      const { runId, status, parsed, changed, unmatched, rejected, skipped, error } = summary;
      const fields = { source: source.id, runId, trigger, status, durationMs, parsed, changed, unmatched, rejected, skipped, error };
      if (status === "failed") this.logger.warn(fields, "run finished");
      else this.logger.info(fields, "run finished");
      this.observe((observer) => observer.runFinished({ sourceId: source.id, status, changed, durationMs, timedOut }));
      if (status === "succeeded" && changed > 0) await this.publish(source.id);
      return summary;
    } finally {
      clearTimeout(deadline);
      this.aborters.delete(controller);
    }
  }

  /** A failing observer costs its own record, never the run. */
  private observe(tell: (observer: SchedulerObserver) => void): void {
    if (!this.options.observer) return;
    try {
      tell(this.options.observer);
    } catch (error) {
      this.logger.warn({ err: error }, "run observer failed");
    }
  }

  private async publish(sourceId: string): Promise<void> {
    try {
      await this.options.bus?.publish(sourceId);
    } catch (error) {
      this.logger.warn({ source: sourceId, err: error }, "could not announce the data change");
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    const forget = () => void this.inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }
}

async function settlesWithin(promises: ReadonlySet<Promise<unknown>>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([Promise.allSettled([...promises]).then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function cronLogger(logger: Logger): CronLogger {
  const log = logger.child({ component: "node-cron" });
  return {
    info: (message) => log.debug(message),
    warn: (message) => log.warn(message),
    error: (message, err) => log.error({ err: err ?? message }, typeof message === "string" ? message : message.message),
    debug: (message, err) => log.debug({ err }, typeof message === "string" ? message : message.message),
  };
}

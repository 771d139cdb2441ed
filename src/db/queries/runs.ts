/** Scrape-run bookkeeping and the content-addressed payload archive. */
import { createHash, randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { and, desc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { databaseErrorCode, isTransientDatabaseError, shortRunError } from "../database-errors.ts";
import { retryTransient } from "../write-transaction.ts";
import { httpValidators, rawPayloads, scrapeRunDocuments, scrapeRuns } from "../schema/index.ts";
import type { PayloadDocument } from "../../../scrapers/source.ts";

export type RunTrigger = (typeof scrapeRuns.$inferInsert)["trigger"];
export type ScrapeRun = typeof scrapeRuns.$inferSelect;

export class RunAlreadyActiveError extends Error {
  constructor(readonly sourceId: string) {
    super(`${sourceId}: a run of this source is already in progress`);
    this.name = "RunAlreadyActiveError";
  }
}

/**
 * Leases. A run records the instance that holds it and a heartbeat, renewed every
 * HEARTBEAT_INTERVAL_MS while the run lives in this process. A running run whose heartbeat
 * is older than RUN_LEASE_MS belongs to a process that died (or lost the database for that
 * long): any instance fails it, so it is recognised within a minute and never blocks its
 * source. Times are the database's (now()), so instances' clocks need not agree.
 */
export const HEARTBEAT_INTERVAL_MS = 10_000;
export const RUN_LEASE_MS = 45_000;

/** This process: host, pid and a random part (pids repeat across containers). */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

/** The runs this process holds, with their heartbeat timers and the database handle that started them. */
const liveRuns = new Map<number, { timer: NodeJS.Timeout; db: Executor }>();

function startHeartbeat(db: Executor, runId: number): void {
  const renew = () =>
    db
      .update(scrapeRuns)
      .set({ heartbeatAt: sql`now()` })
      .where(and(eq(scrapeRuns.id, runId), eq(scrapeRuns.status, "running")))
      // The database is unreachable: the lease lapses unless it comes back in time, which is right.
      .catch(() => {});
  const timer = setInterval(renew, HEARTBEAT_INTERVAL_MS);
  timer.unref();
  liveRuns.set(runId, { timer, db });
}

function stopHeartbeat(runId: number): void {
  clearInterval(liveRuns.get(runId)?.timer);
  liveRuns.delete(runId);
}

/** Ids of the runs this process is running now (only those started through `db`, when given). */
export function ownLiveRunIds(db?: Executor): number[] {
  return [...liveRuns].filter(([, run]) => db === undefined || run.db === db).map(([id]) => id);
}

/**
 * Starts a run; the partial unique index refuses a second running run of the same source.
 * A running run whose lease lapsed is failed first, so a dead process's run never blocks.
 */
export async function startRun(db: Executor, sourceId: string, trigger: NonNullable<RunTrigger>, observedAt: Date): Promise<ScrapeRun> {
  const insert = async () => {
    const [run] = await retryTransient(() =>
      db
        .insert(scrapeRuns)
        .values({ sourceId, trigger, observedAt, instanceId: INSTANCE_ID, heartbeatAt: sql`now()` })
        .returning(),
    );
    startHeartbeat(db, run!.id);
    return run!;
  };
  try {
    return await insert();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  if ((await retryTransient(() => failAbandonedRuns(db, sourceId))) > 0) {
    try {
      return await insert();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new RunAlreadyActiveError(sourceId);
}

export function isUniqueViolation(error: unknown): boolean {
  return databaseErrorCode(error) === "23505";
}

export interface RunOutcome {
  status: "succeeded" | "failed" | "disabled";
  parsed?: number;
  changed?: number;
  unmatched?: number;
  rejected?: number;
  skipped?: number;
  error?: string | null;
}

/** How long finishRun keeps trying to record an outcome before it leaves it to the background. */
const FINISH_RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000, 8_000];
const PENDING_RETRY_MS = 5_000;

/** Outcomes the database could not take when their run ended, recorded once it is back. */
const pendingOutcomes = new Map<number, { db: Executor; outcome: RunOutcome; finishedAt: Date }>();
let pendingTimer: NodeJS.Timeout | undefined;

/**
 * Records a run's outcome (its error shortened: never a SQL dump) and ends its lease. If the
 * database is unreachable, it tries for ~15 s, then leaves the outcome to a background
 * retry that records it as soon as the database is back: the run in flight when the
 * database went is recorded with what really happened to it, not left "running".
 */
export async function finishRun(db: Executor, runId: number, outcome: RunOutcome): Promise<void> {
  const stored = { ...outcome, error: outcome.error == null ? outcome.error : shortRunError(outcome.error) };
  const finishedAt = new Date();
  for (let attempt = 0; ; attempt++) {
    try {
      await writeOutcome(db, runId, stored, finishedAt);
      stopHeartbeat(runId);
      return;
    } catch (error) {
      const delay = FINISH_RETRY_DELAYS_MS[attempt];
      if (!isTransientDatabaseError(error) || delay === undefined) break;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  stopHeartbeat(runId);
  pendingOutcomes.set(runId, { db, outcome: stored, finishedAt });
  pendingTimer ??= setInterval(() => void recordPendingOutcomes(), PENDING_RETRY_MS).unref();
}

async function writeOutcome(db: Executor, runId: number, outcome: RunOutcome, finishedAt: Date): Promise<void> {
  await db
    .update(scrapeRuns)
    .set({ ...outcome, finishedAt })
    .where(eq(scrapeRuns.id, runId));
}

/** Records the outcomes still waiting for the database; returns how many are left. */
export async function recordPendingOutcomes(): Promise<number> {
  for (const [runId, { db, outcome, finishedAt }] of pendingOutcomes) {
    try {
      await writeOutcome(db, runId, outcome, finishedAt);
      pendingOutcomes.delete(runId);
    } catch {
      break;
    }
  }
  if (pendingOutcomes.size === 0 && pendingTimer) {
    clearInterval(pendingTimer);
    pendingTimer = undefined;
  }
  return pendingOutcomes.size;
}

/**
 * Fails the running runs (of one source, or all) that no live process holds: those whose
 * lease lapsed (their process stopped heartbeating), and this instance's runs that it does
 * not hold (a start whose insert committed while its connection died: the retried insert
 * found it, and nothing heartbeats it). This process's own live runs are never touched.
 */
export async function failAbandonedRuns(db: Executor, sourceId?: string): Promise<number> {
  const own = ownLiveRunIds();
  // A run whose outcome waits for the database is not orphaned: it is recorded when the database takes it.
  const pending = [...pendingOutcomes.keys()];
  const ownInstance = and(
    sql`${scrapeRuns.instanceId} is not distinct from ${INSTANCE_ID}`,
    pending.length > 0 ? notInArray(scrapeRuns.id, pending) : undefined,
  )!;
  const rows = await db
    .update(scrapeRuns)
    .set({
      status: "failed",
      finishedAt: sql`now()`,
      error: sql`case when ${ownInstance} then 'abandoned: its start was confirmed only after its connection was lost'
        else 'abandoned: instance ' || coalesce(${scrapeRuns.instanceId}, 'unknown') || ' stopped heartbeating' end`,
    })
    .where(
      and(
        eq(scrapeRuns.status, "running"),
        sourceId === undefined ? undefined : eq(scrapeRuns.sourceId, sourceId),
        sql`(${ownInstance} or coalesce(${scrapeRuns.heartbeatAt}, ${scrapeRuns.startedAt}) < now() - make_interval(secs => ${RUN_LEASE_MS / 1000}))`,
        own.length > 0 ? notInArray(scrapeRuns.id, own) : undefined,
      ),
    )
    .returning({ id: scrapeRuns.id });
  return rows.length;
}

/**
 * Shutdown: fails every run this process still holds through `db`, with the reason, and
 * ends their leases. A run that still manages to finish afterwards overwrites this with its outcome.
 */
export async function abandonOwnRuns(db: Executor, reason: string): Promise<number> {
  const own = ownLiveRunIds(db);
  for (const runId of own) stopHeartbeat(runId);
  if (own.length === 0) return 0;
  const rows = await db
    .update(scrapeRuns)
    .set({ status: "failed", finishedAt: sql`now()`, error: `${reason} (instance ${INSTANCE_ID})` })
    .where(and(inArray(scrapeRuns.id, own), eq(scrapeRuns.status, "running")))
    .returning({ id: scrapeRuns.id });
  return rows.length;
}

/** The running run of a source, if any (whether alive or not). */
export async function activeRun(db: Executor, sourceId: string): Promise<ScrapeRun | null> {
  const [row] = await db
    .select()
    .from(scrapeRuns)
    .where(and(eq(scrapeRuns.sourceId, sourceId), eq(scrapeRuns.status, "running")))
    .limit(1);
  return row ?? null;
}

/**
 * For the CLI: returns once the source has no running run. A dead process's run is failed
 * at once (or as soon as its lease lapses); a live one is waited for, `onWait` told once.
 */
export async function waitForSourceFree(
  db: Executor,
  sourceId: string,
  options: { pollMs?: number; onWait?: (run: ScrapeRun) => void } = {},
): Promise<void> {
  let told = false;
  for (;;) {
    await failAbandonedRuns(db, sourceId);
    const run = await activeRun(db, sourceId);
    if (!run) return;
    if (!told) options.onWait?.(run);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 2_000));
  }
}

/**
 * The payloads a source has ingested, as "observedAt|sha256,sha256..." keys: a backfill
 * skips a payload already ingested at the same observation time with the same content.
 */
export async function ingestedPayloadKeys(db: Executor, sourceId: string): Promise<Set<string>> {
  const rows = await db
    .select({ runId: scrapeRuns.id, observedAt: scrapeRuns.observedAt, sha256: scrapeRunDocuments.sha256 })
    .from(scrapeRuns)
    .innerJoin(scrapeRunDocuments, eq(scrapeRunDocuments.runId, scrapeRuns.id))
    .where(and(eq(scrapeRuns.sourceId, sourceId), eq(scrapeRuns.status, "succeeded")))
    .orderBy(scrapeRuns.id);
  const byRun = new Map<number, { observedAt: Date; hashes: string[] }>();
  for (const row of rows) {
    const run = byRun.get(row.runId) ?? { observedAt: row.observedAt, hashes: [] };
    run.hashes.push(row.sha256);
    byRun.set(row.runId, run);
  }
  return new Set([...byRun.values()].map(({ observedAt, hashes }) => payloadKey(observedAt, hashes)));
}

export function payloadKey(observedAt: Date, sha256s: readonly string[]): string {
  return `${observedAt.toISOString()}|${[...new Set(sha256s)].sort().join(",")}`;
}

export function sha256Of(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

/** Stores a body once by its content hash (an unchanged payload is stored once). */
export async function storePayload(db: Executor, document: PayloadDocument): Promise<string> {
  const sha256 = sha256Of(document.body);
  await insertPayload(db, sha256, document);
  return sha256;
}

/**
 * The body goes as text and becomes bytea in the database: a bytea bind parameter is
 * serialised byte by byte on PGlite (12 s for 10 MB, against 0.7 s as text). Text cannot
 * hold a NUL character; such a body goes as bytes.
 */
async function insertPayload(db: Executor, sha256: string, document: PayloadDocument): Promise<void> {
  const bytes = Buffer.byteLength(document.body, "utf8");
  const contentType = document.contentType ?? null;
  if (document.body.includes("\u0000")) {
    await db.insert(rawPayloads).values({ sha256, body: Buffer.from(document.body, "utf8"), bytes, contentType }).onConflictDoNothing();
    return;
  }
  await db.execute(sql`insert into ${rawPayloads} (sha256, body, bytes, content_type)
    values (${sha256}, convert_to(${document.body}::text, 'UTF8'), ${bytes}, ${contentType}) on conflict do nothing`);
}

/** Archives each document (a body already archived is not sent again) and links it to the run under its name. */
export async function archiveDocuments(db: Executor, runId: number, documents: readonly PayloadDocument[]): Promise<void> {
  if (documents.length === 0) return;
  const hashes = documents.map((document) => sha256Of(document.body));
  const stored = new Set(
    (await db.select({ sha256: rawPayloads.sha256 }).from(rawPayloads).where(inArray(rawPayloads.sha256, [...new Set(hashes)]))).map((row) => row.sha256),
  );
  for (const [index, document] of documents.entries()) {
    const sha256 = hashes[index]!;
    if (!stored.has(sha256)) await insertPayload(db, sha256, document);
    stored.add(sha256);
  }
  await db
    .insert(scrapeRunDocuments)
    .values(documents.map((document, index) => ({ runId, name: document.name, sha256: hashes[index]! })))
    .onConflictDoNothing();
}

export async function archivedBody(db: Executor, sha256: string): Promise<string | null> {
  const [row] = await db.select({ body: rawPayloads.body }).from(rawPayloads).where(eq(rawPayloads.sha256, sha256));
  return row ? Buffer.from(row.body).toString("utf8") : null;
}

export async function validatorsFor(db: Executor, url: string) {
  const [row] = await db.select().from(httpValidators).where(eq(httpValidators.url, url));
  return row ?? null;
}

export async function saveValidators(
  db: Executor,
  url: string,
  values: { etag: string | null; lastModified: string | null; sha256: string },
): Promise<void> {
  await db
    .insert(httpValidators)
    .values({ url, ...values, checkedAt: new Date() })
    .onConflictDoUpdate({ target: httpValidators.url, set: { ...values, checkedAt: sql`now()` } });
}

export async function latestRuns(db: Executor, limitPerSource = 1): Promise<ScrapeRun[]> {
  const ranked = db
    .select({
      id: scrapeRuns.id,
      rank: sql<number>`row_number() over (partition by ${scrapeRuns.sourceId} order by ${scrapeRuns.startedAt} desc)`.as("rank"),
    })
    .from(scrapeRuns)
    .as("ranked");
  return db
    .select({ run: scrapeRuns })
    .from(scrapeRuns)
    .innerJoin(ranked, eq(ranked.id, scrapeRuns.id))
    .where(sql`${ranked.rank} <= ${limitPerSource}`)
    .orderBy(scrapeRuns.sourceId, desc(scrapeRuns.startedAt))
    .then((rows) => rows.map((row) => row.run));
}

/** Scrape-run bookkeeping and the content-addressed payload archive. */
import { createHash } from "node:crypto";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
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

/** Starts a run; the partial unique index refuses a second running run of the same source. */
export async function startRun(db: Executor, sourceId: string, trigger: NonNullable<RunTrigger>, observedAt: Date): Promise<ScrapeRun> {
  try {
    const [run] = await db.insert(scrapeRuns).values({ sourceId, trigger, observedAt }).returning();
    return run!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new RunAlreadyActiveError(sourceId);
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === "23505";
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

export async function finishRun(db: Executor, runId: number, outcome: RunOutcome): Promise<ScrapeRun> {
  const [run] = await db
    .update(scrapeRuns)
    .set({ ...outcome, finishedAt: new Date() })
    .where(eq(scrapeRuns.id, runId))
    .returning();
  return run!;
}

/** A run left "running" by a crashed process would block its source forever: fail it after `olderThanMs`. */
export async function failStaleRuns(db: Executor, sourceId: string, olderThanMs: number): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanMs);
  const rows = await db
    .update(scrapeRuns)
    .set({ status: "failed", finishedAt: new Date(), error: "abandoned: the process running it stopped" })
    .where(and(eq(scrapeRuns.sourceId, sourceId), eq(scrapeRuns.status, "running"), lt(scrapeRuns.startedAt, cutoff)))
    .returning({ id: scrapeRuns.id });
  return rows.length;
}

export function sha256Of(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

/** Stores a body once by its content hash (an unchanged payload is stored once). */
export async function storePayload(db: Executor, document: PayloadDocument): Promise<string> {
  const bytes = Buffer.from(document.body, "utf8");
  const sha256 = sha256Of(document.body);
  await db
    .insert(rawPayloads)
    .values({ sha256, body: bytes, bytes: bytes.length, contentType: document.contentType ?? null })
    .onConflictDoNothing();
  return sha256;
}

/** Archives each document and links it to the run under its name. */
export async function archiveDocuments(db: Executor, runId: number, documents: readonly PayloadDocument[]): Promise<void> {
  for (const document of documents) {
    const sha256 = await storePayload(db, document);
    await db.insert(scrapeRunDocuments).values({ runId, name: document.name, sha256 }).onConflictDoNothing();
  }
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

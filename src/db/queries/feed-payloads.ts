/**
 * What feeds read of a source's archive: the payload of its newest successful run (by
 * observation date) and the model each raw name of the source resolved to.
 */
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { aliases, rawPayloads, scrapeRunDocuments, scrapeRuns } from "../schema/index.ts";

export interface StoredPayload {
  body: string;
  observedAt: Date;
  /** The payload's sha256 in raw_payloads. */
  sha256: string;
}

/** The newest successful run's payload of a one-document source, or null when it never succeeded here. */
export async function latestSourcePayload(db: Executor, sourceId: string): Promise<StoredPayload | null> {
  const [row] = await db
    .select({ observedAt: scrapeRuns.observedAt, sha256: rawPayloads.sha256, body: rawPayloads.body })
    .from(scrapeRuns)
    .innerJoin(scrapeRunDocuments, eq(scrapeRunDocuments.runId, scrapeRuns.id))
    .innerJoin(rawPayloads, eq(rawPayloads.sha256, scrapeRunDocuments.sha256))
    .where(and(eq(scrapeRuns.sourceId, sourceId), eq(scrapeRuns.status, "succeeded")))
    .orderBy(desc(scrapeRuns.observedAt), desc(scrapeRuns.id))
    .limit(1);
  return row ? { body: Buffer.from(row.body).toString("utf8"), observedAt: row.observedAt, sha256: row.sha256 } : null;
}

/** Raw name -> the canonical model the resolver matched it to, for one source. */
export async function sourceNameModels(db: Executor, sourceId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ name: aliases.rawName, model: aliases.modelId })
    .from(aliases)
    .where(and(eq(aliases.source, sourceId), isNotNull(aliases.modelId)));
  return new Map(rows.map((row) => [row.name, row.model!]));
}

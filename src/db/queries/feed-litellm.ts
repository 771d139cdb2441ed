/**
 * What the LiteLLM feeds read besides current prices: LiteLLM's newest map as last scraped
 * (the archived payload of the litellm source's latest successful run) and the model each
 * of its keys resolved to (the litellm source's aliases).
 */
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { aliases, rawPayloads, scrapeRunDocuments, scrapeRuns } from "../schema/index.ts";
import { LITELLM_SOURCE_ID } from "../../../scrapers/litellm/sourceId.ts";
import { litellmNames, type LitellmMap, type LitellmName } from "../../api/feeds/litellm-names.ts";
import { currentFeedPrices, type CurrentFeedPrice } from "./feed-prices.ts";

export interface StoredLitellmMap {
  map: LitellmMap;
  /** When the run that read it observed it, and the payload's sha256 (raw_payloads). */
  observedAt: Date;
  sha256: string;
}

/** LiteLLM's map from the newest successful litellm run (by observation date), or null when none is stored. */
export async function latestLitellmMap(db: Executor): Promise<StoredLitellmMap | null> {
  const [row] = await db
    .select({ observedAt: scrapeRuns.observedAt, sha256: rawPayloads.sha256, body: rawPayloads.body })
    .from(scrapeRuns)
    .innerJoin(scrapeRunDocuments, eq(scrapeRunDocuments.runId, scrapeRuns.id))
    .innerJoin(rawPayloads, eq(rawPayloads.sha256, scrapeRunDocuments.sha256))
    .where(and(eq(scrapeRuns.sourceId, LITELLM_SOURCE_ID), eq(scrapeRuns.status, "succeeded")))
    .orderBy(desc(scrapeRuns.observedAt), desc(scrapeRuns.id))
    .limit(1);
  if (!row) return null;
  const map = JSON.parse(Buffer.from(row.body).toString("utf8")) as LitellmMap;
  return { map, observedAt: row.observedAt, sha256: row.sha256 };
}

/** LiteLLM key -> the canonical model the resolver matched it to. */
export async function litellmKeyModels(db: Executor): Promise<Map<string, string>> {
  const rows = await db
    .select({ key: aliases.rawName, model: aliases.modelId })
    .from(aliases)
    .where(and(eq(aliases.source, LITELLM_SOURCE_ID), isNotNull(aliases.modelId)));
  return new Map(rows.map((row) => [row.key, row.model!]));
}

export interface LitellmNaming {
  /** LiteLLM's newest stored map, null when LiteLLM never ran here. */
  stored: StoredLitellmMap | null;
  /** Its keys that name offerings of ours. */
  names: LitellmName[];
}

export async function litellmNaming(db: Executor): Promise<LitellmNaming> {
  const [stored, keyModels] = await Promise.all([latestLitellmMap(db), litellmKeyModels(db)]);
  return { stored, names: stored ? litellmNames(stored.map, keyModels) : [] };
}

export interface LitellmFeedRows extends LitellmNaming {
  prices: CurrentFeedPrice[];
}

/** Everything the LiteLLM feeds read, prices straight from the database (no market view). */
export async function litellmFeedRows(db: Executor): Promise<LitellmFeedRows> {
  const [prices, naming] = await Promise.all([currentFeedPrices(db), litellmNaming(db)]);
  return { prices, ...naming };
}

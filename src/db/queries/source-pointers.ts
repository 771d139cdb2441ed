/**
 * Pointers of floating names read from the sources' own metadata, from the archived
 * payloads: OpenRouter's `~` ids and the model each routed to at each run's date
 * (scrapers/openrouter/alias-pointers.ts). Both names go through the resolver as
 * ingestion reads OpenRouter's names; the floating name is created where no source
 * priced it, so a caller's "~anthropic/claude-opus-latest" resolves to it.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { models, rawPayloads, scrapeRunDocuments, scrapeRuns } from "../schema/index.ts";
import { openRouterAliasPointers } from "../../../scrapers/openrouter/alias-pointers.ts";
import { OPENROUTER_SOURCE_ID } from "../../../scrapers/openrouter/payload.ts";
import { PayloadError } from "../../../scrapers/source.ts";
import { datedPointers, type PointerSighting } from "../../domain/identity/dated-pointers.ts";
import { loadOverrides } from "../../domain/resolve/overrides.ts";
import { resolveModelName } from "../../domain/resolve/resolve.ts";
import { slices } from "./catalogue.ts";
import { upsertPointers } from "./model-pointers.ts";

/** Returns the number of pointers written. */
export async function recordOpenRouterPointers(db: Executor): Promise<number> {
  const documents = await db
    .select({ at: scrapeRuns.observedAt, name: scrapeRunDocuments.name, body: rawPayloads.body })
    .from(scrapeRuns)
    .innerJoin(scrapeRunDocuments, eq(scrapeRunDocuments.runId, scrapeRuns.id))
    .innerJoin(rawPayloads, eq(rawPayloads.sha256, scrapeRunDocuments.sha256))
    .where(and(eq(scrapeRuns.sourceId, OPENROUTER_SOURCE_ID), eq(scrapeRuns.status, "succeeded")))
    .orderBy(asc(scrapeRuns.observedAt));
  const overrides = loadOverrides();
  const sightings: PointerSighting[] = [];
  const parts = new Map<string, { creator: string; name: string }>();
  for (const document of documents) {
    let found;
    try {
      found = openRouterAliasPointers({ name: document.name, body: Buffer.from(document.body).toString("utf8") });
    } catch (error) {
      // The run's other documents (a model's endpoints) are not model lists.
      if (error instanceof PayloadError) continue;
      throw error;
    }
    for (const { alias, target } of found) {
      const floating = resolveModelName(OPENROUTER_SOURCE_ID, alias, overrides, { orgIsAuthor: true, at: document.at });
      const snapshot = resolveModelName(OPENROUTER_SOURCE_ID, target, overrides, { orgIsAuthor: true, at: document.at });
      if (!floating.modelId || !snapshot.modelId || floating.modelId === snapshot.modelId) continue;
      parts.set(floating.modelId, { creator: floating.creator!, name: floating.name! });
      sightings.push({ at: document.at, floating: floating.modelId, snapshot: snapshot.modelId });
    }
  }
  const pointers = datedPointers(sightings);
  if (pointers.length === 0) return 0;

  // A snapshot no source priced is not invented; the floating name is created, being the name callers use.
  const known = new Set<string>();
  const ids = [...new Set(pointers.flatMap((pointer) => [pointer.floating, pointer.snapshot]))];
  for (const slice of slices(ids)) for (const row of await db.select({ id: models.id }).from(models).where(inArray(models.id, slice))) known.add(row.id);
  const usable = pointers.filter((pointer) => known.has(pointer.snapshot));
  const missing = [...new Set(usable.map((pointer) => pointer.floating))].filter((id) => !known.has(id));
  if (missing.length > 0) {
    await db
      .insert(models)
      .values(missing.map((id) => ({ id, ...parts.get(id)!, floating: true })))
      .onConflictDoNothing();
  }
  if (usable.length === 0) return 0;
  return upsertPointers(
    db,
    usable.map((pointer) => ({
      floatingModelId: pointer.floating,
      snapshotModelId: pointer.snapshot,
      validFrom: pointer.validFrom,
      validTo: pointer.validTo,
      origin: OPENROUTER_SOURCE_ID,
      note: "OpenRouter's moving id routed to it (alias_target)",
    })),
  );
}

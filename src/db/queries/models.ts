/** The model catalogue: list, get, and resolving a caller's name to a canonical model. */
import { and, asc, count, eq, ilike, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { aliases, models } from "../schema/index.ts";
import { loadOverrides } from "../../domain/resolve/overrides.ts";
import { resolveModelName } from "../../domain/resolve/resolve.ts";

export type ModelRow = typeof models.$inferSelect;

export interface ModelResolution {
  model: ModelRow | null;
  /** How the name was matched, or why it was not. */
  method: "id" | "alias" | "normalised" | "override" | "unmatched";
  reason: string;
}

export async function getModel(db: Executor, id: string): Promise<ModelRow | null> {
  const [row] = await db.select().from(models).where(eq(models.id, id));
  return row ?? null;
}

/**
 * A router's name for a model -> the canonical model. Order: the source's own alias, a
 * canonical id, an alias any source uses for exactly one model, then the normaliser.
 */
export async function resolveModelReference(db: Executor, name: string, source?: string): Promise<ModelResolution> {
  if (source) {
    const [alias] = await db.select().from(aliases).where(and(eq(aliases.source, source), eq(aliases.rawName, name)));
    if (alias) {
      if (!alias.modelId) return { model: null, method: "unmatched", reason: `${source} alias is unmatched: ${alias.note ?? "no reason recorded"}` };
      return { model: await getModel(db, alias.modelId), method: "alias", reason: `${source} alias (${alias.method}: ${alias.note ?? ""})` };
    }
  }
  const direct = await getModel(db, name);
  if (direct) return { model: direct, method: "id", reason: "canonical id" };

  const matched = await db
    .selectDistinct({ modelId: aliases.modelId })
    .from(aliases)
    .where(and(eq(aliases.rawName, name), isNotNull(aliases.modelId)));
  if (matched.length === 1) return { model: await getModel(db, matched[0]!.modelId!), method: "alias", reason: "alias used by a source" };
  if (matched.length > 1) {
    return { model: null, method: "unmatched", reason: `ambiguous: sources use "${name}" for ${matched.map((m) => m.modelId).join(", ")}; pass a source` };
  }

  const resolution = resolveModelName(source ?? "", name, loadOverrides());
  if (!resolution.modelId) return { model: null, method: "unmatched", reason: resolution.note };
  const model = await getModel(db, resolution.modelId);
  if (!model) return { model: null, method: "unmatched", reason: `reads as ${resolution.modelId}, which no source has listed` };
  return { model, method: resolution.method === "override" ? "override" : "normalised", reason: resolution.note };
}

export interface ModelListFilter {
  creator?: string;
  search?: string;
  openWeights?: boolean;
  limit: number;
  offset: number;
}

export async function listModels(db: Executor, filter: ModelListFilter) {
  const conditions: SQL[] = [];
  if (filter.creator) conditions.push(eq(models.creator, filter.creator));
  if (filter.openWeights !== undefined) conditions.push(eq(models.openWeights, filter.openWeights));
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const condition = or(ilike(models.id, pattern), ilike(models.displayName, pattern));
    if (condition) conditions.push(condition);
  }
  return db
    .select({
      ...getColumns(),
      offerings: sql<number>`(select count(*)::int from offerings where offerings.model_id = models.id)`,
    })
    .from(models)
    .where(and(...conditions))
    .orderBy(asc(models.id))
    .limit(filter.limit)
    .offset(filter.offset);
}

function getColumns() {
  return {
    id: models.id,
    creator: models.creator,
    name: models.name,
    displayName: models.displayName,
    family: models.family,
    releaseDate: models.releaseDate,
    openWeights: models.openWeights,
    parameters: models.parameters,
    contextWindow: models.contextWindow,
    maxOutputTokens: models.maxOutputTokens,
    tier: models.tier,
  };
}

export async function modelAliases(db: Executor, modelId: string) {
  return db
    .select({ source: aliases.source, rawName: aliases.rawName, method: aliases.method, lastSeenAt: aliases.lastSeenAt })
    .from(aliases)
    .where(eq(aliases.modelId, modelId))
    .orderBy(aliases.source, aliases.rawName);
}

export async function countModels(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(models);
  return Number(row?.n ?? 0);
}

/** The model catalogue: list, get, and resolving a caller's name to a canonical model. */
import { and, asc, count, eq, ilike, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { aliases, modelPointers, models, offerings } from "../schema/index.ts";
import { SOURCES } from "../../../scrapers/registry.ts";
import { loadOverrides } from "../../domain/resolve/overrides.ts";
import { resolveModelName, type Resolution, type ResolveOptions } from "../../domain/resolve/resolve.ts";
import { isFloatingName, loadSeries, pinnedAt, seriesOf } from "../../domain/resolve/series.ts";
import { combineSettings, splitSetting } from "../../domain/resolve/settings.ts";
import { pointerAt } from "./model-pointers.ts";
import { aliasLastSeen } from "./alias-seen.ts";

export type ModelRow = typeof models.$inferSelect;

export type ModelResolution =
  | {
      model: ModelRow;
      /** The setting the name carries ("high", "thinking", "FC"), null when none. */
      setting: string | null;
      /** The name moves between snapshots (gpt-4o, deepseek-chat, *-latest). */
      floating: boolean;
      /** The snapshot a floating name served at the asked date, where a pointer says. */
      pinnedTo: string | null;
      /** How the name was matched. */
      method: "id" | "alias" | "exact" | "normalised" | "override";
      reason: string;
    }
  | { model: null; method: "unmatched"; reason: string };

export interface ResolveReferenceOptions {
  /** The source whose naming the name follows: its overrides and aliases come first. */
  source?: string | undefined;
  /** The date the name is meant at (floating names, names whose meaning moved); default now. */
  at?: Date | undefined;
}

export async function getModel(db: Executor, id: string): Promise<ModelRow | null> {
  const [row] = await db.select().from(models).where(eq(models.id, id));
  return row ?? null;
}

/**
 * A caller's name for a model -> the canonical model, with the same steps as ingestion:
 * with a source, that source's reviewed override and that source's stored alias (its
 * naming wins, even over a canonical id spelled alike); a canonical id; then the resolver (overrides for any source, the normaliser) on
 * the name without its setting; then a name some source uses for exactly one model.
 */
export async function resolveModelReference(db: Executor, name: string, options: ResolveReferenceOptions = {}): Promise<ModelResolution> {
  const at = options.at ?? new Date();
  const answer = async (model: ModelRow, method: Extract<ModelResolution, { model: ModelRow }>["method"], reason: string, setting: string | null, resolution?: Resolution) => {
    const series = loadSeries();
    const floating = model.floating || (resolution?.floating ?? false) || isFloatingName(series, model.id);
    // A pointer in the catalogue (reviewed or from a source's metadata), else the reviewed table's.
    const pointer = floating ? await pointerAt(db, model.id, at) : null;
    const pinnedTo = floating ? (pointer?.snapshotModelId ?? resolution?.pinnedTo ?? pinnedAt(seriesOf(series, model.id), at)) : null;
    return { model, setting: setting || null, floating, pinnedTo, method, reason } satisfies ModelResolution;
  };

  const { base, setting: written } = splitSetting(name);
  const names = base === name ? [name] : [name, base];
  const source = options.source;
  const overrides = loadOverrides();
  const resolverOptions: ResolveOptions = {
    orgIsAuthor: SOURCES.find((definition) => definition.id === source)?.namesHaveAuthors ?? false,
    at,
  };
  const resolve = (raw: string): Resolution => resolveModelName(source ?? "", raw, overrides, resolverOptions);
  const fromResolver = async (resolution: Resolution): Promise<ModelResolution | null> => {
    if (!resolution.modelId) return resolution.method === "unmatched" && resolution.note.startsWith("override") ? { model: null, method: "unmatched", reason: resolution.note } : null;
    const model = await getModel(db, resolution.modelId);
    if (!model) return null;
    const method = resolution.method === "unmatched" ? "normalised" : resolution.method;
    return answer(model, method, resolution.note, combineSettings(written, resolution.setting), resolution);
  };

  if (source) {
    // A reviewed override scoped to the source outranks every alias of other sources.
    const scoped = overrides.find((entry) => entry.source === source && names.includes(entry.raw));
    if (scoped) {
      const found = await fromResolver(resolve(scoped.raw));
      if (found) return found;
    }
    const stored = await db.select().from(aliases).where(and(eq(aliases.source, source), inArray(aliases.rawName, names)));
    const alias = stored.find((row) => row.rawName === name) ?? stored[0];
    if (alias) {
      if (!alias.modelId) return { model: null, method: "unmatched", reason: `${source} alias is unmatched: ${alias.note ?? "no reason recorded"}` };
      const model = await getModel(db, alias.modelId);
      if (model) {
        const setting = alias.rawName === base ? combineSettings(written, alias.setting || null) : alias.setting || written;
        return answer(model, "alias", `${source} alias (${alias.method}: ${alias.note ?? ""})`, setting);
      }
    }
  }

  // A canonical id is itself, unless the source's own naming above said otherwise.
  const direct = await getModel(db, name);
  if (direct) return answer(direct, "id", "canonical id", null);

  const resolution = resolve(base);
  const resolved = await fromResolver(resolution);
  if (resolved) return resolved;

  const matched = await db
    .selectDistinct({ modelId: aliases.modelId, setting: aliases.setting })
    .from(aliases)
    .where(and(inArray(aliases.rawName, names), isNotNull(aliases.modelId)));
  const modelIds = [...new Set(matched.map((row) => row.modelId!))];
  if (modelIds.length === 1) {
    const model = await getModel(db, modelIds[0]!);
    if (model) return answer(model, "alias", "alias used by a source", combineSettings(written, matched[0]!.setting || null));
  }
  if (modelIds.length > 1) {
    return { model: null, method: "unmatched", reason: `ambiguous: sources use "${name}" for ${modelIds.join(", ")}; pass a source` };
  }
  if (!resolution.modelId) return { model: null, method: "unmatched", reason: resolution.note };
  return { model: null, method: "unmatched", reason: `reads as ${resolution.modelId}, which no source has listed` };
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
    floating: models.floating,
  };
}

export async function modelAliases(db: Executor, modelId: string) {
  return db
    .select({ source: aliases.source, rawName: aliases.rawName, method: aliases.method, setting: aliases.setting, lastSeenAt: aliasLastSeen })
    .from(aliases)
    .where(eq(aliases.modelId, modelId))
    .orderBy(aliases.source, aliases.rawName);
}

const offeringColumns = { provider: offerings.providerId, variant: offerings.variant, region: offerings.region, nativeId: offerings.nativeId };

/** Every seller's offering of a model, with the id that seller's API expects. */
export async function modelOfferings(db: Executor, modelId: string) {
  return db.select(offeringColumns).from(offerings).where(eq(offerings.modelId, modelId)).orderBy(offerings.providerId, offerings.variant, offerings.region);
}

/** The whole catalogue in the orders models.list, models.get and their queries above use (for the market view's copy, market/catalogue.ts). */
export async function catalogueRows(db: Executor) {
  const modelRows = await db.select().from(models).orderBy(asc(models.id));
  const offeringRows = await db
    .select({ modelId: offerings.modelId, ...offeringColumns })
    .from(offerings)
    .orderBy(offerings.modelId, offerings.providerId, offerings.variant, offerings.region);
  const pointerRows = await db.select().from(modelPointers).orderBy(modelPointers.floatingModelId, modelPointers.validFrom);
  return { models: modelRows, offerings: offeringRows, pointers: pointerRows };
}

export async function countModels(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(models);
  return Number(row?.n ?? 0);
}

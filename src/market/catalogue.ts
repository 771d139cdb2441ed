/**
 * The catalogue held in a market view: every model row, each model's offerings (with the
 * seller-native id) and each floating model's dated pointers, in the order the database
 * sorts them, so models.list and models.get answer from memory exactly as their queries
 * (db/queries/models.ts) answer from the database.
 */
import type { ModelListFilter, ModelRow } from "../db/queries/models.ts";
import type { ModelPointerRow } from "../db/queries/model-pointers.ts";

export interface CatalogueOffering {
  provider: string;
  variant: string;
  region: string;
  nativeId: string | null;
}

export interface CatalogueRows {
  /** Ordered by id as the database orders text (its collation, not JavaScript's). */
  models: readonly ModelRow[];
  /** Ordered by model, then seller, variant and region. */
  offerings: ReadonlyArray<CatalogueOffering & { modelId: string }>;
  /** Ordered by floating model, then start. */
  pointers: readonly ModelPointerRow[];
}

export interface MarketCatalogue {
  /** In id order (see CatalogueRows.models). */
  models: readonly ModelRow[];
  byId: ReadonlyMap<string, ModelRow>;
  offerings: ReadonlyMap<string, readonly CatalogueOffering[]>;
  pointers: ReadonlyMap<string, readonly ModelPointerRow[]>;
}

function groupBy<T, U>(rows: readonly T[], key: (row: T) => string, value: (row: T) => U): Map<string, U[]> {
  const groups = new Map<string, U[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(value(row));
    else groups.set(key(row), [value(row)]);
  }
  return groups;
}

export function buildCatalogue(rows: CatalogueRows): MarketCatalogue {
  return {
    models: rows.models,
    byId: new Map(rows.models.map((model) => [model.id, model])),
    offerings: groupBy(rows.offerings, (row) => row.modelId, ({ modelId: _, ...offering }) => offering),
    pointers: groupBy(rows.pointers, (row) => row.floatingModelId, (row) => row),
  };
}

/** ILIKE '%search%' on ASCII ids and names: a case-blind substring. */
function matchesSearch(model: ModelRow, search: string): boolean {
  const needle = search.toLowerCase();
  return model.id.toLowerCase().includes(needle) || (model.displayName?.toLowerCase().includes(needle) ?? false);
}

/** models.list: the filter's page of models in id order, each with its number of offerings. */
export function listModelsIn(catalogue: MarketCatalogue, filter: ModelListFilter) {
  const page = [];
  let skipped = 0;
  for (const model of catalogue.models) {
    if (filter.creator !== undefined && model.creator !== filter.creator) continue;
    if (filter.openWeights !== undefined && model.openWeights !== filter.openWeights) continue;
    if (filter.search !== undefined && !matchesSearch(model, filter.search)) continue;
    if (skipped++ < filter.offset) continue;
    const { createdAt: _created, updatedAt: _updated, ...fields } = model;
    page.push({ ...fields, offerings: catalogue.offerings.get(model.id)?.length ?? 0 });
    if (page.length === filter.limit) break;
  }
  return page;
}

export const offeringsOf = (catalogue: MarketCatalogue, modelId: string): readonly CatalogueOffering[] => catalogue.offerings.get(modelId) ?? [];
export const pointersOf = (catalogue: MarketCatalogue, modelId: string): readonly ModelPointerRow[] => catalogue.pointers.get(modelId) ?? [];

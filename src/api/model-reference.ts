import type { Executor } from "../db/client.ts";
import { resolveModelReference } from "../db/queries/models.ts";
import type { MarketView } from "../market/market-view.ts";
import { NotFoundError } from "./errors.ts";

export interface ModelReferenceContext {
  db: Executor;
  /** The request's pinned market view: a canonical id in its catalogue needs no query. */
  view?: MarketView;
}

/**
 * The canonical id behind a caller's model name, or a 404 that says why it did not resolve.
 * Without a source, a canonical id is itself (resolveModelReference's first step): the
 * view's catalogue answers that; any other name goes to the resolver.
 */
export async function requireModelId(context: ModelReferenceContext, name: string, source?: string, at?: Date): Promise<string> {
  if (source === undefined && context.view?.catalogue.byId.has(name)) return name;
  const resolution = await resolveModelReference(context.db, name, { source, at });
  if (!resolution.model) throw new NotFoundError(`model "${name}" not found: ${resolution.reason}`);
  return resolution.model.id;
}

import type { Executor } from "../db/client.ts";
import { resolveModelReference } from "../db/queries/models.ts";
import { NotFoundError } from "./errors.ts";

/** The canonical id behind a caller's model name, or a 404 that says why it did not resolve. */
export async function requireModelId(db: Executor, name: string, source?: string, at?: Date): Promise<string> {
  const resolution = await resolveModelReference(db, name, { source, at });
  if (!resolution.model) throw new NotFoundError(`model "${name}" not found: ${resolution.reason}`);
  return resolution.model.id;
}

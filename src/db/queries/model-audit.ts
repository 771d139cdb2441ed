/** Feeds the identity audit (domain/identity/audit.ts) from the catalogue and the unmatched aliases. */
import { isNull } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { aliases, models } from "../schema/index.ts";
import { auditIdentity, type IdentityAudit } from "../../domain/identity/audit.ts";

export async function modelAudit(db: Executor, options: { limit: number }): Promise<IdentityAudit> {
  const catalogue = await db.select({ id: models.id, creator: models.creator, name: models.name }).from(models);
  const unmatched = await db.select({ source: aliases.source, rawName: aliases.rawName, note: aliases.note }).from(aliases).where(isNull(aliases.modelId));
  return auditIdentity(catalogue, unmatched, options.limit);
}

/**
 * Stores seller-native ids on offerings (offerings.native_id, with the source that stated
 * it) after a run's offerings exist (domain/identity/native-ids.ts).
 */
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { sources } from "../schema/index.ts";
import { isSellersOwnSource, oneClaimPerOffering, type NativeIdClaim } from "../../domain/identity/native-ids.ts";
import { rowsOf } from "../migrate.ts";
import { slices } from "./catalogue.ts";

export interface NativeIdObservation {
  provider: string;
  modelId: string;
  variant: string;
  region: string;
  nativeId?: string | null | undefined;
}

/**
 * Returns how many offerings got a new native id. Call it once the run's offerings exist.
 * The seller's own source always writes; another source writes over another third
 * party's id (the newer run knows the current id) but never over the seller's own; a
 * history run (older than what is recorded) only fills an empty id.
 */
export async function recordNativeIds(
  db: Executor,
  sourceId: string,
  observations: readonly NativeIdObservation[],
  options: { history?: boolean } = {},
): Promise<number> {
  if (!observations.some((observation) => observation.nativeId)) return 0;
  const [source] = await db.select({ id: sources.id, authority: sources.authority }).from(sources).where(eq(sources.id, sourceId));
  if (!source) throw new Error(`unknown source "${sourceId}": sync sources before writing native ids`);
  const claims: NativeIdClaim[] = [];
  for (const observation of observations) {
    if (!observation.nativeId) continue;
    const { provider: providerId, modelId, variant, region, nativeId } = observation;
    claims.push({ providerId, modelId, variant, region, nativeId });
  }
  const history = options.history ?? false;
  let updated = 0;
  for (const slice of slices(oneClaimPerOffering(claims))) {
    const rows = sql.join(
      slice.map((claim) => sql`(${claim.providerId}, ${claim.modelId}, ${claim.variant}, ${claim.region}, ${claim.nativeId}, ${isSellersOwnSource(source, claim.providerId)})`),
      sql`, `,
    );
    const result = await db.execute(sql`
      update offerings set native_id = v.native_id, native_id_source = ${source.id}
      from (values ${rows}) as v(provider_id, model_id, variant, region, native_id, own)
      where offerings.provider_id = v.provider_id and offerings.model_id = v.model_id
        and offerings.variant = v.variant and offerings.region = v.region
        and offerings.native_id is distinct from v.native_id
        and (offerings.native_id is null or (not ${history} and (v.own::boolean or not exists (
          select 1 from sources setter where setter.id = offerings.native_id_source
            and (setter.authority = 'first-party' or setter.id = offerings.provider_id)))))
      returning offerings.id`);
    updated += rowsOf(result).length;
  }
  return updated;
}

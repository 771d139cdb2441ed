/**
 * Writes the lifecycle stages a price run's sources state (OpenRouter's expiration_date,
 * models.dev's status) into lifecycle_signals, one row per (source, seller, name, stage).
 * A later payload's date for the same stage replaces an earlier one (OpenRouter moved
 * GLM 4.5's expiration from 2026-02-12 to 2026-12-31); an older payload (a backfill) only
 * widens the first/last sighting.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { lifecycleSignals } from "../schema/index.ts";
import { slices } from "./catalogue.ts";
import type { PriceObservation } from "../../domain/observation.ts";

export async function recordLifecycleSignals(
  db: Executor,
  sourceId: string,
  at: Date,
  observations: ReadonlyArray<Pick<PriceObservation, "provider" | "model" | "lifecycle">>,
): Promise<number> {
  const rows = new Map<string, typeof lifecycleSignals.$inferInsert>();
  for (const { provider, model, lifecycle } of observations) {
    if (!lifecycle) continue;
    const row = {
      sourceId,
      providerId: provider,
      rawName: model,
      stage: lifecycle.stage,
      effectiveAt: lifecycle.from ? new Date(`${lifecycle.from.slice(0, 10)}T00:00:00Z`) : null,
      firstSeenAt: at,
      lastSeenAt: at,
      note: lifecycle.note,
    };
    rows.set(`${provider}|${model}|${lifecycle.stage}`, row);
  }
  const newer = sql`excluded.last_seen_at >= ${lifecycleSignals.lastSeenAt}`;
  for (const slice of slices([...rows.values()])) {
    await db
      .insert(lifecycleSignals)
      .values(slice)
      .onConflictDoUpdate({
        target: [lifecycleSignals.sourceId, lifecycleSignals.providerId, lifecycleSignals.rawName, lifecycleSignals.stage],
        set: {
          effectiveAt: sql`case when ${newer} then excluded.effective_at else ${lifecycleSignals.effectiveAt} end`,
          note: sql`case when ${newer} then excluded.note else ${lifecycleSignals.note} end`,
          firstSeenAt: sql`least(${lifecycleSignals.firstSeenAt}, excluded.first_seen_at)`,
          lastSeenAt: sql`greatest(${lifecycleSignals.lastSeenAt}, excluded.last_seen_at)`,
        },
      });
  }
  return rows.size;
}

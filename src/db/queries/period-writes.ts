/**
 * The writes every period plan shares, whatever the series (prices, scores): close the
 * periods a change or a delisting ends, and record the run's sightings. "Seen" is recorded
 * per run (source_sightings): a current run seeing its source's periods unchanged writes
 * no period row; only periods that start or stop being seen with their source are written
 * (domain/history/sightings.ts). Closes run before the caller opens new periods: the
 * exclusion constraint checks each statement.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { sourceSightings } from "../schema/index.ts";
import type { SeriesPlan } from "../../domain/history/period-plan.ts";
import { planSightings, type SeenPeriod } from "../../domain/history/sightings.ts";
import { slices } from "./catalogue.ts";
import { periodLastSeen, type PeriodTable } from "./period-seen.ts";

export interface SightingsInput {
  sourceId: string;
  runId: number | null;
  at: Date;
  /** The run is older than the source's newest one: it never becomes the latest sighting. */
  history: boolean;
  /** The run's plans: the periods each saw again (touch) and closes. */
  plans: ReadonlyArray<Pick<SeriesPlan<unknown>, "touch" | "close">>;
  /** Every recorded period the plans were made against, by id. */
  recorded: ReadonlyMap<number, SeenPeriod>;
}

export async function closePeriodsAndRecordSightings(db: Executor, table: PeriodTable, input: SightingsInput): Promise<void> {
  const at = input.at.toISOString();
  const seen = input.plans.flatMap((plan) => plan.touch.map((id) => input.recorded.get(id)!));
  const closes = input.plans.flatMap((plan) => plan.close);
  const seenIds = new Set(seen.map((period) => period.id));
  // A closed period keeps its own last sighting: this run's if it saw it, else the one it had.
  for (const slice of slices(closes)) {
    const values = sql.join(
      slice.map(({ id, validTo }) => sql`(${id}::bigint, ${validTo.toISOString()}::timestamptz, ${seenIds.has(id)}::boolean)`),
      sql`, `,
    );
    await db.execute(sql`update ${table} set valid_to = closing.valid_to,
        last_seen_at = case when closing.seen then greatest(${periodLastSeen(table)}, ${at}::timestamptz) else ${periodLastSeen(table)} end,
        seen_in_latest_run = false
      from (values ${values}) as closing(id, valid_to, seen) where ${table.id} = closing.id`);
  }

  const plan = planSightings(seen, new Set(closes.map((close) => close.id)), input.at, input.history);
  if (!input.history) {
    // The periods seen in the source's latest run that this run did not see were last seen then.
    // (<> all over a constant array is hashed from Postgres 15; not (= any) is a scan per row.)
    await db.execute(sql`update ${table} set last_seen_at = ${periodLastSeen(table)}, seen_in_latest_run = false
      where ${table.sourceId} = ${input.sourceId} and ${table.seenInLatestRun} and ${table.validTo} is null
        and ${table.id} <> all(${idArray(plan.stillSeen)})`);
    await updateIds(db, table, plan.promote, sql`last_seen_at = ${at}::timestamptz, seen_in_latest_run = true`);
    await db
      .insert(sourceSightings)
      .values({ sourceId: input.sourceId, runId: input.runId, seenAt: input.at })
      .onConflictDoUpdate({
        target: sourceSightings.sourceId,
        set: { runId: input.runId, seenAt: input.at },
        setWhere: sql`${sourceSightings.seenAt} <= ${at}::timestamptz`,
      });
  }
  await updateIds(db, table, plan.refresh, sql`last_seen_at = ${at}::timestamptz`);
}

async function updateIds(db: Executor, table: PeriodTable, ids: readonly number[], set: SQL): Promise<void> {
  if (ids.length > 0) await db.execute(sql`update ${table} set ${set} where ${table.id} = any(${idArray(ids)})`);
}

/** Ids as one bigint[] parameter (a list of thousands stays one parameter). */
function idArray(ids: readonly number[]): SQL {
  return sql`${`{${ids.join(",")}}`}::bigint[]`;
}

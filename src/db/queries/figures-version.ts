/**
 * The version of the data the price-war figures read, in one round trip: every write that
 * can move a figure moves one of these (a run's new periods, events and scores take new
 * ids and the run itself a new id; a re-resolution merges or renames models). Read from
 * the database, so every instance derives the same version from the same data.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { changeEvents, models, pricePeriods, scorePeriods, scrapeRuns } from "../schema/index.ts";

export async function figuresVersion(db: Executor): Promise<string> {
  const [row] = await db
    .select({
      version: sql<string>`concat_ws('.',
        (select max(${pricePeriods.id}) from ${pricePeriods}),
        (select max(${changeEvents.id}) from ${changeEvents}),
        (select max(${scorePeriods.id}) from ${scorePeriods}),
        (select max(${scrapeRuns.id}) from ${scrapeRuns} where ${scrapeRuns.status} = 'succeeded'),
        (select count(*) from ${models}),
        (select extract(epoch from max(${models.updatedAt})) from ${models}))`,
    })
    .from(sql`(select 1) as one`);
  return row?.version ?? "";
}

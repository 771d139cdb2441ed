/** `pricewar backfill SOURCE DIR`: ingest dated payloads in date order (see jobs/backfill.ts). */
import { sourceById } from "../../../scrapers/registry.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { waitForSourceFree } from "../../db/queries/runs.ts";
import { runBackfill } from "../../jobs/backfill.ts";
import type { Runtime } from "../../runtime.ts";
import { parseCommandArgs, requirePath } from "../args.ts";
import { UsageError } from "../usage-error.ts";
import { waitingLine } from "./scrape.ts";

export async function backfillCommand(args: string[], open: () => Promise<Runtime>): Promise<number> {
  const { positionals } = parseCommandArgs("backfill", args, {});
  if (positionals.length !== 2) throw new UsageError("backfill: usage: pricewar backfill SOURCE DIR");
  const [sourceId, dir] = positionals as [string, string];
  const source = sourceById(sourceId);
  requirePath("backfill", dir, "folder");
  const runtime = await open();
  await migrateDatabase(runtime.connection);
  await waitForSourceFree(runtime.connection.db, source.id, { onWait: (run) => process.stderr.write(waitingLine(run)) });
  const result = await runBackfill(runtime.connection.db, source, dir, {
    logger: runtime.logger,
    progress: (line) => process.stdout.write(`${line}\n`),
  });
  const failed = result.runs.filter((run) => run.status === "failed");
  const resumed = result.alreadyIngested.length > 0 ? ` (${result.alreadyIngested.length} more ingested before)` : "";
  process.stdout.write(`backfill ${source.id}: ${result.runs.length - failed.length} of ${result.runs.length} payloads ingested${resumed}\n`);
  return failed.length > 0 ? 1 : 0;
}

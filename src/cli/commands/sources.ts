/** `pricewar sources [--json]`: every source, its last run, and the share of rows resolved to models. */
import { SOURCES } from "../../../scrapers/registry.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { sourceStatuses } from "../../db/queries/sources.ts";
import type { Runtime } from "../../runtime.ts";
import { parseCommandArgs } from "../args.ts";
import { percent, table } from "../format.ts";

export async function sourcesCommand(args: string[], open: () => Promise<Runtime>): Promise<number> {
  const { values } = parseCommandArgs("sources", args, { json: { type: "boolean" } });
  const runtime = await open();
  await migrateDatabase(runtime.connection);
  const statuses = await sourceStatuses(runtime.connection.db, SOURCES);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(statuses, null, 2)}\n`);
    return 0;
  }
  const rows = statuses.map((status) => [
    status.id,
    status.kind,
    status.authority,
    status.lastRun?.status ?? "never run",
    status.lastSuccess?.observedAt.toISOString().slice(0, 16).replace("T", " ") ?? null,
    status.lastSuccess?.parsed ?? null,
    percent(status.resolvedShare),
    `${status.names.unmatched}/${status.names.total}`,
    status.lastRun?.status === "succeeded" ? null : (status.lastRun?.error?.slice(0, 80) ?? null),
  ]);
  process.stdout.write(table(["source", "kind", "authority", "last run", "observed", "rows", "resolved", "unmatched names", "error"], rows));
  return 0;
}

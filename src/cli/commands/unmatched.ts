/** `pricewar unmatched [--source S] [--limit N] [--json]`: names no model matched, grouped by reason. */
import { sourceById } from "../../../scrapers/registry.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { unmatchedNames } from "../../db/queries/sources.ts";
import type { Runtime } from "../../runtime.ts";
import { parseCommandArgs } from "../args.ts";
import { table } from "../format.ts";
import { UsageError } from "../usage-error.ts";

export async function unmatchedCommand(args: string[], open: () => Promise<Runtime>): Promise<number> {
  const { values } = parseCommandArgs("unmatched", args, { source: { type: "string" }, limit: { type: "string" }, json: { type: "boolean" } });
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`unmatched: --limit must be a positive whole number, got "${values.limit}"`);
  if (values.source) sourceById(values.source);
  const runtime = await open();
  await migrateDatabase(runtime.connection);
  const result = await unmatchedNames(runtime.connection.db, { source: values.source, limit });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  process.stdout.write("Unmatched names by source and reason:\n");
  process.stdout.write(table(["source", "names", "reason"], result.groups.map((group) => [group.source, group.names, group.reason])));
  process.stdout.write(`\nNewest ${result.names.length}:\n`);
  process.stdout.write(table(["source", "name", "reason"], result.names.map((name) => [name.source, name.rawName, name.reason])));
  return 0;
}

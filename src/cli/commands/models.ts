/**
 * `pricewar models audit [--limit N] [--json]`: near-duplicate ids, sellers taken as
 * makers, settings stored as models, the largest groups of unmatched names.
 * `pricewar models reresolve [--json]`: re-read every stored name with the current
 * resolver and merge the models whose ids now coincide (also run at every start).
 */
import { migrateDatabase } from "../../db/migrate.ts";
import { modelAudit } from "../../db/queries/model-audit.ts";
import { reresolveCatalogue } from "../../db/queries/model-merge.ts";
import type { IdentityAudit } from "../../domain/identity/audit.ts";
import type { Runtime } from "../../runtime.ts";
import { parseCommandArgs } from "../args.ts";
import { table } from "../format.ts";
import { UsageError } from "../usage-error.ts";

const SUBCOMMANDS = "audit | reresolve";

export async function modelsCommand(args: string[], open: () => Promise<Runtime>): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "audit") return auditCommand(rest, open);
  if (sub === "reresolve") return reresolveCommand(rest, open);
  throw new UsageError(`models: expected a sub-command (${SUBCOMMANDS}), got ${sub === undefined ? "none" : `"${sub}"`}`);
}

async function auditCommand(args: string[], open: () => Promise<Runtime>): Promise<number> {
  const { values } = parseCommandArgs("models audit", args, { limit: { type: "string" }, json: { type: "boolean" } });
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`models audit: --limit must be a positive whole number, got "${values.limit}"`);
  const runtime = await open();
  await migrateDatabase(runtime.connection);
  const audit = await modelAudit(runtime.connection.db, { limit });
  process.stdout.write(values.json ? `${JSON.stringify(audit, null, 2)}\n` : formatAudit(audit));
  return 0;
}

export function formatAudit(audit: IdentityAudit): string {
  const parts = [
    `${audit.models} models: ${audit.nearDuplicates.length} near-duplicate sets, ${audit.sellerAsCreator.length} seller-as-creator ids, ${audit.settingAsModel.length} setting-as-model ids\n`,
    "\nNear-duplicate ids:\n",
    table(["kind", "ids"], audit.nearDuplicates.map((set) => [set.kind, set.ids.join(", ")])),
    "\nIds whose creator is a seller or not the family's maker:\n",
    table(["id", "creator kind", "family's maker"], audit.sellerAsCreator.map((entry) => [entry.id, entry.sellerKind, entry.familyCreator])),
    "\nIds that carry a setting:\n",
    table(["id", "model", "setting"], audit.settingAsModel.map((entry) => [entry.id, entry.base, entry.setting])),
    "\nLargest groups of unmatched names:\n",
    table(["names", "reason", "sources", "examples"], audit.unmatched.map((group) => [group.names, group.reason, group.sources.join(", "), group.examples.slice(0, 3).join("; ")])),
  ];
  return parts.join("");
}

async function reresolveCommand(args: string[], open: () => Promise<Runtime>): Promise<number> {
  const { values } = parseCommandArgs("models reresolve", args, { json: { type: "boolean" } });
  const runtime = await open();
  await migrateDatabase(runtime.connection);
  const summary = await reresolveCatalogue(runtime.connection.db, { logger: runtime.logger });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(
    `models ${summary.modelsBefore} -> ${summary.modelsAfter} (${summary.modelsCreated} created, ${summary.modelsDeleted} merged away); ` +
      `${summary.aliasesChanged} of ${summary.aliases} aliases re-pointed\n` +
      `price periods: ${summary.pricePeriodsMoved} moved, ${summary.pricePeriodsJoined} joined as duplicates, ${summary.pricePeriodsLeft} left in place; ` +
      `change events: ${summary.changeEventsMoved} moved, ${summary.changeEventsFolded} folded\n` +
      `score periods: ${summary.scorePeriodsMoved} moved, ${summary.scorePeriodsJoined} joined, ${summary.scorePeriodsLeft} left in place; ` +
      `${summary.pointers} pointers of floating names written\n`,
  );
  if (summary.merges.length > 0) {
    process.stdout.write(`\nLargest merges:\n${table(["into", "ids merged"], summary.merges.slice(0, 10).map((merge) => [merge.into, merge.from.join(", ")]))}`);
  }
  return 0;
}

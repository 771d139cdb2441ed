/**
 * `pricewar reprice FILE [--json] [--compare now|best]`: a usage log priced at the
 * prices in force then. --json writes NDJSON (one object per line, then the totals),
 * as POST /api/v1/reprice does; otherwise totals tables and the first lines without a
 * price, with their reasons. On a terminal, a progress bar on stderr.
 */
import { createReadStream, statSync } from "node:fs";
import { defaultBestRoute } from "../../api/best-route.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { createRepriceLookup } from "../../db/queries/reprice-prices.ts";
import { readUsageLog } from "../../domain/reprice/read-log.ts";
import { COMPARE_MODES, repriceLog, type CompareMode } from "../../domain/reprice/reprice-log.ts";
import type { Totals, TotalRow } from "../../domain/reprice/totals.ts";
import type { Runtime } from "../../runtime.ts";
import { parseCommandArgs, requirePath } from "../args.ts";
import { progressBar } from "../progress-bar.ts";
import { table } from "../format.ts";
import { UsageError } from "../usage-error.ts";

const SHOWN_PROBLEMS = 20;

function totalsTable(title: string, rows: TotalRow[], comparing: boolean): string {
  const headers = ["", "lines", "unpriced", "input tok", "output tok", "cost USD", ...(comparing ? ["compared USD", "cmp unpriced"] : [])];
  const body = rows.map((row) => [row.key, row.lines, row.unpriced, row.inputTokens, row.outputTokens, row.cost, ...(comparing ? [row.compareCost ?? "", row.compareUnpriced ?? 0] : [])]);
  return `${title}:\n${table(headers, body)}`;
}

function summaryText(totals: Totals, compare: CompareMode | undefined): string {
  const comparing = compare !== undefined;
  const head = `${totals.lines} lines: ${totals.priced} priced, ${totals.unpriced} without a price, ${totals.invalid} invalid. Cost USD ${totals.cost}${comparing ? `; at ${compare === "now" ? "today's price, same seller" : "today's best route"}: ${totals.compareCost}` : ""}\n`;
  return [head, totalsTable("By model", totals.byModel, comparing), totalsTable("By seller", totals.bySeller, comparing), totalsTable("By day (UTC)", totals.byDay, comparing)].join("\n");
}

export async function repriceCommand(args: string[], open: () => Promise<Runtime>): Promise<number> {
  const { values, positionals } = parseCommandArgs("reprice", args, { json: { type: "boolean" }, compare: { type: "string" } });
  if (positionals.length !== 1) throw new UsageError("reprice: give one usage log FILE (JSONL or CSV)");
  const compare = values.compare as CompareMode | undefined;
  if (compare !== undefined && !COMPARE_MODES.includes(compare)) throw new UsageError(`reprice: --compare must be one of ${COMPARE_MODES.join(", ")}, got "${compare}"`);
  const file = positionals[0]!;
  const size = statSync(requirePath("reprice", file, "file")).size;
  const runtime = await open();
  await migrateDatabase(runtime.connection);
  const context = { db: runtime.connection.db, connection: runtime.connection, logger: runtime.logger };
  const lookup = createRepriceLookup(context.db, { bestRoute: defaultBestRoute(context) });
  const input = createReadStream(file);
  const progress = progressBar(size);
  const problems: string[] = [];
  let lines = 0;
  let totals: Totals | undefined;
  for await (const item of repriceLog(readUsageLog(input), lookup, compare ? { compare } : {})) {
    if (values.json && !process.stdout.write(`${JSON.stringify(item)}\n`)) await new Promise((done) => process.stdout.once("drain", done));
    if (item.type === "totals") totals = item.totals;
    else {
      lines += 1;
      if (!item.ok && problems.length < SHOWN_PROBLEMS) problems.push(`line ${item.line}${item.model ? ` (${item.model})` : ""}: ${item.reason}`);
      progress.update(input.bytesRead, lines);
    }
  }
  progress.finish();
  if (!values.json && totals) {
    process.stdout.write(summaryText(totals, compare));
    const unexplained = totals.unpriced + totals.invalid;
    if (unexplained > 0) process.stdout.write(`\nLines without a price (first ${Math.min(unexplained, SHOWN_PROBLEMS)} of ${unexplained}):\n${problems.join("\n")}\n`);
  }
  return 0;
}

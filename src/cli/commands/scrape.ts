/** `pricewar scrape [SOURCE...] [--replay PATH] [--at ISO_DATE]`: run sources now. */
import { SOURCES, sourceById } from "../../../scrapers/registry.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { waitForSourceFree, type ScrapeRun } from "../../db/queries/runs.ts";
import { liveLoader, replayLoader } from "../../jobs/load-documents.ts";
import { runSource, type RunSummary } from "../../jobs/run-source.ts";
import type { Runtime } from "../../runtime.ts";
import { parseCommandArgs, parseDateOption, requirePath } from "../args.ts";
import { UsageError } from "../usage-error.ts";

export async function scrapeCommand(args: string[], open: () => Promise<Runtime>): Promise<number> {
  const { values, positionals } = parseCommandArgs("scrape", args, { replay: { type: "string" }, at: { type: "string" }, json: { type: "boolean" } });
  const sources = positionals.length > 0 ? positionals.map(sourceById) : [...SOURCES];
  if (values.replay && sources.length !== 1) throw new UsageError("scrape: --replay reads one payload, so name exactly one source");
  if (values.replay) requirePath("scrape", values.replay, "file or folder");
  const at = parseDateOption("scrape", "at", values.at);
  const { connection, env, logger } = await open();
  await migrateDatabase(connection);

  const load = values.replay ? replayLoader(values.replay) : liveLoader(connection.db, { env, timeoutMs: env.HTTP_TIMEOUT_MS });
  const summaries: RunSummary[] = [];
  for (const source of sources) {
    // A dead process's run never fails the command: it is failed once its lease lapses; a live one is waited for.
    await waitForSourceFree(connection.db, source.id, { onWait: (run) => process.stderr.write(waitingLine(run)) });
    const summary = await runSource(connection.db, source, { trigger: values.replay ? "replay" : "manual", at, load, env, logger });
    summaries.push(summary);
    if (!values.json) process.stdout.write(describeRun(summary));
  }
  if (values.json) process.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
  return summaries.some((summary) => summary.status === "failed") ? 1 : 0;
}

export function waitingLine(run: ScrapeRun): string {
  return `${run.sourceId}: waiting for run ${run.id} (instance ${run.instanceId ?? "unknown"}, started ${run.startedAt.toISOString()}) to finish or lapse\n`;
}

export function describeRun(summary: RunSummary): string {
  if (summary.status === "failed" && (summary.rejected > 0 || summary.quarantined > 0)) {
    return `${summary.sourceId}: failed: ${summary.error} (rejected ${summary.rejected}, quarantined ${summary.quarantined})\n`;
  }
  if (summary.status !== "succeeded") return `${summary.sourceId}: ${summary.status}: ${summary.error}\n`;
  const lines = [
    `${summary.sourceId}: succeeded (run ${summary.runId}): parsed ${summary.parsed}, changed ${summary.changed}, unmatched ${summary.unmatched}, rejected ${summary.rejected}, quarantined ${summary.quarantined}, skipped ${summary.skipped}`,
    ...summary.rejectedSamples.slice(0, 5).map((entry) => `  rejected ${entry.name}: ${entry.reason}`),
  ];
  return `${lines.join("\n")}\n`;
}

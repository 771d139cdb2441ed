/** The `pricewar` command line: one sub-command per file under commands/. */
import { ConfigError } from "../config/env.ts";
import { openRuntime, type Runtime } from "../runtime.ts";
import { UnknownSourceError } from "../../scrapers/registry.ts";
import { backfillCommand } from "./commands/backfill.ts";
import { bestCommand } from "./commands/best.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { modelsCommand } from "./commands/models.ts";
import { repriceCommand } from "./commands/reprice.ts";
import { scrapeCommand } from "./commands/scrape.ts";
import { sourcesCommand } from "./commands/sources.ts";
import { startCommand } from "./commands/start.ts";
import { unmatchedCommand } from "./commands/unmatched.ts";
import { UsageError } from "./usage-error.ts";

/**
 * A command checks its arguments first, then opens the runtime (configuration, logger,
 * database) only if it needs it; it returns its exit code (0 when it returns nothing).
 */
type Command = (args: string[], open: () => Promise<Runtime>) => Promise<number | void>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  start: { run: startCommand, help: "migrate, schedule scrapers, serve HTTP on PORT (default 8787)" },
  migrate: { run: migrateCommand, help: "apply database migrations" },
  scrape: { run: scrapeCommand, help: "[SOURCE...] [--replay PATH] [--at ISO_DATE] [--json]  run sources now" },
  backfill: { run: backfillCommand, help: "SOURCE DIR  ingest dated payloads (date in the name) in date order" },
  sources: { run: sourcesCommand, help: "[--json]  sources, last runs, share of rows resolved to models" },
  unmatched: { run: unmatchedCommand, help: "[--source S] [--limit N] [--json]  names no model matched" },
  models: { run: modelsCommand, help: "audit [--limit N] [--json] | reresolve [--json]  identity audit; merge ids the current resolver joins" },
  reprice: { run: repriceCommand, help: "FILE [--json] [--compare now|best]  price a usage log (JSONL or CSV) at the prices in force then" },
  best: {
    run: bestCommand,
    help: "--task T [--min-quality Q | --within W] [--max-price P] [--objective cost|quality] [--open-weights] [--providers a,b] [--exclude-providers a,b] [--min-context N] [--min-coverage C] [--as-of DATE] [--limit N] [--json]",
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, { help }]) => `  ${name.padEnd(10)} ${help}`);
  return `usage: pricewar <command> [options]\n\ncommands:\n${lines.join("\n")}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`pricewar: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  let runtime: Runtime | undefined;
  try {
    return (await command.run(args, async () => (runtime ??= await openRuntime()))) ?? 0;
  } finally {
    await runtime?.connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof UsageError || error instanceof UnknownSourceError) {
      process.stderr.write(`pricewar: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`pricewar: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);

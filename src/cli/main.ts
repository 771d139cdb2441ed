/** The `pricewar` command line: one sub-command per file under commands/. */
import packageJson from "../../package.json" with { type: "json" };
import { ConfigError, loadEnv, type Env } from "../config/env.ts";
import { configureRuntime, openRuntime, type Configured, type Runtime } from "../runtime.ts";
import { commandHelp, overview } from "./help.ts";
import { cliLogLevel, splitGlobalFlags } from "./global-flags.ts";
import { UsageError } from "./usage-error.ts";

/**
 * A command checks its arguments first, then opens the runtime (configuration, logger,
 * database) only if it needs it, or first only the configuration and logger (configure);
 * it returns its exit code (0 when it returns nothing).
 */
export type Command = (args: string[], open: () => Promise<Runtime>, configure: () => Configured) => Promise<number | void>;

/** Loaded when run, so --help, --version and each command load only what they use. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  start: async () => (await import("./commands/start-listening.ts")).startListeningCommand,
  migrate: async () => (await import("./commands/migrate.ts")).migrateCommand,
  scrape: async () => (await import("./commands/scrape.ts")).scrapeCommand,
  backfill: async () => (await import("./commands/backfill.ts")).backfillCommand,
  sources: async () => (await import("./commands/sources.ts")).sourcesCommand,
  unmatched: async () => (await import("./commands/unmatched.ts")).unmatchedCommand,
  models: async () => (await import("./commands/models.ts")).modelsCommand,
  reprice: async () => (await import("./commands/reprice.ts")).repriceCommand,
  best: async () => (await import("./commands/best.ts")).bestCommand,
};

/** The service logs at LOG_LEVEL; the other commands keep the terminal for their output. */
const SERVICE_COMMANDS = new Set(["start"]);

let verbose = false;

async function main(argv: string[]): Promise<number> {
  const flags = splitGlobalFlags(argv);
  verbose = flags.verbose;
  const [name, ...args] = flags.args;
  if (flags.version) {
    process.stdout.write(`pricewar ${packageJson.version}\n`);
    return 0;
  }
  if (name === undefined) {
    (flags.help ? process.stdout : process.stderr).write(overview());
    return flags.help ? 0 : 2;
  }
  if (name === "help") {
    process.stdout.write(args[0] !== undefined && COMMANDS[args[0]] ? commandHelp(args[0]) : overview());
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) throw new UsageError(`unknown command "${name}"; run pricewar --help for the list`);
  if (flags.help) {
    process.stdout.write(commandHelp(name));
    return 0;
  }
  const command = await load();
  let configured: Configured | undefined;
  const configure = () => {
    if (configured) return configured;
    const env: Env = loadEnv();
    return (configured = configureRuntime(env, { logLevel: SERVICE_COMMANDS.has(name) ? env.LOG_LEVEL : cliLogLevel(env.LOG_LEVEL, flags.verbose) }));
  };
  let runtime: Runtime | undefined;
  const open = async () => {
    const { env, logger } = configure();
    return (runtime ??= await openRuntime(env, { logger }));
  };
  try {
    return (await command(args, open, configure)) ?? 0;
  } finally {
    await runtime?.connection.close();
    if (SERVICE_COMMANDS.has(name)) exitIfHeldOpen(configure().logger);
  }
}

/**
 * After a service's shutdown nothing should keep the process alive; if something does (a
 * connection left open by a query in flight as the pool ended: 2 of ~19 two-instance
 * SIGTERMs before market views stopped rebuilding at shutdown), the process exits 2 s
 * later and says what was still open.
 */
function exitIfHeldOpen(logger: Configured["logger"]): void {
  setTimeout(() => {
    logger.warn({ open: process.getActiveResourcesInfo() }, "still running 2 s after shutdown: exiting");
    process.exit();
  }, 2_000).unref();
}

/** What the user can fix (the command line, the configuration, a named source): one line, exit code 2. */
async function isUserError(error: unknown): Promise<boolean> {
  if (error instanceof ConfigError || error instanceof UsageError) return true;
  const { UnknownSourceError } = await import("../../scrapers/registry.ts");
  return error instanceof UnknownSourceError;
}

/** Anything else is a failure to report, not a crash to dump: its stack with --verbose. */
function failureLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const details = verbose && error instanceof Error && error.stack ? `\n${error.stack}` : " (run with --verbose for details)";
  return `pricewar: ${message}${details}\n`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  async (error: unknown) => {
    const userError = await isUserError(error);
    process.stderr.write(userError ? `pricewar: ${(error as Error).message}\n` : failureLine(error));
    // Exit now: a command that failed half-way (start, after listening) may leave handles open.
    process.exit(userError ? 2 : 1);
  },
);

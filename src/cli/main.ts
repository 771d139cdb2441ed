/** The `pricewar` command line: one sub-command per file under commands/. */
import { ConfigError } from "../config/env.ts";
import { openRuntime, type Runtime } from "../runtime.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { startCommand } from "./commands/start.ts";

type Command = (runtime: Runtime, args: string[]) => Promise<void>;

const COMMANDS: Record<string, { run: Command; help: string }> = {
  start: { run: startCommand, help: "migrate, schedule scrapers, serve HTTP on PORT (default 8787)" },
  migrate: { run: migrateCommand, help: "apply database migrations" },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, { help }]) => `  ${name.padEnd(10)} ${help}`);
  return `usage: pricewar <command> [options]\n\ncommands:\n${lines.join("\n")}\n`;
}

export class UsageError extends Error {
  override name = "UsageError";
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
  const runtime = await openRuntime();
  try {
    await command.run(runtime, args);
    return 0;
  } finally {
    await runtime.connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof UsageError) {
      process.stderr.write(`pricewar: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`pricewar: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);

/** The flags every command takes (--help, --version, --verbose), split from the command's own. */
import type { Env } from "../config/env.ts";

export interface GlobalFlags {
  help: boolean;
  version: boolean;
  verbose: boolean;
  /** The command's name and its own arguments, in order. */
  args: string[];
}

const HELP = new Set(["--help", "-h"]);

/** Global flags anywhere before a `--` (after it, everything is the command's). */
export function splitGlobalFlags(argv: readonly string[]): GlobalFlags {
  const flags: GlobalFlags = { help: false, version: false, verbose: false, args: [] };
  let rest = false;
  for (const arg of argv) {
    if (rest) flags.args.push(arg);
    else if (arg === "--") {
      rest = true;
      flags.args.push(arg);
    } else if (HELP.has(arg)) flags.help = true;
    else if (arg === "--verbose") flags.verbose = true;
    else if (arg === "--version") flags.version = true;
    else flags.args.push(arg);
  }
  return flags;
}

const LEVELS: ReadonlyArray<Env["LOG_LEVEL"]> = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

/** A CLI command logs warnings and worse unless --verbose; a stricter LOG_LEVEL still wins. */
export function cliLogLevel(configured: Env["LOG_LEVEL"], verbose: boolean): Env["LOG_LEVEL"] {
  if (verbose) return configured;
  return LEVELS.indexOf(configured) > LEVELS.indexOf("warn") ? configured : "warn";
}

import { statSync, type Stats } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error.ts";

/** The option table a command passes to parseArgs (named, so declarations can refer to it). */
export type CommandOptions = NonNullable<ParseArgsConfig["options"]>;

type StrictConfig<T extends CommandOptions> = { args: string[]; options: T; allowPositionals: true; strict: true };

export type ParsedCommandArgs<T extends CommandOptions> = ReturnType<typeof parseArgs<StrictConfig<T>>>;

/** node:util parseArgs, strict, with its errors turned into usage errors that name the command. */
export function parseCommandArgs<T extends CommandOptions>(command: string, args: string[], options: T): ParsedCommandArgs<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function parseDateOption(command: string, name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new UsageError(`${command}: --${name} must be an ISO date (YYYY-MM-DD or a date-time), got "${value}"`);
  return date;
}

/** A path the command reads: a missing or wrong-kind path is the user's to fix, said in one line. */
export function requirePath(command: string, path: string, kind: "file" | "folder" | "file or folder"): string {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : error instanceof Error ? error.message : String(error);
    throw new UsageError(`${command}: cannot read ${path}: ${reason}`);
  }
  if (kind === "folder" && !stats.isDirectory()) throw new UsageError(`${command}: ${path} is not a folder`);
  if (kind === "file" && !stats.isFile()) throw new UsageError(`${command}: ${path} is not a file`);
  return path;
}

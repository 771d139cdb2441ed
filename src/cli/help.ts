/**
 * What `pricewar --help` and `pricewar <command> --help` print: each command's synopsis,
 * what it does, and its options. Pure text; main.ts decides where it goes.
 */

export interface CommandHelp {
  /** Arguments after the command's name, e.g. "SOURCE DIR". */
  synopsis: string;
  summary: string;
  /** [flag with its value, meaning], in the order shown. */
  options: ReadonlyArray<readonly [string, string]>;
}

const JSON_OPTION = ["--json", "print JSON instead of a table"] as const;

export const COMMAND_HELP: Readonly<Record<string, CommandHelp>> = {
  start: {
    synopsis: "",
    summary: "migrate, schedule scrapers, serve HTTP on HOST:PORT (default 8787); stops on SIGINT/SIGTERM",
    options: [],
  },
  migrate: { synopsis: "", summary: "apply database migrations", options: [] },
  scrape: {
    synopsis: "[SOURCE...] [--replay PATH] [--at ISO_DATE] [--json]",
    summary: "run sources now (every source when none is named)",
    options: [
      ["--replay PATH", "read the one named source's payload from a file or folder instead of the network"],
      ["--at ISO_DATE", "the observation time to record (backfills)"],
      JSON_OPTION,
    ],
  },
  backfill: {
    synopsis: "SOURCE DIR",
    summary: "ingest a folder's dated payloads (date in each name) in date order, one run each; resumes where it stopped",
    options: [],
  },
  sources: { synopsis: "[--json]", summary: "every source, its last run, and the share of its rows resolved to models", options: [JSON_OPTION] },
  unmatched: {
    synopsis: "[--source S] [--limit N] [--json]",
    summary: "names no model matched, grouped by source and reason",
    options: [
      ["--source S", "only this source's names"],
      ["--limit N", "how many of the newest names to list (default 50)"],
      JSON_OPTION,
    ],
  },
  models: {
    synopsis: "audit [--limit N] [--json] | reresolve [--json]",
    summary: "audit: near-duplicate ids, sellers taken as makers, settings stored as models; reresolve: re-read stored names and merge ids that now coincide",
    options: [["--limit N", "audit: entries per list (default 20)"], JSON_OPTION],
  },
  reprice: {
    synopsis: "FILE [--json] [--compare now|best]",
    summary: "price a usage log (JSONL or CSV) at the prices in force at each line's time",
    options: [
      ["--compare now|best", "also price it at today's price from the same seller (now) or today's best route (best)"],
      ["--json", "write NDJSON, one object per line then the totals (as POST /api/v1/reprice)"],
    ],
  },
  best: {
    synopsis: "--task T [--min-quality Q | --within W | --indistinguishable] [--max-width W] [options]",
    summary: "the cheapest models meeting a quality bar for a task class (or the best under a price cap); no bar: the default answer",
    options: [
      ["--task T", "task class id (required)"],
      ["--min-quality Q", "absolute quality bar: expected score 0..100 on the class's benchmarks"],
      ["--within W", "at most W points below the best model's quality, e.g. 3"],
      ["--indistinguishable", "statistically indistinguishable from the best (two-sided z-test at 5% on the difference)"],
      ["--max-width W", "leave out models whose 95% quality interval is wider than W points"],
      ["--max-price P", "cap on the blended price per 1M tokens under the class's token profile, in the ranking currency"],
      ["--currency USD|CNY|EUR", "rank the offerings priced in this currency, in it (default USD; never converted)"],
      ["--variants a,b", "offering variants you may use, e.g. standard,batch (default standard)"],
      ["--objective cost|quality", "rank by cost under the bar, or by quality under the cap"],
      ["--open-weights", "open-weights models only"],
      ["--providers a,b", "only these sellers"],
      ["--exclude-providers a,b", "never these sellers"],
      ["--min-context N", "minimum context window in tokens"],
      ["--sellers default|all", "default: labs, clouds and established hosts; all: routers, resellers and gateways too"],
      ["--regions a,b", "regions beyond global offerings, e.g. cn"],
      ["--include-suspect", "rank offerings whose price is suspect"],
      ["--include-withdrawn", "rank deprecated and retired models too"],
      ["--min-coverage C", "minimum share (0..1) of the class's benchmark weight with scores"],
      ["--as-of DATE", "use only prices and scores known at this date"],
      ["--limit N", "how many candidates to list"],
      JSON_OPTION,
    ],
  },
};

const GLOBAL_OPTIONS: ReadonlyArray<readonly [string, string]> = [
  ["-h, --help", "show help (also after a command: pricewar best --help)"],
  ["--version", "print the version"],
  ["--verbose", "log at LOG_LEVEL (default info) on stderr; otherwise commands other than start log warnings and errors only"],
];

function optionLines(options: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...options.map(([flag]) => flag.length));
  return options.map(([flag, meaning]) => `  ${flag.padEnd(width)}  ${meaning}`).join("\n");
}

export function overview(): string {
  const width = Math.max(...Object.keys(COMMAND_HELP).map((name) => name.length));
  const commands = Object.entries(COMMAND_HELP).map(([name, help]) => `  ${name.padEnd(width)}  ${help.summary}`);
  return `usage: pricewar <command> [options]\n\ncommands:\n${commands.join("\n")}\n\noptions:\n${optionLines(GLOBAL_OPTIONS)}\n\nRun pricewar <command> --help for a command's options.\n`;
}

export function commandHelp(name: string): string {
  const help = COMMAND_HELP[name];
  if (!help) throw new Error(`no help for command "${name}"`);
  const usage = `usage: pricewar ${name}${help.synopsis ? ` ${help.synopsis}` : ""}\n\n${help.summary}\n`;
  const options = [...help.options, ...GLOBAL_OPTIONS.filter(([flag]) => flag !== "--version")];
  return `${usage}\noptions:\n${optionLines(options)}\n`;
}

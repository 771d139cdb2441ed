/** The CLI as a user meets it: help, version, user errors and quiet logs, in child processes. */
import { describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { COMMAND_HELP } from "../../src/cli/help.ts";
import { useCliDatabase } from "../helpers/cli-database.ts";
import { runCli } from "../helpers/cli.ts";

/** One line on stderr, no stack frames. */
function expectOneLine(stderr: string): void {
  expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe("pricewar CLI", () => {
  const database = useCliDatabase("pricewar-cli-");

  it("prints the package version", async () => {
    const result = await runCli(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: `pricewar ${packageJson.version}\n` });
  });

  it("answers --help for every command with its usage, exit code 0", async () => {
    const names = Object.keys(COMMAND_HELP);
    const results = await Promise.all(names.map((name) => runCli([name, "--help"])));
    results.forEach((result, index) => {
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`usage: pricewar ${names[index]}`);
    });
  });

  it.concurrent.each([
    [["scrape", "--bogus"], /scrape: Unknown option '--bogus'/],
    [["backfill", "litellm", "/nonexistent"], /backfill: cannot read \/nonexistent: no such file or folder/],
    [["backfill", "no-such-source", "/tmp"], /unknown source "no-such-source"/],
    [["reprice", "/nonexistent.jsonl"], /reprice: cannot read \/nonexistent.jsonl/],
    [["best"], /best: --task is required/],
    [["frobnicate"], /unknown command "frobnicate"/],
  ])("%j is a user error: one line on stderr, exit code 2", async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expectOneLine(result.stderr);
  });

  it("keeps logs below warn off stderr unless --verbose", async () => {
    const env = { ...(await database()), LOG_LEVEL: "debug" };
    const quiet = await runCli(["migrate"], env);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toMatch(/^migrated /);
    expect(quiet.stderr).toBe("");
    const verbose = await runCli(["migrate", "--verbose"], env);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toContain('"msg":"database opened"');
  });
});

import { describe, expect, it } from "vitest";
import { cliLogLevel, splitGlobalFlags } from "../../src/cli/global-flags.ts";
import { COMMAND_HELP, commandHelp, overview } from "../../src/cli/help.ts";

describe("splitGlobalFlags", () => {
  it("takes --help, -h, --verbose and --version anywhere before --, keeping the command's own arguments in order", () => {
    expect(splitGlobalFlags(["best", "--task", "coding", "--verbose", "-h"])).toEqual({ help: true, version: false, verbose: true, args: ["best", "--task", "coding"] });
    expect(splitGlobalFlags(["--version"])).toMatchObject({ version: true, args: [] });
  });

  it("leaves everything after -- to the command", () => {
    expect(splitGlobalFlags(["reprice", "--", "--help"])).toEqual({ help: false, version: false, verbose: false, args: ["reprice", "--", "--help"] });
  });
});

describe("cliLogLevel", () => {
  it("is warn unless --verbose, and a stricter LOG_LEVEL still wins", () => {
    expect(cliLogLevel("info", false)).toBe("warn");
    expect(cliLogLevel("debug", false)).toBe("warn");
    expect(cliLogLevel("error", false)).toBe("error");
    expect(cliLogLevel("debug", true)).toBe("debug");
  });
});

describe("help", () => {
  it("lists every command in the overview and gives each a usage line and its options", () => {
    const text = overview();
    for (const name of Object.keys(COMMAND_HELP)) {
      expect(text).toContain(`  ${name} `);
      expect(commandHelp(name)).toMatch(new RegExp(`^usage: pricewar ${name}`));
      expect(commandHelp(name)).toContain("--verbose");
    }
    expect(commandHelp("best")).toContain("--min-coverage C");
  });
});

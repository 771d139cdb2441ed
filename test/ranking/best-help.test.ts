/** `pricewar best --help` lists every flag the command reads, and the README's command table does too. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BEST_OPTIONS } from "../../src/cli/commands/best.ts";
import { commandHelp } from "../../src/cli/help.ts";

const flags = Object.keys(BEST_OPTIONS).map((name) => `--${name}`);

describe("best's help", () => {
  it("names every flag the command parses, including the bars --indistinguishable and --max-width", () => {
    const help = commandHelp("best");
    expect(flags).toEqual(expect.arrayContaining(["--indistinguishable", "--max-width"]));
    for (const flag of flags) expect(help, flag).toMatch(new RegExp(`^  ${flag}\\b`, "m"));
    expect(help.split("\n")[0]).toMatch(/--indistinguishable\] \[--max-width W\]/);
  });

  it("the README's line for pricewar best names them too", () => {
    const line = readFileSync(new URL("../../README.md", import.meta.url), "utf8").split("\n").find((row) => row.startsWith("| `pricewar best"))!;
    for (const flag of flags.filter((flag) => flag !== "--task")) expect(line, flag).toContain(flag);
  });
});

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { useCliDatabase } from "../helpers/cli-database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

// The CLI runs in child processes: on PGlite they share a data folder, on Postgres a fresh server database.
const databaseEnv = useCliDatabase("pricewar-cli-");

describe("pricewar scrape / backfill / sources / unmatched", () => {
  it("scrapes one source from a replayed file at a given date", async () => {
    const file = snapshotPath("prices/openrouter/models-data-sorted_2026-03-03_from-skissue-d04372e9da.json");
    const result = await runCli(["scrape", "openrouter", "--replay", file, "--at", "2026-03-03"], await databaseEnv());
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    // 340 priced names on 336 offerings: gpt-4o-mini is its only snapshot, o3-mini-high / o4-mini-high a setting of o3-mini / o4-mini.
    expect(result.stdout).toMatch(/^openrouter: succeeded \(run \d+\): parsed 340, changed 336, unmatched 1, rejected 0, quarantined 0, skipped 2$/m);
  });

  it("backfills a folder of dated payloads with a progress line each", async () => {
    const result = await runCli(["backfill", "llm-prices", snapshotPath("prices/llm-prices")], await databaseEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\[1\/2\] llm-prices 2026-03-17 @ 2026-03-17: parsed 87, changed \d+/m);
    expect(result.stdout).toMatch(/^\[2\/2\] llm-prices 2026-08-06 @ 2026-08-06: parsed 116/m);
    expect(result.stdout).toMatch(/^skip invalid: no date in its name$/m);
    expect(result.stdout).toMatch(/backfill llm-prices: 2 of 2 payloads ingested/);
  });

  it("prints the sources table with the share of rows resolved", async () => {
    const result = await runCli(["sources"], await databaseEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^source\s+kind\s+authority\s+last run\s+observed\s+rows\s+resolved/m);
    expect(result.stdout).toMatch(/^openrouter\s+price\s+aggregator\s+succeeded\s+2026-03-03 00:00\s+340\s+99\.7%/m);
    expect(result.stdout).toMatch(/^aider\s+benchmark\s+-\s+never run/m);
  });

  it("lists unmatched names grouped by reason", async () => {
    const result = await runCli(["unmatched", "--source", "openrouter"], await databaseEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/openrouter\s+1\s+router pseudo-model/);
    expect(result.stdout).toMatch(/openrouter\s+openrouter\/free\s+router pseudo-model/);
  });

  it("answers best --task from the command line, as a table and as JSON", async () => {
    const env = await databaseEnv();
    const aider = await runCli(["scrape", "aider", "--replay", snapshotPath("benchmarks/aider/polyglot_leaderboard.2025-10-04.cb6a152.yml")], env);
    expect(aider.code).toBe(0);
    const table = await runCli(["best", "--task", "coding", "--min-coverage", "0.2", "--within", "10", "--limit", "3"], env);
    expect(table.stderr).toBe("");
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^coding: \d+ of \d+ priced and scored models, quality bar /);
    expect(table.stdout).toMatch(/^#\s+model\s+quality\s+coverage\s+\$\/1M\s+\$\/call/m);
    // --within is in the class's points (quality 0..100): within 10 points of the best.
    expect(table.stdout).toMatch(/^1\. cheapest model meeting the bar \(within 10 points of the best/m);
    const json = JSON.parse((await runCli(["best", "--task", "coding", "--min-coverage", "0.2", "--within", "10", "--limit", "3", "--json"], env)).stdout);
    expect(json.candidates[0].rank).toBe(1);
    expect(json.candidates[0].quality).toBeGreaterThanOrEqual(json.bar);
    const unknown = await runCli(["best", "--task", "poetry"], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/task: .*"coding"/);
  });

  it("rejects bad arguments with a clear message", async () => {
    const env = await databaseEnv();
    const unknownSource = await runCli(["scrape", "nope"], env);
    expect(unknownSource.code).toBe(2);
    expect(unknownSource.stderr).toMatch(/unknown source "nope"; known sources: openrouter, litellm/);
    // A payload that exists, so each refusal below is about the argument it names.
    const payload = join(import.meta.dirname, "../../package.json");
    const badDate = await runCli(["scrape", "openrouter", "--replay", payload, "--at", "yesterday"], env);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--at must be an ISO date/);
    const twoWithReplay = await runCli(["scrape", "openrouter", "litellm", "--replay", payload], env);
    expect(twoWithReplay.code).toBe(2);
    expect(twoWithReplay.stderr).toMatch(/--replay reads one payload, so name exactly one source/);
    // A missing payload is the caller's mistake: one line, exit 2, no run recorded.
    const missingFile = await runCli(["scrape", "litellm", "--replay", "/nonexistent/file.json"], env);
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toMatch(/cannot read \/nonexistent\/file\.json: no such file or folder/);
    expect(missingFile.stderr).not.toMatch(/\n\s+at /);
  });
});

/** `pricewar best` passes the statistical bar and the interval cap through to the API's answer (OpenRouter is a router: its prices count with --sellers all). */
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { useCliDatabase } from "../helpers/cli-database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const databaseEnv = useCliDatabase("pricewar-best-cli-");

describe("pricewar best --indistinguishable / --max-width", () => {
  it("answers with the indistinguishable bar, every interval within the cap, and rejects a width that is not a number", async () => {
    const env = await databaseEnv();
    const prices = snapshotPath("prices/openrouter/models-data-sorted_2026-03-03_from-skissue-d04372e9da.json");
    expect((await runCli(["scrape", "openrouter", "--replay", prices, "--at", "2026-03-03"], env)).code).toBe(0);
    expect((await runCli(["scrape", "aider", "--replay", snapshotPath("benchmarks/aider/polyglot_leaderboard.2025-10-04.cb6a152.yml")], env)).code).toBe(0);

    const answer = await runCli(["best", "--task", "coding", "--indistinguishable", "--max-width", "60", "--sellers", "all", "--limit", "50", "--json"], env);
    expect(answer.stderr).toBe("");
    const json = JSON.parse(answer.stdout);
    expect(json.rule).toMatch(/^statistically indistinguishable from the best/);
    expect(json.candidates.length).toBeGreaterThan(0);
    for (const candidate of json.candidates) expect(candidate.high - candidate.low).toBeLessThanOrEqual(60);

    const badWidth = await runCli(["best", "--task", "coding", "--max-width", "wide"], env);
    expect(badWidth.code).toBe(2);
    expect(badWidth.stderr).toMatch(/--max-width must be a number/);
  }, 240_000);
});

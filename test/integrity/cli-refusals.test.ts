/**
 * The gate's run-level refusals as a user sees them from `pricewar scrape`: a clear line,
 * exit code 1, nothing written. Child processes share a PGlite folder, or a fresh server
 * database with TEST_DATABASE_URL.
 */
import { expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { useCliDatabase } from "../helpers/cli-database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const databaseEnv = useCliDatabase("pricewar-integrity-cli-");

it("refuses `pricewar scrape --at 2030-01-01` with a clear error, exit code 1 and the run recorded failed", async () => {
  const file = snapshotPath("prices/openrouter/models-data-sorted_2026-03-03_from-skissue-d04372e9da.json");
  const env = await databaseEnv();
  const refused = await runCli(["scrape", "openrouter", "--replay", file, "--at", "2030-01-01"], env);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toMatch(/^openrouter: failed: refused: the observation time 2030-01-01T00:00:00\.000Z is more than a day ahead of now \(.*\); nothing written$/m);

  const sources = await runCli(["sources", "--json"], env);
  const openrouter = (JSON.parse(sources.stdout) as Array<{ id: string; lastRun: { status: string; error: string } | null }>).find(
    (source) => source.id === "openrouter",
  );
  expect(openrouter?.lastRun).toMatchObject({ status: "failed", error: expect.stringMatching(/^refused: the observation time 2030-01-01/) });
  // Two CLI processes on PGlite: each boots the database; at load average 30 on 2 cores the pair took over 120 s.
}, 300_000);

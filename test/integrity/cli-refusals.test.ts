/**
 * The gate's run-level refusals as a user sees them from `pricewar scrape`: a clear line,
 * exit code 1, nothing written. Child processes share a PGlite folder, or a fresh server
 * database with TEST_DATABASE_URL.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runCli } from "../helpers/cli.ts";
import { TEST_DATABASE_URL, createTestDatabase, type TestDatabase } from "../helpers/database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const dataDir = mkdtempSync(join(tmpdir(), "pricewar-integrity-cli-"));
let server: TestDatabase | undefined;
async function databaseEnv(): Promise<NodeJS.ProcessEnv> {
  if (!TEST_DATABASE_URL) return { DATABASE_URL: "", PGLITE_DIR: dataDir };
  server ??= await createTestDatabase();
  return { DATABASE_URL: server.url };
}
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

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
}, 120_000);

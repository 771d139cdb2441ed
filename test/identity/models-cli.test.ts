/** `pricewar models audit` and `pricewar models reresolve`, run as a user would, on a replayed OpenRouter list. */
import { beforeAll, describe, expect, it } from "vitest";
import type { IdentityAudit } from "../../src/domain/identity/audit.ts";
import type { ReresolveSummary } from "../../src/db/queries/model-merge.ts";
import { runCli } from "../helpers/cli.ts";
import { useCliDatabase } from "../helpers/cli-database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

// The CLI runs in child processes: on PGlite they share a data folder, on Postgres a fresh server database.
const databaseEnv = useCliDatabase("pricewar-models-cli-", { LOG_LEVEL: "silent" });

beforeAll(async () => {
  const file = snapshotPath("prices/openrouter/models-data_2026-08-08_from-sui414-0427e0eca0.json");
  const result = await runCli(["scrape", "openrouter", "--replay", file, "--at", "2026-08-08"], await databaseEnv());
  expect(result.code, result.stderr).toBe(0);
}, 120_000);

describe("pricewar models", () => {
  it("audits the catalogue as tables", async () => {
    const result = await runCli(["models", "audit"], await databaseEnv());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^\d+ models: \d+ near-duplicate sets, \d+ seller-as-creator ids, \d+ setting-as-model ids/);
    for (const heading of ["Near-duplicate ids:", "Ids that carry a setting:", "Largest groups of unmatched names:"]) expect(result.stdout).toContain(heading);
  });

  it("answers the same audit as JSON", async () => {
    const result = await runCli(["models", "audit", "--json", "--limit", "3"], await databaseEnv());
    expect(result.code, result.stderr).toBe(0);
    const audit = JSON.parse(result.stdout) as IdentityAudit;
    expect(audit.models).toBeGreaterThan(300);
    expect(audit.unmatched.length).toBeLessThanOrEqual(3);
    expect(Array.isArray(audit.nearDuplicates) && Array.isArray(audit.sellerAsCreator) && Array.isArray(audit.settingAsModel)).toBe(true);
  });

  it("re-resolves with nothing to move on data the current resolver wrote", async () => {
    const result = await runCli(["models", "reresolve", "--json"], await databaseEnv());
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as ReresolveSummary;
    expect(summary).toMatchObject({ aliasesChanged: 0, modelsDeleted: 0, pricePeriodsMoved: 0 });
    expect(summary.aliases).toBeGreaterThan(300);
  });

  it("rejects an unknown sub-command with a clear message", async () => {
    const result = await runCli(["models", "merge"], await databaseEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('models: expected a sub-command (audit | reresolve), got "merge"');
  });
});

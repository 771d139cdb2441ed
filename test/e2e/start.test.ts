import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, startService } from "../helpers/cli.ts";
import { TEST_DATABASE_URL } from "../helpers/database.ts";

const dataDir = mkdtempSync(join(tmpdir(), "pricewar-e2e-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("pricewar start (embedded database)", () => {
  it("migrates a fresh PGlite folder, serves /healthz, and exits cleanly on SIGTERM", async () => {
    const service = await startService({ PGLITE_DIR: dataDir, DATABASE_URL: "" });
    const response = await fetch(`${service.baseUrl}/healthz`);
    const body = await response.json();
    expect(response.status).toBe(200);
    // No source has run yet (degraded); the data folder is not shown without the admin token.
    expect(body).toMatchObject({ status: "degraded", database: { kind: "pglite", reachable: true }, migrations: { upToDate: true } });
    expect(JSON.stringify(body)).not.toContain(dataDir);
    expect(await service.stop("SIGTERM")).toBe(0);
    expect(service.output()).toMatch(/shutting down/);
  });
});

describe("pricewar CLI", () => {
  it("refuses a bad configuration value, naming the variable", async () => {
    const result = await runCli(["migrate"], { PORT: "eighty" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/PORT: .*"eighty"/);
  });

  it("lists its commands and rejects an unknown one", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/start\s+migrate, schedule scrapers/);
    const unknown = await runCli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it("migrates the configured database and reports the count", async () => {
    const env = TEST_DATABASE_URL ? { DATABASE_URL: TEST_DATABASE_URL } : { DATABASE_URL: "", PGLITE_DIR: join(dataDir, "migrate") };
    const result = await runCli(["migrate"], env);
    expect(result.code).toBe(0);
    const kind = TEST_DATABASE_URL ? "postgres" : "pglite";
    expect(result.stdout).toMatch(new RegExp(`migrated ${kind} database .*: (\\d+)/\\1 migrations applied`));
  });
});

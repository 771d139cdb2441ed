import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "scrapers/**/*.test.ts", "src/**/*.test.ts"],
    // One migrated database made before the files run; each file's database is a copy of it.
    globalSetup: ["test/global-setup.ts"],
    // PGlite takes seconds to boot: each file shares one migrated database.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two files at a time: each has its own database, and most wait on it (or on a child
    // process) as much as they compute, so two workers nearly halve the suite on 2 cores.
    // (Three gained nothing on PGlite and made the server fault tests' timing flaky.)
    maxWorkers: 2,
  },
});

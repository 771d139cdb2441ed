import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "scrapers/**/*.test.ts", "src/**/*.test.ts"],
    // PGlite takes seconds to boot: each file shares one migrated database.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Three files at a time on 2 cores: each has its own database, and most wait on it (or
    // on a child process: the CLI, the service, npm) as much as they compute.
    maxWorkers: 3,
  },
});

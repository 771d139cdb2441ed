import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "scrapers/**/*.test.ts", "src/**/*.test.ts"],
    // PGlite takes seconds to boot: each file shares one migrated database.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});

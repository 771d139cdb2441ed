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
    // A worker runs file after file in one process: modules and PGlite's WASM are loaded
    // once per worker, not per file (PGlite pass 503 s -> 353 s, CPU 954 s -> 663 s). It
    // holds because no test mocks modules, stubs globals or sets process.env, and every
    // file opens and closes its own database.
    isolate: false,
    // Two files at a time: each has its own database, and most wait on it (or on a child
    // process) as much as they compute, so two workers nearly halve the suite on 2 cores.
    // (Three gained nothing on PGlite and made the server fault tests' timing flaky.)
    maxWorkers: 2,
  },
});

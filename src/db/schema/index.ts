export * from "./catalogue.ts";
export * from "./runs.ts";
export * from "./prices.ts";
export * from "./benchmarks.ts";
export * from "./tasks.ts";
export * from "./quarantine.ts";
export * from "./webhooks.ts";
export * from "./lifecycle.ts";

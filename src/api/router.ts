/** The whole API. `AppRouter` is the type TypeScript clients import. */
import { benchmarksRouter } from "./routers/benchmarks.ts";
import { healthProcedure } from "./routers/health.ts";
import { modelsRouter } from "./routers/models.ts";
import { pricesRouter } from "./routers/prices.ts";
import { pricewarRouter } from "./routers/pricewar.ts";
import { bestProcedure, paretoProcedure, simulateProcedure } from "./routers/ranking.ts";
import { sourcesRouter } from "./routers/sources.ts";
import { tasksRouter } from "./routers/tasks.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  health: healthProcedure,
  best: bestProcedure,
  pareto: paretoProcedure,
  simulate: simulateProcedure,
  models: modelsRouter,
  prices: pricesRouter,
  pricewar: pricewarRouter,
  sources: sourcesRouter,
  benchmarks: benchmarksRouter,
  tasks: tasksRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

/** The whole API. `AppRouter` is the type TypeScript clients import. */
import { healthProcedure } from "./routers/health.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  health: healthProcedure,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);

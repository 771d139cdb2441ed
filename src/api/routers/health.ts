import { publicProcedure } from "../trpc.ts";
import { healthReport } from "../../domain/health.ts";
import { healthOutput } from "../schemas/health.ts";

/** The /healthz report, never with the database location (that needs the admin token on /healthz). */
export const healthProcedure = publicProcedure.output(healthOutput).query(({ ctx }) => healthReport(ctx));

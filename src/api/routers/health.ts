import { publicProcedure } from "../trpc.ts";
import { healthReport } from "../../domain/health.ts";

export const healthProcedure = publicProcedure.query(({ ctx }) => healthReport(ctx));

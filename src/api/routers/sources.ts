import { z } from "zod";
import { SOURCES } from "../../../scrapers/registry.ts";
import { sourceStatuses, unmatchedNames } from "../../db/queries/sources.ts";
import { limitInput } from "../inputs.ts";
import { publicProcedure, router } from "../trpc.ts";

/** Every source with its last run, last success, and the share of rows resolved to a model. */
const statusProcedure = publicProcedure.query(({ ctx }) => sourceStatuses(ctx.db, SOURCES));

export const sourcesRouter = router({
  status: statusProcedure,
  health: statusProcedure,

  /** Names no model matched: the newest, and their count per source and reason. */
  unmatched: publicProcedure
    .input(
      z
        .object({
          source: z.enum(SOURCES.map((source) => source.id) as [string, ...string[]]).optional(),
          limit: limitInput(5000, 500),
        })
        .default({ limit: 500 }),
    )
    .query(({ ctx, input }) => unmatchedNames(ctx.db, input)),
});

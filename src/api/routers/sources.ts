import { z } from "zod";
import { SOURCES } from "../../../scrapers/registry.ts";
import { sourceStatuses, unmatchedNames } from "../../db/queries/sources.ts";
import { sourcedPricesAt, suspectOfferings } from "../../db/queries/prices.ts";
import { listQuarantine } from "../../db/queries/quarantine.ts";
import { quarantineStatus } from "../../db/schema/index.ts";
import { findDisagreements } from "../../domain/prices/disagreements.ts";
import { limitInput, modelInput } from "../inputs.ts";
import { requireModelId } from "../model-reference.ts";
import { disagreementsOutput, quarantineOutput, sourceStatusOutput, suspectOutput, unmatchedOutput } from "../schemas/sources.ts";
import { publicProcedure, router } from "../trpc.ts";

/** Every source with its last run, last success, and the share of rows resolved to a model. */
const statusProcedure = publicProcedure.output(sourceStatusOutput).query(({ ctx }) => sourceStatuses(ctx.db, SOURCES));

export const sourcesRouter = router({
  status: statusProcedure,
  health: statusProcedure,

  /**
   * `pairs`: offerings whose current prices differ between sources by more than
   * minDifference (default 1%); `suspect`: offerings whose consolidated price is suspect
   * (domain/prices/suspect.ts), each with its reasons and the consensus of the other sources.
   */
  disagreements: publicProcedure
    .input(
      z
        .object({
          model: modelInput.optional(),
          provider: z.string().min(1).optional(),
          minDifference: z.number().min(0).max(10).default(0.01).describe("relative difference, 0.01 = 1%"),
          limit: limitInput(5000, 500),
        })
        .default({ minDifference: 0.01, limit: 500 }),
    )
    .output(disagreementsOutput)
    .query(async ({ ctx, input }) => {
      const modelIds = input.model ? [await requireModelId(ctx, input.model)] : undefined;
      const [rows, suspect] = await Promise.all([sourcedPricesAt(ctx.db, { modelIds, provider: input.provider }), suspectOfferings(ctx.db, { modelIds, provider: input.provider })]);
      return { pairs: findDisagreements(rows, input.minDifference).slice(0, input.limit), suspect: suspect.slice(0, input.limit) };
    }),

  /**
   * Offerings whose current price is suspect (cache read above input, output below a
   * twentieth of input, far from the consensus of two other sources), with the consensus.
   * Ranking leaves them out unless their seller is named. The same list as
   * sources.disagreements' `suspect`.
   */
  suspect: publicProcedure
    .input(z.object({ model: modelInput.optional(), provider: z.string().min(1).optional(), limit: limitInput(5000, 500) }).default({ limit: 500 }))
    .output(suspectOutput)
    .query(async ({ ctx, input }) => {
      const modelIds = input.model ? [await requireModelId(ctx, input.model)] : undefined;
      return (await suspectOfferings(ctx.db, { modelIds, provider: input.provider })).slice(0, input.limit);
    }),

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
    .output(unmatchedOutput)
    .query(({ ctx, input }) => unmatchedNames(ctx.db, input)),

  /**
   * Prices the integrity gate held back (a 10x jump), with the reason, newest first. A
   * held price is released by a reviewed entry in src/domain/integrity/releases.yaml or
   * confirmed when another source reports the same price; `status` lists those too.
   */
  quarantine: publicProcedure
    .input(
      z
        .object({
          source: z.enum(SOURCES.map((source) => source.id) as [string, ...string[]]).optional(),
          status: z.enum(quarantineStatus.enumValues).default("held"),
          limit: limitInput(5000, 500),
        })
        .default({ status: "held", limit: 500 }),
    )
    .output(quarantineOutput)
    .query(({ ctx, input }) => listQuarantine(ctx.db, input)),
});

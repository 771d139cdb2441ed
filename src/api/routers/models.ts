import { z } from "zod";
import { modelLifecycle } from "../../db/queries/lifecycle.ts";
import { modelAudit } from "../../db/queries/model-audit.ts";
import { modelPointersOf } from "../../db/queries/model-pointers.ts";
import { getModel, listModels, modelAliases, modelOfferings, resolveModelReference } from "../../db/queries/models.ts";
import { isoDateInput, limitInput, modelInput } from "../inputs.ts";
import { requireModelId } from "../model-reference.ts";
import { publicProcedure, router } from "../trpc.ts";

export const modelsRouter = router({
  list: publicProcedure
    .input(
      z
        .object({
          creator: z.string().min(1).optional(),
          search: z.string().min(1).optional(),
          openWeights: z.boolean().optional(),
          limit: limitInput(1000, 200),
          offset: z.number().int().min(0).max(100_000).default(0).describe("models to skip (at most 100,000: the catalogue holds a few thousand)"),
        })
        .default({ limit: 200, offset: 0 }),
    )
    .query(({ ctx, input }) => listModels(ctx.db, input)),

  /** A model with its lifecycle today, every name sources use for it, every seller's offering (with the seller-native id) and, for a floating name, its dated snapshots. */
  get: publicProcedure.input(z.object({ model: modelInput })).query(async ({ ctx, input }) => {
    const id = await requireModelId(ctx.db, input.model);
    const [model, aliases, offerings, pointers, lifecycle] = await Promise.all([
      getModel(ctx.db, id),
      modelAliases(ctx.db, id),
      modelOfferings(ctx.db, id),
      modelPointersOf(ctx.db, id),
      modelLifecycle(ctx.db, id),
    ]);
    return {
      ...model!,
      lifecycle,
      aliases,
      offerings,
      pointers: pointers.map(({ snapshotModelId, validFrom, validTo, origin }) => ({ snapshot: snapshotModelId, validFrom, validTo, origin })),
    };
  }),

  /** Map a router's own model name to the canonical model (with the setting the name states), or null with the reason. */
  resolve: publicProcedure
    .input(
      z.object({
        name: z.string().min(1),
        source: z.string().min(1).optional().describe("the source whose naming the name follows"),
        at: isoDateInput.optional().describe("the date the name is meant at (floating names); default now"),
      }),
    )
    .query(({ ctx, input }) => resolveModelReference(ctx.db, input.name, { source: input.source, at: input.at })),

  /** Near-duplicate ids, sellers taken as makers, settings stored as models, and the largest groups of unmatched names. */
  audit: publicProcedure
    .input(z.object({ limit: limitInput(500, 20) }).default({ limit: 20 }))
    .query(({ ctx, input }) => modelAudit(ctx.db, { limit: input.limit })),
});

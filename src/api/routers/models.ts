import { z } from "zod";
import { getModel, listModels, modelAliases, resolveModelReference } from "../../db/queries/models.ts";
import { limitInput, modelInput } from "../inputs.ts";
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
          offset: z.number().int().min(0).default(0),
        })
        .default({ limit: 200, offset: 0 }),
    )
    .query(({ ctx, input }) => listModels(ctx.db, input)),

  get: publicProcedure.input(z.object({ model: modelInput })).query(async ({ ctx, input }) => {
    const id = await requireModelId(ctx.db, input.model);
    return { ...(await getModel(ctx.db, id))!, aliases: await modelAliases(ctx.db, id) };
  }),

  /** Map a router's own model name to the canonical model, or null with the reason. */
  resolve: publicProcedure
    .input(z.object({ name: z.string().min(1), source: z.string().min(1).optional().describe("the source whose naming the name follows") }))
    .query(({ ctx, input }) => resolveModelReference(ctx.db, input.name, input.source)),
});

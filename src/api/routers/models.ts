import { z } from "zod";
import { modelLifecycle } from "../../db/queries/lifecycle.ts";
import { modelAudit } from "../../db/queries/model-audit.ts";
import { modelPointersOf } from "../../db/queries/model-pointers.ts";
import { getModel, modelAliases, modelOfferings, resolveModelReference } from "../../db/queries/models.ts";
import { listModelsIn, offeringsOf, pointersOf } from "../../market/catalogue.ts";
import { requestView } from "../../market/request-view.ts";
import { isoDateInput, limitInput, modelInput } from "../inputs.ts";
import { requireModelId } from "../model-reference.ts";
import { publicProcedure, router } from "../trpc.ts";

export const modelsRouter = router({
  /** The catalogue held in the market view, filtered, in id order. */
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
    .query(async ({ ctx, input }) => listModelsIn((await requestView(ctx)).catalogue, input)),

  /** A model with its lifecycle today, every name sources use for it, every seller's offering (with the seller-native id) and, for a floating name, its dated snapshots. */
  // The model, its offerings and pointers come from the view's catalogue; the aliases (whose
  // last sighting moves with every run, not with the data version) and the lifecycle today from the database.
  get: publicProcedure.input(z.object({ model: modelInput })).query(async ({ ctx, input }) => {
    const { catalogue } = await requestView(ctx);
    const id = await requireModelId(ctx, input.model);
    const model = catalogue.byId.get(id);
    // A model written since the view was built: read from the database until the view catches up.
    const fromDatabase = model === undefined;
    const [row, aliases, offerings, pointers, lifecycle] = await Promise.all([
      fromDatabase ? getModel(ctx.db, id) : model,
      modelAliases(ctx.db, id),
      fromDatabase ? modelOfferings(ctx.db, id) : offeringsOf(catalogue, id),
      fromDatabase ? modelPointersOf(ctx.db, id) : pointersOf(catalogue, id),
      modelLifecycle(ctx.db, id),
    ]);
    return {
      ...row!,
      lifecycle,
      aliases,
      offerings: [...offerings],
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

import { z } from "zod";
import { priceChanges } from "../../db/queries/price-changes.ts";
import { isoDateInput, limitInput, modelInput } from "../inputs.ts";
import { requireModelId } from "../model-reference.ts";
import { publicProcedure, router } from "../trpc.ts";
import { pricewarFigureProcedures } from "./pricewar-figures.ts";

export const pricewarRouter = router({
  ...pricewarFigureProcedures,
  /** Price changes (cuts, hikes), listings and delistings, newest first. */
  changes: publicProcedure
    .input(
      z
        .object({
          since: isoDateInput.optional(),
          until: isoDateInput.optional(),
          provider: z.string().min(1).optional(),
          model: modelInput.optional(),
          direction: z.enum(["cut", "hike", "mixed", "none"]).optional(),
          kind: z.enum(["price", "listed", "delisted"]).optional(),
          source: z.string().min(1).optional(),
          limit: limitInput(5000, 200),
        })
        .default({ limit: 200 }),
    )
    .query(async ({ ctx, input }) => {
      const modelIds = input.model ? [await requireModelId(ctx, input.model)] : undefined;
      return priceChanges(ctx.db, { ...input, modelIds });
    }),
});

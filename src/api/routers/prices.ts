import { z } from "zod";
import { offeringHistory } from "../../db/queries/prices.ts";
import { pricesIn } from "../../market/price-lookup.ts";
import { requestView } from "../../market/request-view.ts";
import { currencyInput, isoDateInput, modelInput } from "../inputs.ts";
import { requireModelId } from "../model-reference.ts";
import { publicProcedure, router } from "../trpc.ts";

const offeringFilter = z.object({
  model: modelInput.optional(),
  provider: z.string().min(1).optional().describe("seller id, e.g. openai, together, bedrock"),
  variant: z.string().min(1).optional().describe("standard, batch, flex, priority, free, ..."),
  currency: currencyInput.optional(),
});

export const pricesRouter = router({
  /** Current consolidated price (from the market view) of every matching offering (one per offering; other sources alongside). */
  current: publicProcedure.input(offeringFilter.default({})).query(async ({ ctx, input }) => {
    const modelIds = input.model ? [await requireModelId(ctx.db, input.model)] : undefined;
    return pricesIn(await requestView(ctx), { ...input, modelIds });
  }),

  /** A model's (or one offering's) price periods from every source, oldest first. */
  history: publicProcedure
    .input(offeringFilter.extend({ model: modelInput, source: z.string().min(1).optional() }))
    .query(async ({ ctx, input }) => {
      const modelId = await requireModelId(ctx.db, input.model);
      return { model: modelId, periods: await offeringHistory(ctx.db, { ...input, modelIds: [modelId] }) };
    }),

  /** Prices as they stood at a date: only periods valid then. */
  at: publicProcedure.input(offeringFilter.extend({ date: isoDateInput })).query(async ({ ctx, input }) => {
    const modelIds = input.model ? [await requireModelId(ctx.db, input.model)] : undefined;
    return pricesIn(await requestView(ctx, input.date), { ...input, modelIds });
  }),
});

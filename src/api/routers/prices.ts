import { z } from "zod";
import { priceHistoryPage } from "../../db/queries/price-history-page.ts";
import { encodeHistoryCursor, historyCursorInput } from "../history-cursor.ts";
import { pricesIn } from "../../market/price-lookup.ts";
import { requestView } from "../../market/request-view.ts";
import { currencyInput, isoDateInput, limitInput, modelInput } from "../inputs.ts";
import { requireModelId } from "../model-reference.ts";
import { publicProcedure, router } from "../trpc.ts";

const offeringFilter = z.object({
  model: modelInput.optional(),
  provider: z.string().min(1).optional().describe("seller id, e.g. openai, together, bedrock"),
  variant: z.string().min(1).optional().describe("standard, batch, flex, priority, free, ..."),
  currency: currencyInput.optional(),
});

const HISTORY_PAGE_DEFAULT = 100;
const HISTORY_PAGE_MAX = 1000;

export const pricesRouter = router({
  /** Current consolidated price (from the market view) of every matching offering (one per offering; other sources alongside). */
  current: publicProcedure.input(offeringFilter.default({})).query(async ({ ctx, input }) => {
    const modelIds = input.model ? [await requireModelId(ctx, input.model)] : undefined;
    return pricesIn(await requestView(ctx), { ...input, modelIds });
  }),

  /** A model's (or one offering's) price periods from every source, newest first, a page at a time (`nextCursor` continues). */
  history: publicProcedure
    .input(
      offeringFilter.extend({
        model: modelInput,
        source: z.string().min(1).optional(),
        limit: limitInput(HISTORY_PAGE_MAX, HISTORY_PAGE_DEFAULT).describe(`periods per page (default ${HISTORY_PAGE_DEFAULT}, at most ${HISTORY_PAGE_MAX})`),
        cursor: historyCursorInput.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const modelId = await requireModelId(ctx, input.model);
      const { cursor, limit, ...filter } = input;
      const page = await priceHistoryPage(ctx.db, { ...filter, modelIds: [modelId] }, { limit, after: cursor });
      return { model: modelId, periods: page.periods, nextCursor: page.next ? encodeHistoryCursor(page.next) : null };
    }),

  /** Prices as they stood at a date: only periods valid then. */
  at: publicProcedure.input(offeringFilter.extend({ date: isoDateInput })).query(async ({ ctx, input }) => {
    const modelIds = input.model ? [await requireModelId(ctx, input.model)] : undefined;
    return pricesIn(await requestView(ctx, input.date), { ...input, modelIds });
  }),
});

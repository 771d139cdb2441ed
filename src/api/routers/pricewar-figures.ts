/**
 * The price-war figures as procedures, to merge into the `pricewar` router:
 * `router({ changes, ...pricewarFigureProcedures })`. Every figure takes an optional
 * range; `until` in the past gives the figure as it stood then (as-of). Figures are kept
 * per data version (api/figure-cache.ts): a repeated request reads the version, not the history.
 */
import { z } from "zod";
import {
  costOfCapability,
  modelSpread,
  priceIndices,
  pricesMovesPerMonth,
  SeriesTooLongError,
  undercuts,
} from "../../db/queries/pricewar-figures.ts";
import { loadCapabilityThresholds } from "../../domain/pricewar/capability-thresholds.ts";
import { InvalidRequestError, NotFoundError } from "../errors.ts";
import { figureCacheOf } from "../figure-cache.ts";
import { isoDateInput, limitInput, modelInput } from "../inputs.ts";
import { requireModelId } from "../model-reference.ts";
import { publicProcedure } from "../trpc.ts";

const rangeShape = {
  since: isoDateInput.optional().describe("first date of the figure; default: the start of the recorded history"),
  until: isoDateInput.optional().describe("last date, and the as-of date of the figure; default: now"),
};

function checkRange(range: { since?: Date; until?: Date }): void {
  if (range.since && range.until && range.since.getTime() > range.until.getTime()) {
    throw new InvalidRequestError(`since (${range.since.toISOString()}) is after until (${range.until.toISOString()})`);
  }
}

/** A series too long to answer is the caller's to narrow: a 400 that says how. */
async function withinSeriesLimit<T>(figure: Promise<T>): Promise<T> {
  try {
    return await figure;
  } catch (error) {
    if (error instanceof SeriesTooLongError) throw new InvalidRequestError(error.message);
    throw error;
  }
}

/** A model's spread between sellers (min, median, max blended price, cheapest seller) at each date of a series. */
export const spreadProcedure = publicProcedure
  .input(
    z.object({
      model: modelInput,
      ...rangeShape,
      step: z.enum(["month", "week", "change"]).default("month").describe("month-ends, every 7 days, or every day a price changed"),
    }),
  )
  .query(async ({ ctx, input }) => {
    checkRange(input);
    const modelId = await requireModelId(ctx, input.model);
    const figure = { ...input, modelId };
    return withinSeriesLimit(figureCacheOf(ctx.db).get(ctx.db, "spread", figure, () => modelSpread(ctx.db, figure)));
  });

/** Sellers going below the cheapest other seller of a model, newest first. */
export const undercutsProcedure = publicProcedure
  .input(
    z
      .object({
        model: modelInput.optional(),
        ...rangeShape,
        limit: limitInput(5000, 100),
      })
      .default({ limit: 100 }),
  )
  .query(async ({ ctx, input }) => {
    checkRange(input);
    const modelId = input.model ? await requireModelId(ctx, input.model) : undefined;
    const figure = { ...input, modelId };
    return figureCacheOf(ctx.db).get(ctx.db, "undercuts", figure, () => undercuts(ctx.db, figure));
  });

/** Price indices at month-ends by model tier (with the frontier/small gap) or by kind of seller. */
export const indexProcedure = publicProcedure
  .input(
    z
      .object({
        ...rangeShape,
        groupBy: z.enum(["tier", "providerKind"]).default("tier"),
      })
      .default({ groupBy: "tier" }),
  )
  .query(({ ctx, input }) => {
    checkRange(input);
    return withinSeriesLimit(figureCacheOf(ctx.db).get(ctx.db, "index", input, () => priceIndices(ctx.db, input)));
  });

/** Price cuts, hikes, mixed and cache-only moves per month (each offering once per month and direction). */
export const cutsPerMonthProcedure = publicProcedure
  .input(z.object(rangeShape).default({}))
  .query(({ ctx, input }) => {
    checkRange(input);
    return figureCacheOf(ctx.db).get(ctx.db, "cutsPerMonth", input, () => pricesMovesPerMonth(ctx.db, input));
  });

/** The cheapest model meeting a benchmark threshold at each month-end, and the fitted yearly decline of that price. */
export const costOfCapabilityProcedure = publicProcedure
  .input(
    z.object({
      benchmark: z.string().min(1).describe("benchmark id, e.g. aider-polyglot, lmarena-text, aa-gpqa"),
      threshold: z.number().finite().describe("score to meet, on the benchmark's scale"),
      ...rangeShape,
    }),
  )
  .query(async ({ ctx, input }) => {
    checkRange(input);
    const request = { ...input, benchmarkId: input.benchmark };
    const figure = await withinSeriesLimit(figureCacheOf(ctx.db).get(ctx.db, "costOfCapability", request, () => costOfCapability(ctx.db, request)));
    if (!figure) throw new NotFoundError(`benchmark "${input.benchmark}" not found: no source has recorded it`);
    return figure;
  });

/** The reviewed default thresholds of costOfCapability, each with the reason for its score. */
export const capabilityThresholdsProcedure = publicProcedure.query(() => loadCapabilityThresholds());

/** Merge into the pricewar router: `router({ changes, ...pricewarFigureProcedures })`. */
export const pricewarFigureProcedures = {
  spread: spreadProcedure,
  undercuts: undercutsProcedure,
  index: indexProcedure,
  cutsPerMonth: cutsPerMonthProcedure,
  costOfCapability: costOfCapabilityProcedure,
  capabilityThresholds: capabilityThresholdsProcedure,
};

import { z } from "zod";
import { benchmarkScores, getBenchmark, listBenchmarks } from "../../db/queries/benchmarks.ts";
import { NotFoundError } from "../errors.ts";
import { isoDateInput, limitInput, modelInput } from "../inputs.ts";
import { requireModelId } from "../model-reference.ts";
import { benchmarkListOutput, benchmarkScoresOutput } from "../schemas/benchmarks.ts";
import { publicProcedure, router } from "../trpc.ts";

export const benchmarksRouter = router({
  /** Every benchmark: its source, scale, and how many models have a current score on it. */
  list: publicProcedure.output(benchmarkListOutput).query(({ ctx }) => listBenchmarks(ctx.db)),

  /** Score rows (setting, source, as-of date) of a model, a benchmark, or both; at a date or current. */
  scores: publicProcedure
    .input(
      z
        .object({
          model: modelInput.optional(),
          benchmark: z.string().min(1).optional().describe("benchmark id, e.g. aider-polyglot (see benchmarks.list)"),
          asOf: isoDateInput.optional().describe("scores valid at this date; current scores without it"),
          limit: limitInput(20_000, 2000),
        })
        .default({ limit: 2000 }),
    )
    .output(benchmarkScoresOutput)
    .query(async ({ ctx, input }) => {
      const modelId = input.model ? await requireModelId(ctx, input.model) : undefined;
      if (input.benchmark && !(await getBenchmark(ctx.db, input.benchmark))) {
        throw new NotFoundError(`benchmark "${input.benchmark}" not found; benchmarks.list names every benchmark`);
      }
      return benchmarkScores(ctx.db, { modelId, benchmarkId: input.benchmark, asOf: input.asOf, limit: input.limit });
    }),
});

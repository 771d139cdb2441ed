import { z } from "zod";
import { taskQuality } from "../../db/queries/quality.ts";
import { TASK_CLASSES, TASK_IDS, taskClassById } from "../../domain/tasks/catalogue.ts";
import { isoDateInput, limitInput } from "../inputs.ts";
import { taskListOutput, taskQualityOutput } from "../schemas/tasks.ts";
import { publicProcedure, router } from "../trpc.ts";

/** The enum lists every valid id, so an unknown task is a BAD_REQUEST that names them. */
const taskInput = z.enum(TASK_IDS).describe("task class id (see tasks.list)");

export const tasksRouter = router({
  /** The task catalogue: each class's benchmarks with their weights and reasons, and its token profile. */
  list: publicProcedure.output(taskListOutput).query(() =>
    TASK_CLASSES.map((task) => ({
      id: task.id,
      name: task.name,
      description: task.description,
      rationale: task.rationale,
      benchmarks: task.components.map((component) => ({
        key: component.key,
        benchmarks: [...component.benchmarks],
        versioned: component.benchmarks.length > 1,
        weight: component.weight,
        why: component.why,
      })),
      profile: task.profile,
    })),
  ),

  /** Models ranked by expected score on the class's benchmarks (0..100, 95% interval), with every component, at a date or now. */
  quality: publicProcedure
    .input(
      z.object({
        task: taskInput,
        asOf: isoDateInput.optional().describe("scores valid at this date; current scores without it"),
        minCoverage: z.number().min(0).max(1).default(0).describe("leave out models whose scores carry less of the class's weight (default 0: few scores widen the interval)"),
        maxWidth: z.number().min(0).max(100).optional().describe("leave out models whose 95% quality interval is wider than this many points"),
        limit: limitInput(1000, 50),
      }),
    )
    .output(taskQualityOutput)
    .query(({ ctx, input }) => taskQuality(ctx.db, taskClassById(input.task)!, input)),
});

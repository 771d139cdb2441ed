/**
 * Today's best route for a task class, as repricing compares with it (--compare best):
 * the first pick of the product's `best` procedure with no bar and no constraints, i.e.
 * exactly what `GET /api/v1/best?task=X` and `pricewar best --task X` name, read from
 * the same market view. One view is pinned per repricing, so every line of a log is
 * compared with the same answer.
 */
import type { BestRoute } from "../db/queries/reprice-prices.ts";
import { TASK_IDS } from "../domain/tasks/catalogue.ts";
import { requestContext, type ApiContext } from "./context.ts";
import { createCaller } from "./router.ts";

type TaskId = (typeof TASK_IDS)[number];

const isTaskId = (id: string): id is TaskId => (TASK_IDS as readonly string[]).includes(id);

export function defaultBestRoute(context: ApiContext): (taskId: string) => Promise<BestRoute> {
  let caller: Promise<ReturnType<typeof createCaller>> | undefined;
  return async (taskId) => {
    if (!isTaskId(taskId)) return { reason: `unknown task class "${taskId}"` };
    caller ??= requestContext(context).then(createCaller);
    const answer = await (await caller).best({ task: taskId });
    const pick = answer.candidates[0];
    if (!pick) return { reason: `best names no model for task class ${taskId}: ${answer.eligible} priced models with quality figures (${answer.rule})` };
    return { model: pick.model, offering: pick.offering };
  };
}

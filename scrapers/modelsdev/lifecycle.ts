/**
 * models.dev's per-provider `status`: "deprecated" is deprecated; "beta" and "alpha" are
 * previews. No date is given: the stage counts from the first payload that carries it.
 */
import type { LifecycleSignal } from "../../src/domain/observation.ts";

const STAGES: Record<string, LifecycleSignal["stage"]> = { deprecated: "deprecated", beta: "preview", alpha: "preview", preview: "preview" };

export function statusSignal(status: string | null | undefined): LifecycleSignal | null {
  const stage = status ? STAGES[status.toLowerCase()] : undefined;
  return stage ? { stage, from: null, note: `models.dev status "${status}"` } : null;
}

/**
 * The integrity gate for a benchmark run, pure and cheap: an observation of a benchmark
 * the source does not define, on another scale than its definition, or with a value that
 * is not finite is rejected with its reason before resolution, so it leaves no alias.
 */
import type { ScoreObservation, SkippedEntry } from "../observation.ts";
import { scoreBoundViolation } from "./bounds.ts";

export interface ScoreDefinition {
  id: string;
  scale: ScoreObservation["scale"];
}

export function gateScoreRun<O extends ScoreObservation>(
  sourceId: string,
  definitions: readonly ScoreDefinition[],
  observations: readonly O[],
): { accepted: O[]; rejected: SkippedEntry[] } {
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  const accepted: O[] = [];
  const rejected: SkippedEntry[] = [];
  for (const observation of observations) {
    const definition = byId.get(observation.benchmark);
    const violation = scoreBoundViolation(observation);
    if (!definition) {
      rejected.push({ name: observation.model, reason: `unknown benchmark "${observation.benchmark}" (not among ${sourceId}'s definitions)` });
    } else if (definition.scale !== observation.scale) {
      rejected.push({
        name: observation.model,
        reason: `score on the ${observation.scale} scale for ${observation.benchmark}, which is defined on the ${definition.scale} scale`,
      });
    } else if (violation) {
      rejected.push({ name: observation.model, reason: `rejected: ${violation}` });
    } else {
      accepted.push(observation);
    }
  }
  return { accepted, rejected };
}

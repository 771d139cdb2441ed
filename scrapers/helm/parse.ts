/**
 * HELM leaderboards as EvalEval files -> one fraction score per (scenario, model). The
 * board comes from source_metadata.source_name; the HELM id "<developer>/<model>" stays
 * raw (thinking budgets such as "-thinking-10k" are split by the resolver). A file carries
 * no run date: the scores are dated by EvalEval's conversion (retrieved_timestamp).
 */
import type { ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { utcDateOf } from "../lmarena/as-of.ts";
import { PayloadError, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { HELM_AGGREGATES, helmScenario, type HelmBoard } from "./benchmarks.ts";
import { eeeResultDocuments, readEeeFile, retrievedDate } from "./eee.ts";

export const HELM_SOURCE_ID = "helm";

const BOARDS: ReadonlySet<string> = new Set<HelmBoard>(["helm_lite", "helm_capabilities", "helm_classic"]);

function parseFile(document: PayloadDocument, context: ParseContext): ParseResult<ScoreObservation> {
  const file = readEeeFile(HELM_SOURCE_ID, document);
  const board = file.source_metadata.source_name;
  const model = file.model_info.id;
  if (!BOARDS.has(board)) return { observations: [], skipped: [{ name: `${board}/${model}`, reason: `HELM leaderboard "${board}" is not in the catalogue` }] };
  // Not the path's date: paths name models ("claude-3-7-sonnet-20250219"), not runs.
  const asOf = retrievedDate(file) ?? utcDateOf(context.observedAt);
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const result of file.evaluation_results) {
    const name = `${board}/${result.evaluation_name}/${model}`;
    const scenario = helmScenario(board as HelmBoard, result.evaluation_name);
    if (scenario === undefined) {
      const reason = HELM_AGGREGATES.has(result.evaluation_name)
        ? "aggregate column (depends on the release's model set), not a scenario score"
        : `scenario "${result.evaluation_name}" is not in the catalogue`;
      skipped.push({ name, reason });
      continue;
    }
    const score = result.score_details.score;
    if (score === -1) {
      // The converter writes -1 where HELM's table cell is empty (no run of that scenario).
      skipped.push({ name, reason: "no result for this scenario (-1 in the file: an empty HELM cell)" });
      continue;
    }
    if (result.metric_config.lower_is_better || score < 0 || score > 1) {
      throw new PayloadError(HELM_SOURCE_ID, `${name}: expected a 0-1 score where higher is better, found ${score}`, document.name);
    }
    observations.push({
      benchmark: scenario.definition.id,
      model,
      setting: null,
      score,
      scale: "fraction",
      ciLower: null,
      ciUpper: null,
      votes: null,
      asOf,
      costUsd: null,
      hints: { displayName: file.model_info.name, creator: file.model_info.developer ?? null },
    });
  }
  return { observations, skipped };
}

export function parseHelm(documents: readonly PayloadDocument[], context: ParseContext): ParseResult<ScoreObservation> {
  const results = eeeResultDocuments(HELM_SOURCE_ID, documents).map((document) => parseFile(document, context));
  const observations = results.flatMap((result) => result.observations);
  if (observations.length === 0) throw new PayloadError(HELM_SOURCE_ID, "no HELM scenario score in the payload");
  return { observations, skipped: results.flatMap((result) => result.skipped) };
}

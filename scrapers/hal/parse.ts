/**
 * HAL results as EvalEval files -> one fraction score per (board, model, effort, scaffold).
 * The model is model_info.id ("anthropic/claude-opus-4-1"); the reasoning effort HAL states
 * only in its display name ("Claude Opus 4.1 High (August 2025)"); the scaffold from
 * agent_scaffold. Effort and scaffold together are the setting. Cost is the run's total.
 */
import { normaliseDecimal } from "../../src/domain/money.ts";
import type { ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { utcDateOf } from "../lmarena/as-of.ts";
import { eeeResultDocuments, readEeeFile, retrievedDate, type EeeFile } from "../helm/eee.ts";
import { PayloadError, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { HAL_BENCHMARKS } from "./benchmarks.ts";

export const HAL_SOURCE_ID = "hal";

/** "Claude Opus 4.1 High (August 2025)" -> "high"; "o4-mini Low (April 2025)" -> "low"; no word -> null. */
export function halEffort(displayName: string): string | null {
  const match = /\s(minimal|low|medium|high|xhigh)(?=\s*(\(|$))/i.exec(displayName);
  return match ? match[1]!.toLowerCase() : null;
}

export function halSetting(displayName: string, scaffold: string): string {
  const effort = halEffort(displayName);
  return effort === null ? `agent ${scaffold}` : `${effort}, agent ${scaffold}`;
}

/**
 * HAL ids that two releases share, told apart only by the display name's month: R1 of
 * May 2025 is the 0528 checkpoint, a different model from January's R1.
 */
const RELEASE_BY_DISPLAY_NAME: Readonly<Record<string, string>> = {
  "DeepSeek R1 (May 2025)": "deepseek/deepseek-r1-0528",
};

function detail(file: EeeFile, key: string): string | undefined {
  const value = file.model_info.additional_details?.[key] ?? file.evaluation_results[0]?.generation_config?.additional_details?.[key];
  return typeof value === "string" ? value : undefined;
}

function parseFile(document: PayloadDocument, context: ParseContext, seen: Set<string>): ParseResult<ScoreObservation> {
  const file = readEeeFile(HAL_SOURCE_ID, document);
  const model = RELEASE_BY_DISPLAY_NAME[file.model_info.name] ?? file.model_info.id;
  const scaffold = detail(file, "agent_scaffold");
  if (scaffold === undefined || scaffold === "") throw new PayloadError(HAL_SOURCE_ID, `${model}: no agent_scaffold`, document.name);
  const setting = halSetting(file.model_info.name, scaffold);
  const cost = Number(detail(file, "total_cost_usd"));
  // Not the path's date: paths name models ("claude-3-7-sonnet-20250219"), not runs.
  const asOf = retrievedDate(file) ?? utcDateOf(context.observedAt);
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const result of file.evaluation_results) {
    const name = `${result.evaluation_name}/${model} (${setting})`;
    const benchmark = HAL_BENCHMARKS.find((candidate) => candidate.evaluationName === result.evaluation_name);
    if (benchmark === undefined) {
      skipped.push({ name, reason: `HAL benchmark "${result.evaluation_name}" is not in the catalogue` });
      continue;
    }
    const key = `${benchmark.definition.id}|${model}|${setting}`;
    if (seen.has(key)) {
      skipped.push({ name, reason: "a second result of the same model, effort and scaffold on this board (the first is kept)" });
      continue;
    }
    seen.add(key);
    const score = result.score_details.score;
    if (score < 0 || score > 1) throw new PayloadError(HAL_SOURCE_ID, `${name}: score ${score} is not a fraction`, document.name);
    observations.push({
      benchmark: benchmark.definition.id,
      model,
      setting,
      score,
      scale: "fraction",
      ciLower: null,
      ciUpper: null,
      votes: null,
      asOf,
      costUsd: Number.isFinite(cost) && cost > 0 ? normaliseDecimal(cost) : null,
      hints: { displayName: file.model_info.name, creator: file.model_info.developer ?? null },
    });
  }
  return { observations, skipped };
}

export function parseHal(documents: readonly PayloadDocument[], context: ParseContext): ParseResult<ScoreObservation> {
  const seen = new Set<string>();
  const results = eeeResultDocuments(HAL_SOURCE_ID, documents).map((document) => parseFile(document, context, seen));
  const observations = results.flatMap((result) => result.observations);
  if (observations.length === 0) throw new PayloadError(HAL_SOURCE_ID, "no HAL result in the payload");
  return { observations, skipped: results.flatMap((result) => result.skipped) };
}

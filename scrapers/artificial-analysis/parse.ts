/**
 * Artificial Analysis /llms/models -> one score per model and measured evaluation, as of
 * the day the response was fetched (AA re-runs and re-bases, so the payload has no other
 * date). The model is AA's display name exactly as written (AA's own docs recommend its
 * `id`, but the resolver matches names; slugs are worse, since they move to the newest
 * version). null is "not measured"; a 0 evaluation is a real score (AA scores LCR 0 when
 * a model cannot take the documents) and, unlike a 0 price, is kept.
 */
import type { ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { FRACTION_EVALUATIONS, INDEX_EVALUATIONS, indexBenchmarkId, type IndexVersion } from "./benchmarks.ts";
import { identifyIndexVersion } from "./index-version.ts";
import { settingFromAaName } from "./model-setting.ts";
import { aaModelHints, readAaModels, type AaModel } from "./payload.ts";
import { AA_SOURCE_ID } from "./source-id.ts";

interface EvaluationReading {
  benchmark: string;
  scale: "index" | "fraction";
  max: number;
}

function evaluationReading(key: string, version: IndexVersion): EvaluationReading | undefined {
  const index = INDEX_EVALUATIONS.get(key);
  if (index) return { benchmark: indexBenchmarkId(index, version), scale: "index", max: 100 };
  const evaluation = FRACTION_EVALUATIONS.get(key);
  return evaluation && { benchmark: evaluation.id, scale: "fraction", max: 1 };
}

/**
 * An unknown key is refused, not skipped: AA adds keys when it changes its evaluation set,
 * which is also when the index is re-based, so the catalogue and index-version.ts must be
 * reviewed before such a response is recorded.
 */
function readingsFor(models: readonly AaModel[], document: PayloadDocument): Map<string, EvaluationReading> {
  const keys = new Set(models.flatMap((model) => Object.keys(model.evaluations)));
  const unknown = [...keys].filter((key) => !INDEX_EVALUATIONS.has(key) && !FRACTION_EVALUATIONS.has(key));
  if (unknown.length > 0) throw new PayloadError(AA_SOURCE_ID, `unknown evaluation keys: ${unknown.join(", ")}`, document.name);
  const version = identifyIndexVersion(keys, document);
  return new Map([...keys].map((key) => [key, evaluationReading(key, version)!]));
}

export function parseArtificialAnalysis(documents: readonly PayloadDocument[], context: ParseContext): ParseResult<ScoreObservation> {
  const { document, models } = readAaModels(documents);
  const readings = readingsFor(models, document);
  const asOf = context.observedAt.toISOString().slice(0, 10);
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const model of models) {
    const measured = Object.entries(model.evaluations).filter((entry): entry is [string, number] => entry[1] !== null);
    if (measured.length === 0) {
      skipped.push({ name: model.name, reason: "no evaluation measured yet" });
      continue;
    }
    const setting = settingFromAaName(model.name);
    const hints = aaModelHints(model);
    for (const [key, score] of measured) {
      const reading = readings.get(key)!;
      if (!(score >= 0 && score <= reading.max)) {
        throw new PayloadError(AA_SOURCE_ID, `${model.name} ${key}: ${score} is outside 0-${reading.max}`, document.name);
      }
      observations.push({
        benchmark: reading.benchmark,
        model: model.name,
        setting,
        score,
        scale: reading.scale,
        ciLower: null,
        ciUpper: null,
        votes: null,
        asOf,
        costUsd: null,
        hints,
      });
    }
  }
  return { observations, skipped };
}

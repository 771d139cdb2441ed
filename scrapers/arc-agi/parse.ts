/**
 * arcprize.org's evaluations.json joined with models.json -> one score per (dataset,
 * model). Systems (human panel, Kaggle entries, scaffolds), rows hidden on the site
 * (display: false) and exact duplicates are skipped with the reason. The settings are in
 * the raw model id ("o3-high", "gpt-5-5-2026-04-22-thinking-xhigh"); the resolver splits
 * them. The files carry no date: the recorded name's date (a live fetch: the run's day).
 */
import { z } from "zod";
import { normaliseDecimal } from "../../src/domain/money.ts";
import type { ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { asOfForUndatedContent } from "../lmarena/as-of.ts";
import { PayloadError, readJsonDocument, type ParseContext, type ParseResult, type PayloadDocument } from "../source.ts";
import { ARC_DATASETS } from "./benchmarks.ts";
import { arcModelName } from "./names.ts";
import { systemReason } from "./systems.ts";

export const ARC_AGI_SOURCE_ID = "arc-agi";

/** A cost, or "-" which the 2025 file writes for an unknown cost (unknown, never free). */
const costSchema = z.union([z.number().nonnegative(), z.literal("-").transform(() => null)]).nullish();

const evaluationSchema = z.object({
  datasetId: z.string().min(1),
  modelId: z.string().min(1),
  score: z.number().min(0).max(1),
  costPerTask: costSchema,
  cost: costSchema,
  display: z.boolean().nullish(),
});
const modelSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  modelReleaseDate: z.string().nullish(),
  providerId: z.string(),
  modelType: z.string().nullish(),
});
type Evaluation = z.infer<typeof evaluationSchema>;
type Model = z.infer<typeof modelSchema>;

/** The one <stem>.json of the payload; two are two dates of the site, which one run never mixes. */
function documentOf(documents: readonly PayloadDocument[], stem: string): PayloadDocument {
  const found = documents.filter((document) => new RegExp(`(^|[/.])${stem}(\\.[^/]*)?\\.json$`).test(document.name));
  if (found.length > 1) throw new PayloadError(ARC_AGI_SOURCE_ID, `${found.length} ${stem}.json documents in one payload (${found.map((d) => d.name).join(", ")}); replay one date at a time`);
  if (found.length === 0) throw new PayloadError(ARC_AGI_SOURCE_ID, `no ${stem}.json among the documents (${documents.map((d) => d.name).join(", ")})`);
  return found[0]!;
}

function costOf(evaluation: Evaluation, costUnit: "per-task" | "per-run"): string | null {
  const cost = costUnit === "per-task" ? evaluation.costPerTask : evaluation.cost;
  return cost === null || cost === undefined ? null : normaliseDecimal(cost);
}

/** The model's release date, unless it is a placeholder time stamp without a real date. */
function releaseDateOf(model: Model): string | null {
  return /^\d{4}-\d{2}-\d{2}/.exec(model.modelReleaseDate ?? "")?.[0] ?? null;
}

export function parseArcAgi(documents: readonly PayloadDocument[], context: ParseContext): ParseResult<ScoreObservation> {
  const evaluationsDocument = documentOf(documents, "evaluations");
  const evaluations = readJsonDocument(ARC_AGI_SOURCE_ID, evaluationsDocument, z.array(evaluationSchema));
  const models = new Map(readJsonDocument(ARC_AGI_SOURCE_ID, documentOf(documents, "models"), z.array(modelSchema)).map((model) => [model.id, model]));
  const asOf = asOfForUndatedContent(evaluationsDocument, context);
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];
  const seen = new Set<string>();
  for (const evaluation of evaluations) {
    const name = `${evaluation.datasetId}/${evaluation.modelId}`;
    const dataset = ARC_DATASETS.find((candidate) => candidate.key === evaluation.datasetId);
    const model = models.get(evaluation.modelId);
    if (model === undefined) throw new PayloadError(ARC_AGI_SOURCE_ID, `evaluation of "${evaluation.modelId}", which models.json does not list`, evaluationsDocument.name);
    const reason =
      dataset === undefined
        ? `dataset "${evaluation.datasetId}" is not in the catalogue`
        : evaluation.display === false
          ? "hidden on arcprize.org (display: false)"
          : seen.has(name)
            ? "duplicate row of the same dataset and model"
            : systemReason(model);
    if (reason !== null || dataset === undefined) {
      skipped.push({ name, reason: reason ?? "uncatalogued" });
      continue;
    }
    seen.add(name);
    observations.push({
      benchmark: dataset.definition.id,
      model: arcModelName(evaluation.modelId),
      setting: null,
      score: evaluation.score,
      scale: "fraction",
      ciLower: null,
      ciUpper: null,
      votes: null,
      asOf,
      costUsd: costOf(evaluation, dataset.costUnit),
      hints: { displayName: model.displayName ?? evaluation.modelId, releaseDate: releaseDateOf(model) },
    });
  }
  if (observations.length === 0) throw new PayloadError(ARC_AGI_SOURCE_ID, "no model score among the evaluations", evaluationsDocument.name);
  return { observations, skipped };
}

/**
 * EvalEval "Every Eval Ever" files (schema 0.1.x / 0.2.x): one JSON object per model and
 * leaderboard, with the leaderboard's results in evaluation_results[]. HELM and HAL are
 * both read through this shape; only the fields the parsers use are validated. A live run
 * fetches the Hugging Face dataset's tree listing first (followUrls), then every file.
 */
import { z } from "zod";
import { PayloadError, readJsonDocument, type PayloadDocument } from "../source.ts";

const stringRecord = z.record(z.string(), z.unknown());

export const eeeResultSchema = z.object({
  evaluation_name: z.string().min(1),
  metric_config: z.object({ lower_is_better: z.boolean(), min_score: z.number().nullish(), max_score: z.number().nullish() }).loose(),
  score_details: z.object({ score: z.number() }).loose(),
  generation_config: z.object({ additional_details: z.record(z.string(), z.unknown()).nullish() }).loose().nullish(),
});

export const eeeFileSchema = z.object({
  schema_version: z.string(),
  retrieved_timestamp: z.string().nullish(),
  source_metadata: z.object({ source_name: z.string(), additional_details: stringRecord.nullish() }).loose(),
  model_info: z.object({ name: z.string().min(1), id: z.string().min(1), developer: z.string().nullish(), additional_details: z.record(z.string(), z.string()).nullish() }).loose(),
  evaluation_results: z.array(eeeResultSchema).min(1),
});
export type EeeFile = z.infer<typeof eeeFileSchema>;
export type EeeResult = z.infer<typeof eeeResultSchema>;

const HF_DATASET = "https://huggingface.co/datasets/evaleval/every_eval_ever";
const HF_TREE_API = "https://huggingface.co/api/datasets/evaleval/every_eval_ever/tree/main/data";

/** The tree listing of one board folder of the dataset (the first fetch of a live run). */
export function eeeTreeUrl(board: string): string {
  return `${HF_TREE_API}/${board}?recursive=true`;
}

const treeSchema = z.array(z.object({ type: z.string(), path: z.string() }).loose());

/** The result files a tree listing names, as download URLs (followUrls of HELM and HAL). */
export function eeeFileUrls(documents: readonly PayloadDocument[]): string[] {
  return documents
    .filter((document) => document.name.startsWith(HF_TREE_API))
    .flatMap((document) => readJsonDocument("every-eval-ever", document, treeSchema))
    .filter((entry) => entry.type === "file" && entry.path.endsWith(".json"))
    .map((entry) => `${HF_DATASET}/resolve/main/${entry.path}`);
}

/** The result files of a payload: tree listings and documentation are not results. */
export function eeeResultDocuments(sourceId: string, documents: readonly PayloadDocument[]): PayloadDocument[] {
  const files = documents.filter((document) => !document.name.startsWith(HF_TREE_API) && /\.json$/.test(document.name));
  if (files.length === 0) throw new PayloadError(sourceId, `no Every Eval Ever result file among ${documents.length} document(s)`);
  return files;
}

export function readEeeFile(sourceId: string, document: PayloadDocument): EeeFile {
  return readJsonDocument(sourceId, document, eeeFileSchema);
}

/** retrieved_timestamp (Unix seconds as a string) as a date: when EvalEval converted the board. */
export function retrievedDate(file: EeeFile): string | null {
  const seconds = Number(file.retrieved_timestamp);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString().slice(0, 10) : null;
}

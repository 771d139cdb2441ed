/**
 * τ²-bench leaderboard submissions -> scores. A run reads manifest.json and the
 * submission.json of every folder it lists (the layout of the repo's submissions
 * folder); other files (schema.json, READMEs) carry no scores and are ignored.
 *
 * Agent systems are not a model's score: "custom" submissions (routers, extra tools,
 * modified prompts or user simulator: Distyl ButtonAgent, the tool-mentor pair,
 * Nemotron-Orchestrator) and cascaded voice pipelines of several models are skipped.
 * Every other submission names one model, as `model_name`; its reasoning effort (and
 * for banking, the retrieval method) is the setting. The as-of date is the submission
 * date (folder-name dates are unreliable), or the model's release date when that is
 * later: Qwen3-Max's submission_date 2024-09-23 is a year before the model existed. The
 * per-task `cost` is an average per trajectory, not a run cost, so costUsd stays null.
 */
import type { ModelHints, ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, parseJsonDocument, type ParseResult, type PayloadDocument } from "../source.ts";
import { TAU2_SOURCE_ID, tau2BenchmarkId, type Tau2Track } from "./benchmarks.ts";
import { isManifestDocument, readManifest } from "./manifest.ts";
import { submissionSchema, type Submission } from "./submission.ts";
import { describeIssues } from "../../src/domain/zod-issues.ts";
import { appendAll } from "../lib/append-all.ts";

function payloadError(message: string, document?: PayloadDocument): PayloadError {
  return new PayloadError(TAU2_SOURCE_ID, message, document?.name);
}

/** ".../submissions/<folder>/submission.json" -> folder, else null. */
function submissionFolder(documentName: string): string | null {
  const path = documentName.split(/[?#]/)[0] ?? "";
  const folder = /(?:^|\/)([^/]+)\/submission\.json$/.exec(path)?.[1];
  return folder === undefined ? null : decodeURIComponent(folder);
}

function readSubmission(document: PayloadDocument): Submission {
  const parsed = submissionSchema.safeParse(parseJsonDocument(TAU2_SOURCE_ID, document));
  if (parsed.success) return parsed.data;
  throw payloadError(`not a leaderboard submission: ${describeIssues(parsed.error)}`, document);
}

/** Why a submission is an agent system rather than one model, or null. */
function systemReason(submission: Submission): string | null {
  if (submission.submission_type === "custom") {
    return "custom submission (modified scaffold, tools, prompts or user simulator): an agent system, not the model alone";
  }
  if (submission.voice_config?.pipeline) return "cascaded voice pipeline of several models (speech-to-text, LLM, text-to-speech)";
  return null;
}

function settingOf(submission: Submission, retrievalConfig: string | null | undefined): string | null {
  const parts = [submission.reasoning_effort, retrievalConfig ? `retrieval: ${retrievalConfig}` : null].filter((part) => part);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** A score cannot be known before the model is public; ISO dates compare as strings. */
function asOfDate(submission: Submission): string {
  const released = submission.model_release?.release_date;
  return released && released > submission.submission_date ? released : submission.submission_date;
}

function hintsOf(submission: Submission): ModelHints {
  const hints: ModelHints = {};
  if (submission.model_organization.trim() !== "") hints.creator = submission.model_organization;
  if (submission.model_release?.release_date) hints.releaseDate = submission.model_release.release_date;
  return hints;
}

function parseSubmission(folder: string, track: Tau2Track, submission: Submission): ParseResult<ScoreObservation> {
  const name = `${submission.model_name} (${folder})`;
  const reason = systemReason(submission);
  if (reason !== null) return { observations: [], skipped: [{ name, reason }] };
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const [domain, result] of Object.entries(submission.results)) {
    const score = result?.pass_1;
    if (score === null || score === undefined) continue;
    const benchmark = tau2BenchmarkId(track, domain);
    if (benchmark === null) {
      skipped.push({ name: `${name} ${domain}`, reason: `no ${track} ${domain} benchmark in the catalogue` });
      continue;
    }
    observations.push({
      benchmark,
      model: submission.model_name,
      setting: settingOf(submission, result?.retrieval_config),
      score,
      scale: "percent",
      ciLower: null,
      ciUpper: null,
      votes: null,
      asOf: asOfDate(submission),
      costUsd: null,
      hints: hintsOf(submission),
    });
  }
  if (observations.length === 0 && skipped.length === 0) skipped.push({ name, reason: "no pass^1 score in any domain" });
  return { observations, skipped };
}

function manifestOf(documents: readonly PayloadDocument[]): Map<string, Tau2Track> {
  const manifests = documents.filter((document) => isManifestDocument(document.name));
  const [manifest, ...others] = manifests;
  if (manifest === undefined) throw payloadError("no manifest.json among the documents");
  if (others.length > 0) throw payloadError(`${manifests.length} manifest.json documents in one payload`);
  return readManifest(manifest);
}

export function parseTau2Submissions(documents: readonly PayloadDocument[]): ParseResult<ScoreObservation> {
  const tracks = manifestOf(documents);
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];
  const read = new Set<string>();
  for (const document of documents) {
    const folder = submissionFolder(document.name);
    if (folder === null) continue;
    if (read.has(folder)) throw payloadError(`${folder}/submission.json appears twice`, document);
    read.add(folder);
    const track = tracks.get(folder);
    if (track === undefined) {
      skipped.push({ name: folder, reason: "not listed in manifest.json (not shown on the leaderboard, e.g. an example)" });
      continue;
    }
    const result = parseSubmission(folder, track, readSubmission(document));
    appendAll(observations, result.observations);
    appendAll(skipped, result.skipped);
  }
  const missing = [...tracks.keys()].filter((folder) => !read.has(folder));
  if (missing.length > 0) {
    const shown = missing.slice(0, 5).join(", ");
    throw payloadError(`the manifest lists ${missing.length} submission(s) whose submission.json is not in the payload: ${shown}${missing.length > 5 ? ", …" : ""}`);
  }
  return { observations, skipped };
}

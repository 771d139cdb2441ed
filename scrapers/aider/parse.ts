/**
 * Aider leaderboards (YAML lists, one mapping per benchmark run) -> scores. The
 * benchmark comes from the document's file name; each row carries its own run date.
 * Architect rows pair two models (one plans, another edits): a system, not one model's
 * score, so they are skipped.
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { normaliseDecimal } from "../../src/domain/money.ts";
import type { ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, type ParseResult, type PayloadDocument } from "../source.ts";
import { AIDER_SOURCE_ID, aiderLeaderboards, leaderboardOfDocument, type AiderLeaderboard } from "./leaderboards.ts";
import { aiderSetting } from "./setting.ts";
import { describeIssues } from "../../src/domain/zod-issues.ts";

const runSchema = z.object({
  dirname: z.string().min(1),
  model: z.string().min(1),
  edit_format: z.string().min(1),
  date: z.iso.date(),
  pass_rate_1: z.number().min(0).max(100).optional(),
  pass_rate_2: z.number().min(0).max(100).optional(),
  total_cost: z.number().nonnegative().optional(),
  editor_model: z.string().optional(),
  /** The model's release date (edit board only). */
  released: z.iso.date().optional(),
});
type AiderRun = z.infer<typeof runSchema>;

function payloadError(message: string, document?: PayloadDocument): PayloadError {
  return new PayloadError(AIDER_SOURCE_ID, message, document?.name);
}

function readRuns(document: PayloadDocument): AiderRun[] {
  let content: unknown;
  try {
    content = parseYaml(document.body);
  } catch (error) {
    throw payloadError(`invalid YAML: ${error instanceof Error ? error.message : String(error)}`, document);
  }
  if (!Array.isArray(content)) {
    const found = content === null || content === undefined ? "an empty document" : typeof content;
    throw payloadError(`expected a YAML list of benchmark runs, found ${found}`, document);
  }
  if (content.length === 0) throw payloadError("the leaderboard lists no benchmark runs", document);
  return content.map((entry, index) => {
    const result = runSchema.safeParse(entry);
    if (result.success) return result.data;
    throw payloadError(`run ${index + 1} does not have the expected fields: ${describeIssues(result.error)}`, document);
  });
}

/** total_cost is the run's measured USD; the site treats 0 as "not recorded", and so do we. */
function measuredCost(totalCost: number | undefined): string | null {
  return totalCost === undefined || totalCost === 0 ? null : normaliseDecimal(totalCost);
}

function scoreOf(run: AiderRun, board: AiderLeaderboard, document: PayloadDocument): number {
  const score = run[board.scoreField];
  if (score === undefined) throw payloadError(`run ${run.dirname} has no ${board.scoreField}`, document);
  return score;
}

function parseLeaderboard(document: PayloadDocument, board: AiderLeaderboard): ParseResult<ScoreObservation> {
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const run of readRuns(document)) {
    if (run.editor_model !== undefined || run.edit_format === "architect") {
      const editor = run.editor_model ?? "an editor model";
      skipped.push({ name: run.model, reason: `architect pair: ${run.model} plans and ${editor} edits (two models)` });
      continue;
    }
    observations.push({
      benchmark: board.benchmark.id,
      model: run.model,
      setting: aiderSetting(run.model, run.edit_format),
      score: scoreOf(run, board, document),
      scale: "percent",
      ciLower: null,
      ciUpper: null,
      votes: null,
      asOf: run.date,
      costUsd: measuredCost(run.total_cost),
      hints: run.released === undefined ? {} : { releaseDate: run.released },
    });
  }
  return { observations, skipped };
}

/** One run reads at most one version of each leaderboard (polyglot, edit, refactor). */
export function parseAiderLeaderboards(documents: readonly PayloadDocument[]): ParseResult<ScoreObservation> {
  const seen = new Set<string>();
  const results: ParseResult<ScoreObservation>[] = [];
  for (const document of documents) {
    const board = leaderboardOfDocument(document.name);
    if (board === null) continue;
    if (seen.has(board.fileStem)) {
      throw payloadError(`two ${board.fileStem} documents in one payload; replay one version at a time`, document);
    }
    seen.add(board.fileStem);
    results.push(parseLeaderboard(document, board));
  }
  if (results.length === 0) {
    const expected = aiderLeaderboards.map((board) => `${board.fileStem}.yml`).join(", ");
    throw payloadError(`no Aider leaderboard among the documents (expected ${expected})`);
  }
  return {
    observations: results.flatMap((result) => result.observations),
    skipped: results.flatMap((result) => result.skipped),
  };
}

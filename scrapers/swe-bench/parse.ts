/**
 * SWE-bench leaderboards.json -> scores. Most rows are agent systems, not models: a row
 * becomes a score only when its tags name exactly one model (`Model: <id>`). That tag is
 * the model, as written. The setting is the row's display name, the only place where
 * the scaffold ("live-SWE-agent + …") and a reasoning effort ("(medium reasoning)") are
 * stated, kept whole, plus its `System:` tag ("Attempts - 2+": best of several tries),
 * which tells apart two rows of the same name and date with different scores. Rows with
 * no model tag, or several, are skipped.
 */
import { z } from "zod";
import { normaliseDecimal } from "../../src/domain/money.ts";
import type { ModelHints, ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import { PayloadError, parseJsonDocument, type ParseResult, type PayloadDocument } from "../source.ts";
import { BASH_ONLY_BOARD, SWE_BENCH_SOURCE_ID, sweBenchBoards } from "./leaderboards.ts";
import { describeIssues } from "../../src/domain/zod-issues.ts";

const leaderboardsSchema = z.object({
  leaderboards: z.array(z.object({ name: z.string().min(1), results: z.array(z.unknown()) })).min(1),
});

const resultSchema = z.object({
  /** Display name of the system. */
  name: z.string().min(1),
  date: z.iso.date(),
  resolved: z.number().min(0).max(100),
  /** Total USD of the run. */
  cost: z.number().nonnegative().nullish(),
  tags: z.array(z.string()),
  /** Whether the model has open weights. */
  os_model: z.boolean().nullish(),
});
type SweBenchResult = z.infer<typeof resultSchema>;

function payloadError(message: string, document?: PayloadDocument): PayloadError {
  return new PayloadError(SWE_BENCH_SOURCE_ID, message, document?.name);
}

function tagValues(tags: readonly string[], kind: "Model" | "Org" | "System"): string[] {
  const prefix = `${kind}:`;
  return [...new Set(tags.filter((tag) => tag.startsWith(prefix)).map((tag) => tag.slice(prefix.length).trim()))];
}

/** A cost of 0 on a run of hundreds of tasks is a missing figure, not a free run. */
function measuredCost(cost: number | null | undefined): string | null {
  return cost === null || cost === undefined || cost === 0 ? null : normaliseDecimal(cost);
}

/** "Tools + Claude 4 Opus (2025-05-22); Attempts - 1" */
function settingOf(result: SweBenchResult): string {
  return [result.name, ...tagValues(result.tags, "System")].join("; ");
}

function hintsOf(result: SweBenchResult, board: string): ModelHints {
  const hints: ModelHints = {};
  if (typeof result.os_model === "boolean") hints.openWeights = result.os_model;
  // Only on bash-only is the Org tag the model's maker; elsewhere it is the scaffold's.
  const orgs = tagValues(result.tags, "Org");
  if (board === BASH_ONLY_BOARD && orgs.length === 1) hints.creator = orgs[0];
  return hints;
}

function readResult(entry: unknown, board: string, index: number, document: PayloadDocument): SweBenchResult {
  const parsed = resultSchema.safeParse(entry);
  if (!parsed.success) throw payloadError(`${board} result ${index + 1} does not have the expected fields: ${describeIssues(parsed.error)}`, document);
  return parsed.data;
}

function parseLeaderboards(document: PayloadDocument): ParseResult<ScoreObservation> {
  const parsed = leaderboardsSchema.safeParse(parseJsonDocument(SWE_BENCH_SOURCE_ID, document));
  if (!parsed.success) throw payloadError(`not a SWE-bench leaderboards file: ${describeIssues(parsed.error)}`, document);
  const observations: ScoreObservation[] = [];
  const skipped: SkippedEntry[] = [];
  for (const board of parsed.data.leaderboards) {
    const benchmark = sweBenchBoards.get(board.name);
    if (benchmark === undefined) {
      skipped.push({ name: board.name, reason: `board not in the catalogue (${board.results.length} results)` });
      continue;
    }
    board.results.forEach((entry, index) => {
      const result = readResult(entry, board.name, index, document);
      const models = tagValues(result.tags, "Model");
      const name = `${result.name} [${board.name}]`;
      if (models.length === 0) {
        skipped.push({ name, reason: "agent system with no Model tag" });
        return;
      }
      if (models.length > 1) {
        skipped.push({ name, reason: `agent system combining ${models.length} models: ${models.join(", ")}` });
        return;
      }
      observations.push({
        benchmark: benchmark.id,
        model: models[0]!,
        setting: settingOf(result),
        score: result.resolved,
        scale: "percent",
        ciLower: null,
        ciUpper: null,
        votes: null,
        asOf: result.date,
        costUsd: measuredCost(result.cost),
        hints: hintsOf(result, board.name),
      });
    });
  }
  if (observations.length === 0) throw payloadError("no single-model result on any known board", document);
  return { observations, skipped };
}

function isLeaderboardsFile(documentName: string): boolean {
  const fileName = documentName.split(/[?#]/)[0]?.split("/").pop() ?? "";
  return fileName.startsWith("leaderboards.") && fileName.endsWith(".json");
}

/** Reads the one leaderboards.json of a run (documentation files beside a replayed snapshot are ignored). */
export function parseSweBenchLeaderboards(documents: readonly PayloadDocument[]): ParseResult<ScoreObservation> {
  const files = documents.filter((document) => isLeaderboardsFile(document.name));
  const [file, ...others] = files;
  if (file === undefined) throw payloadError("no leaderboards.json among the documents");
  if (others.length > 0) throw payloadError(`${files.length} leaderboards.json versions in one payload; replay one at a time`);
  return parseLeaderboards(file);
}

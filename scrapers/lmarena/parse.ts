/**
 * parse() for the lmarena source: reads every LMArena archive we record (arena-catalog
 * JSON, fboulnois CSVs, the jasontrigg0 time series, third-party top-N JSON) into Elo-scale
 * score observations. Name maps (scatterplot-data, key_to_model) are read first so that
 * their hints reach the ratings of the same run whatever the document order.
 */
import type { ModelHints, ScoreObservation, SkippedEntry } from "../../src/domain/observation.ts";
import type { ParseContext, ParseResult, PayloadDocument } from "../source.ts";
import { leaderboardObservations, scatterplotHints } from "./arena-catalog.ts";
import { lmarenaPayloadError } from "./errors.ts";
import { fboulnoisObservations } from "./fboulnois-csv.ts";
import { alltimeObservations, keyToModelHints } from "./jasontrigg0-csv.ts";
import type { NameMap } from "./name-map.ts";
import { identifyPayload, type LmarenaPayload } from "./payload-format.ts";
import { topNObservations } from "./top-n-json.ts";
import { appendAll } from "../lib/append-all.ts";

interface IdentifiedDocument {
  document: PayloadDocument;
  payload: LmarenaPayload;
}

interface NameMaps {
  scatterplot: Map<string, ModelHints>;
  keyToModel: Map<string, ModelHints>;
}

function readNameMaps(documents: readonly IdentifiedDocument[]): NameMaps & { skipped: SkippedEntry[] } {
  const maps: NameMaps = { scatterplot: new Map(), keyToModel: new Map() };
  const skipped: SkippedEntry[] = [];
  const addAll = (target: Map<string, ModelHints>, read: NameMap) => {
    for (const [key, hints] of read.hintsByKey) target.set(key, hints);
    appendAll(skipped, read.skipped);
  };
  for (const { document, payload } of documents) {
    if (payload.format === "arena-catalog-scatterplot") addAll(maps.scatterplot, scatterplotHints(document, payload.json));
    if (payload.format === "jasontrigg0-key-to-model") addAll(maps.keyToModel, keyToModelHints(document, payload.table));
  }
  return { ...maps, skipped };
}

function readRatings(
  { document, payload }: IdentifiedDocument,
  maps: NameMaps,
  context: ParseContext,
): ParseResult<ScoreObservation> {
  switch (payload.format) {
    case "fboulnois-csv":
      return { observations: fboulnoisObservations(document, payload.table, context), skipped: [] };
    case "jasontrigg0-alltime":
      return { observations: alltimeObservations(document, payload.table, maps.keyToModel), skipped: [] };
    case "arena-catalog-leaderboard":
      return leaderboardObservations(document, payload.json, payload.leaderboard, maps.scatterplot, context);
    case "top-n-json":
      return topNObservations(document, payload.json, context);
    case "documentation":
      return { observations: [], skipped: [{ name: document.name, reason: "documentation file, not a leaderboard payload" }] };
    case "arena-catalog-scatterplot":
    case "jasontrigg0-key-to-model":
      // Name maps: read by readNameMaps.
      return { observations: [], skipped: [] };
  }
}

function sameRating(a: ScoreObservation, b: ScoreObservation): boolean {
  return a.score === b.score && a.ciLower === b.ciLower && a.ciUpper === b.ciUpper && a.votes === b.votes;
}

/**
 * Archives repeat rows (fboulnois 2025-08-04 and jasontrigg0 list Yi-34B-Chat twice):
 * an identical repeat is skipped, two different ratings for one model and date fail the run.
 */
function withoutRepeatedRatings(observations: readonly ScoreObservation[]): ParseResult<ScoreObservation> {
  const seen = new Map<string, ScoreObservation>();
  const skipped: SkippedEntry[] = [];
  for (const observation of observations) {
    const identity = [observation.benchmark, observation.model, observation.setting ?? "", observation.asOf].join("\u0000");
    const earlier = seen.get(identity);
    if (!earlier) {
      seen.set(identity, observation);
    } else if (sameRating(earlier, observation)) {
      skipped.push({ name: observation.model, reason: `repeated row: same ${observation.benchmark} rating on ${observation.asOf} as an earlier row` });
    } else {
      throw lmarenaPayloadError(
        `conflicting ${observation.benchmark} ratings for "${observation.model}" on ${observation.asOf}: ${earlier.score} and ${observation.score}`,
      );
    }
  }
  return { observations: [...seen.values()], skipped };
}

export function parseLmarena(documents: readonly PayloadDocument[], context: ParseContext): ParseResult<ScoreObservation> {
  if (documents.length === 0) throw lmarenaPayloadError("no payload document");
  const identified = documents.map((document) => ({ document, payload: identifyPayload(document) }));
  const { skipped: nameMapEntries, ...maps } = readNameMaps(identified);
  const ratings = identified.map((item) => readRatings(item, maps, context));
  const unique = withoutRepeatedRatings(ratings.flatMap((result) => result.observations));
  return {
    observations: unique.observations,
    skipped: [...nameMapEntries, ...ratings.flatMap((result) => result.skipped), ...unique.skipped],
  };
}

/** Every LMArena score is an Elo-scale arena rating: one builder fills the fields they share. */
import type { ModelHints, ScoreObservation } from "../../src/domain/observation.ts";

export interface EloRating {
  benchmark: string;
  /** The name exactly as the file writes it (display name or LMArena key). */
  model: string;
  score: number;
  ciLower: number | null;
  ciUpper: number | null;
  votes: number | null;
  asOf: string;
  hints: ModelHints;
}

export function eloObservation(rating: EloRating): ScoreObservation {
  return { ...rating, setting: null, scale: "elo", costUsd: null };
}

/** "+5/-4" style intervals and "±4" style ones are offsets from the rating. */
export function intervalAround(score: number, plus: number, minus: number): Pick<EloRating, "ciLower" | "ciUpper"> {
  return { ciLower: score - minus, ciUpper: score + plus };
}

/** One aider run's input for the "seen per run" tests: a score observation prepared at a given time. */
import { scoreObservationSchema } from "../../src/domain/observation.ts";
import { prepareScores } from "../../src/jobs/ingest-scores.ts";
import { aiderSource } from "../../scrapers/aider/index.ts";

export const aiderObservation = (model: string, score: number) =>
  scoreObservationSchema.parse({ benchmark: "aider-polyglot", scale: "percent", model, setting: "diff", score, asOf: "2024-12-21" });

export const prepareAiderAt = (at: Date, observations = [aiderObservation("gpt-4o-2024-08-06", 18.2)]) =>
  prepareScores({ sourceId: "aider", at, benchmarks: aiderSource.benchmarks, namesHaveAuthors: false, observations });

/** Run times the tests share: a month apart. */
export const T1 = new Date("2026-01-01T00:00:00Z");
export const T2 = new Date("2026-02-01T00:00:00Z");
export const T3 = new Date("2026-03-01T00:00:00Z");

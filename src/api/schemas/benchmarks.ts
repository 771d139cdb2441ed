/** Output schemas of the `benchmarks` procedures. */
import { z } from "zod";
import { decimal, scoreScale, timestamp } from "./common.ts";

export const benchmarkListOutput = z.array(
  z.object({
    id: z.string().describe("benchmark id, e.g. aider-polyglot"),
    name: z.string(),
    source: z.string().describe("the source that records it"),
    scale: scoreScale,
    higherIsBetter: z.boolean(),
    description: z.string(),
    url: z.string(),
    models: z.number().describe("models with a current score"),
    scores: z.number().describe("current score rows"),
    latestAsOf: z.string().nullable().describe("date of the newest score"),
  }),
);

export const benchmarkScoresOutput = z.array(
  z.object({
    model: z.string(),
    benchmark: z.string(),
    setting: z.string().describe("reasoning effort or mode the score was measured in; default when none"),
    source: z.string(),
    rawName: z.string().describe("the name the source gave the model"),
    scale: scoreScale,
    score: decimal,
    ciLower: decimal.nullable(),
    ciUpper: decimal.nullable(),
    votes: z.number().nullable(),
    costUsd: decimal.nullable().describe("cost of the benchmark run in USD, where the source states it"),
    asOf: z.string().describe("date the score was measured or published"),
    validFrom: timestamp,
    validTo: timestamp.nullable(),
  }),
);

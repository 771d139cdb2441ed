/** Output schemas of the `tasks` procedures. */
import { z } from "zod";
import { qualityComponent, tokenProfile } from "./common.ts";

export const taskListOutput = z.array(
  z.object({
    id: z.string().describe("task class id, e.g. coding"),
    name: z.string(),
    description: z.string(),
    rationale: z.string(),
    benchmarks: z.array(
      z.object({
        key: z.string(),
        benchmarks: z.array(z.string()).describe("benchmark ids; several for a versioned benchmark"),
        versioned: z.boolean(),
        weight: z.number(),
        why: z.string(),
      }),
    ),
    profile: tokenProfile,
  }),
);

/** A model's expected score on a task class, 0..100 with its 95% interval. */
export const modelQuality = {
  model: z.string(),
  quality: z.number().describe("expected score 0..100"),
  low: z.number().describe("lower end of the 95% interval"),
  high: z.number().describe("upper end of the 95% interval"),
  coverage: z.number().describe("share of the class's benchmark weight with scores, 0..1"),
  components: z.array(qualityComponent),
  missing: z.array(z.string()).describe("components without a score"),
};

export const taskQualityOutput = z.object({
  task: z.string(),
  asOf: z.string().nullable(),
  maxWidth: z.number().nullable(),
  scored: z.number(),
  qualifying: z.number(),
  scale: z.array(z.object({ component: z.string(), item: z.string().nullable(), weight: z.number() })),
  models: z.array(z.object({ ...modelQuality, ability: z.number(), abilitySe: z.number(), classScores: z.number() })),
});

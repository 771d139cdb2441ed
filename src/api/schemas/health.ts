/** Output schema of the `health` procedure (and /healthz). */
import { z } from "zod";
import { timestamp } from "./common.ts";

export const sourceHealthSchema = z.object({
  id: z.string(),
  enabled: z.boolean(),
  schedule: z.string().describe("cron expression of the source's runs"),
  lastRun: z
    .object({ status: z.string(), trigger: z.string(), startedAt: timestamp, finishedAt: timestamp.nullable(), error: z.string().nullable() })
    .nullable(),
  lastSuccessAt: timestamp.nullable(),
  stalenessWindowSeconds: z.number().describe("a success older than this (twice the interval between scheduled runs) is stale"),
  stale: z.boolean().nullable().describe("no success within the staleness window; null for a disabled source"),
});

export const healthOutput = z.object({
  status: z.enum(["ok", "degraded", "down"]).describe("down: database unreachable; degraded: not migrated, or no source succeeded within its window; ok otherwise"),
  database: z.object({
    kind: z.enum(["pglite", "postgres"]),
    location: z.string().optional().describe("host or PGlite path; only with the admin token"),
    reachable: z.boolean(),
    error: z.string().optional(),
  }),
  migrations: z.object({ applied: z.number(), expected: z.number(), upToDate: z.boolean() }).nullable(),
  sources: z.array(sourceHealthSchema),
});

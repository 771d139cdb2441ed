/**
 * The output schema of every query procedure, by tRPC path. The routers that declare
 * `.output()` with it (health, benchmarks, sources, tasks) are validated at run time; the
 * others (the hot paths best and pareto, and routers still changing) are documented from
 * this map without run-time validation. test/api/output-schemas.types.ts checks at
 * compile time that each procedure's return type is accepted by its schema, and
 * test/api/openapi-contract.test.ts at run time that real answers parse to themselves
 * (no field missing from a schema).
 */
import type { z } from "zod";
import type { ApiDocumentation } from "../rest/operation-docs.ts";
import { OPERATION_DOCS, SHARED_PARAMETERS } from "./operations.ts";
import { benchmarkListOutput, benchmarkScoresOutput } from "./benchmarks.ts";
import { healthOutput } from "./health.ts";
import { modelsAuditOutput, modelsGetOutput, modelsListOutput, modelsResolveOutput } from "./models.ts";
import { pricesAtOutput, pricesCurrentOutput, pricesHistoryOutput } from "./prices.ts";
import {
  capabilityThresholdsOutput,
  changesOutput,
  costOfCapabilityOutput,
  cutsPerMonthOutput,
  indexOutput,
  spreadOutput,
  undercutsOutput,
} from "./pricewar.ts";
import { bestOutput, paretoOutput, simulateOutput } from "./ranking.ts";
import { disagreementsOutput, quarantineOutput, sourceStatusOutput, suspectOutput, unmatchedOutput } from "./sources.ts";
import { taskListOutput, taskQualityOutput } from "./tasks.ts";

export const PROCEDURE_OUTPUTS = {
  health: healthOutput,
  best: bestOutput,
  pareto: paretoOutput,
  simulate: simulateOutput,
  "models.list": modelsListOutput,
  "models.get": modelsGetOutput,
  "models.resolve": modelsResolveOutput,
  "models.audit": modelsAuditOutput,
  "prices.current": pricesCurrentOutput,
  "prices.history": pricesHistoryOutput,
  "prices.at": pricesAtOutput,
  "pricewar.changes": changesOutput,
  "pricewar.spread": spreadOutput,
  "pricewar.undercuts": undercutsOutput,
  "pricewar.index": indexOutput,
  "pricewar.cutsPerMonth": cutsPerMonthOutput,
  "pricewar.costOfCapability": costOfCapabilityOutput,
  "pricewar.capabilityThresholds": capabilityThresholdsOutput,
  "sources.status": sourceStatusOutput,
  "sources.health": sourceStatusOutput,
  "sources.disagreements": disagreementsOutput,
  "sources.suspect": suspectOutput,
  "sources.unmatched": unmatchedOutput,
  "sources.quarantine": quarantineOutput,
  "benchmarks.list": benchmarkListOutput,
  "benchmarks.scores": benchmarkScoresOutput,
  "tasks.list": taskListOutput,
  "tasks.quality": taskQualityOutput,
} satisfies Record<string, z.ZodType>;

export type DocumentedProcedure = keyof typeof PROCEDURE_OUTPUTS;

/** The app router's documentation for the plain JSON API: result schemas and operation texts. */
export const API_DOCUMENTATION: ApiDocumentation = { outputs: PROCEDURE_OUTPUTS, operations: OPERATION_DOCS, parameters: SHARED_PARAMETERS };

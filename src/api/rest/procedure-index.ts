/**
 * The query procedures of a router and the URL paths each answers at, read from the
 * router's own definition so the plain JSON API follows every change to it. Mutations
 * and subscriptions are not exposed over GET.
 */
import type { AnyProcedure, AnyRouter } from "@trpc/server";
import { inputShapeOf, jsonSchemaOf, type InputShape, type JsonSchema } from "./json-schema.ts";

export const REST_BASE_PATH = "/api/v1";

export interface RestProcedure {
  /** tRPC path, e.g. "models.list". */
  path: string;
  /** Where it answers: /api/v1/models/list and, for a `list`, its group too (/api/v1/models). First is canonical. */
  urlPaths: string[];
  input: InputShape;
  /** JSON Schema of the result: the procedure's `.output()`, else its documented schema (schemas/index.ts); null without either. */
  output: JsonSchema | null;
}

/** A built procedure's definition; `.output()` sets `output` at run time though tRPC's type leaves it out. */
type ProcedureDefinition = AnyProcedure["_def"] & { output?: unknown };

function urlPathsOf(path: string): string[] {
  const segments = path.split(".");
  const canonical = `${REST_BASE_PATH}/${segments.join("/")}`;
  if (segments.length < 2 || segments.at(-1) !== "list") return [canonical];
  return [canonical, `${REST_BASE_PATH}/${segments.slice(0, -1).join("/")}`];
}

/**
 * Procedures of routers passed to `lazy()` are not in `_def.procedures` until first called, so they are not listed.
 * `documentedOutputs` gives the result schema, by tRPC path, of procedures that validate none at run time.
 */
export function indexQueryProcedures(router: Pick<AnyRouter, "_def">, documentedOutputs: Readonly<Record<string, unknown>> = {}): RestProcedure[] {
  return Object.entries(router._def.procedures as Record<string, { _def: ProcedureDefinition }>)
    .filter(([, procedure]) => procedure._def.type === "query")
    .map(([path, { _def: definition }]) => ({
      path,
      urlPaths: urlPathsOf(path),
      input: inputShapeOf(definition.inputs),
      output: outputSchemaOf(definition.output ?? (Object.hasOwn(documentedOutputs, path) ? documentedOutputs[path] : undefined)),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function outputSchemaOf(parser: unknown): JsonSchema | null {
  return parser === undefined ? null : jsonSchemaOf(parser, "output");
}

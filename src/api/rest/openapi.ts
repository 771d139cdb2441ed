/**
 * The OpenAPI 3.1 document of the plain JSON API, generated from the indexed procedures:
 * one GET per query, its query parameters from the input's JSON Schema, its result from
 * `.output()` or the documented schema, its summary, description and examples from the
 * operation docs (examples derived from the schema where the docs give none). Schemas zod
 * extracts into `$defs` (registry ids, cycles) move to components.schemas.
 */
import { isDeepStrictEqual } from "node:util";
import packageJson from "../../../package.json" with { type: "json" };
import { arrayItemsOf, asSchema, isJsonEncoded, resolveRef, type InputShape, type JsonSchema } from "./json-schema.ts";
import { exampleOf, exampleUrl } from "./examples.ts";
import type { OperationDoc, ParameterDocs } from "./operation-docs.ts";
import { REST_BASE_PATH, type RestProcedure } from "./procedure-index.ts";

export interface OpenApiParameter {
  name: string;
  in: "query";
  required: boolean;
  description?: string;
  example?: unknown;
  schema?: JsonSchema;
  style?: "form";
  explode?: boolean;
  content?: { "application/json": { schema: JsonSchema } };
}

export interface OpenApiOperation {
  operationId?: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters: OpenApiParameter[];
  responses: Record<string, unknown>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  servers: Array<{ url: string; description: string }>;
  security: [];
  tags: Array<{ name: string; description: string }>;
  paths: Record<string, { get: OpenApiOperation }>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, unknown> };
}

const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", description: "tRPC error code: BAD_REQUEST, NOT_FOUND, INTERNAL_SERVER_ERROR, ..." },
        message: { type: "string" },
        issues: {
          type: "array",
          description: "one entry per invalid or unknown parameter (or field of a JSON parameter)",
          items: {
            type: "object",
            required: ["path", "message"],
            properties: { path: { type: "string" }, message: { type: "string" } },
          },
        },
      },
    },
  },
};

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
}

const ERROR_RESPONSES = {
  BadRequest: errorResponse("Invalid or unknown query parameter; `issues` names each one"),
  NotFound: errorResponse("No such procedure, or the thing asked for does not exist"),
  InternalServerError: errorResponse("Server fault; the message is not disclosed"),
  Error: errorResponse("Any other error, with its tRPC code"),
};

const LOCAL_REF = /^#\/\$defs\/(.+)$/;

function rewriteRefs(value: unknown, names: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, names));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const local = key === "$ref" && typeof item === "string" ? item.match(LOCAL_REF)?.[1] : undefined;
      const target = local === undefined ? undefined : names.get(decodeURIComponent(local));
      return [key, target === undefined ? rewriteRefs(item, names) : `#/components/schemas/${target}`];
    }),
  );
}

/**
 * Moves a schema's `$defs` into components, keeping zod's names (shared registry ids then
 * share one component) unless a different schema already holds the name.
 */
function hoistDefinitions(schema: JsonSchema, owner: string, components: Record<string, JsonSchema>): JsonSchema {
  const { $defs = {}, ...rest } = schema;
  const sameNames = new Map(Object.keys($defs).map((name) => [name, name.replace(/[^\w.-]/g, "_")]));
  const names = new Map(
    Object.entries($defs).map(([name, definition]) => {
      const preferred = sameNames.get(name)!;
      const taken = components[preferred] !== undefined && !isDeepStrictEqual(components[preferred], rewriteRefs(definition, sameNames));
      return [name, taken ? `${owner}.${preferred}` : preferred];
    }),
  );
  for (const [name, definition] of Object.entries($defs)) components[names.get(name)!] = rewriteRefs(definition, names) as JsonSchema;
  return rewriteRefs(rest, names) as JsonSchema;
}

interface ParameterDoc {
  description: string | undefined;
  example: unknown;
}

/** `original` is read (types, description) against its own root; `documented` is what the document shows. */
function parameterOf(name: string, original: JsonSchema, documented: JsonSchema, root: JsonSchema, required: boolean, doc: ParameterDoc): OpenApiParameter {
  const description = resolveRef(original, root).description ?? doc.description;
  const example = doc.example === undefined ? exampleOf(original, root) : doc.example;
  const parameter: OpenApiParameter = {
    name,
    in: "query",
    required,
    ...(description ? { description } : {}),
    ...(example === undefined ? {} : { example: isJsonEncoded(original, root) ? JSON.stringify(example) : example }),
  };
  if (isJsonEncoded(original, root)) return { ...parameter, content: { "application/json": { schema: documented } } };
  // Repeated parameters; comma-separated values and one JSON array are accepted too.
  if (arrayItemsOf(original, root)) return { ...parameter, schema: documented, style: "form", explode: true };
  return { ...parameter, schema: documented };
}

function parametersOf(
  input: InputShape,
  owner: string,
  components: Record<string, JsonSchema>,
  doc: OperationDoc | undefined,
  shared: ParameterDocs,
): OpenApiParameter[] {
  if (input.kind === "none") return [];
  const root = input.schema;
  const documented = hoistDefinitions(root, owner, components);
  const parameterDoc = (name: string): ParameterDoc => {
    const common = Object.hasOwn(shared, name) ? shared[name] : undefined;
    return { description: doc?.parameters?.[name] ?? common?.description, example: doc?.example?.[name] ?? common?.example };
  };
  if (input.kind === "value") return [parameterOf("input", root, documented, root, !input.optional, parameterDoc("input"))];
  const required = new Set(root.required ?? []);
  const originals = root.properties ?? {};
  return Object.entries(documented.properties ?? {}).map(([name, schema]) =>
    parameterOf(name, asSchema(originals[name]), asSchema(schema), root, required.has(name), parameterDoc(name)),
  );
}

function operationOf(procedure: RestProcedure, components: Record<string, JsonSchema>, doc: OperationDoc | undefined, shared: ParameterDocs): OpenApiOperation {
  const segments = procedure.path.split(".");
  const result = procedure.output ? hoistDefinitions(procedure.output, `${procedure.path}.output`, components) : {};
  const parameters = parametersOf(procedure.input, `${procedure.path}.input`, components, doc, shared);
  const example = exampleUrl(procedure.urlPaths[0]!, parameters, doc?.example);
  return {
    summary: doc?.summary ?? `tRPC query ${procedure.path}`,
    description: `${doc?.description ?? `The tRPC query ${procedure.path} over GET.`}\n\nExample: \`GET ${example}\` (tRPC: \`${procedure.path}\`).`,
    tags: [segments.length > 1 ? segments[0]! : ROOT_TAG],
    parameters,
    responses: {
      "200": { description: "The procedure's result as JSON (dates as ISO strings)", content: { "application/json": { schema: result } } },
      "400": { $ref: "#/components/responses/BadRequest" },
      "404": { $ref: "#/components/responses/NotFound" },
      "500": { $ref: "#/components/responses/InternalServerError" },
      default: { $ref: "#/components/responses/Error" },
    },
  };
}

/** Procedures outside a group (best, pareto, simulate, health). */
const ROOT_TAG = "api";

export function buildOpenApiDocument(
  procedures: readonly RestProcedure[],
  docs: Readonly<Record<string, OperationDoc>> = {},
  sharedParameters: ParameterDocs = {},
): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = { Error: ERROR_SCHEMA };
  const paths: OpenApiDocument["paths"] = {};
  for (const procedure of procedures) {
    const operation = operationOf(procedure, schemas, Object.hasOwn(docs, procedure.path) ? docs[procedure.path] : undefined, sharedParameters);
    const [canonical, ...aliases] = procedure.urlPaths;
    paths[canonical!] = { get: { operationId: procedure.path, ...operation } };
    for (const alias of aliases) {
      paths[alias] = { get: { ...operation, operationId: `${procedure.path}.short`, description: `Same as GET ${canonical}. ${operation.description}` } };
    }
  }
  const tags = [...new Set(Object.values(paths).flatMap(({ get }) => get.tags ?? []))].sort();
  return {
    openapi: "3.1.0",
    info: {
      title: packageJson.name,
      version: packageJson.version,
      description: `The tRPC API's queries as plain JSON over GET, inputs as query parameters (arrays repeated or comma-separated, structured values as JSON). Generated from the router; each 200 response's schema is the procedure's output schema. Dates are ISO 8601 strings, exact decimals are strings.`,
      license: { name: packageJson.license, identifier: packageJson.license },
    },
    // Relative: the instance that serves this document. No authentication on these routes.
    servers: [{ url: "/", description: "the pricewar instance serving this document" }],
    security: [],
    tags: tags.map((name) => ({ name, description: name === ROOT_TAG ? "ranking, simulation and health" : `${name} procedures (${REST_BASE_PATH}/${name}/...)` })),
    paths,
    components: { schemas, responses: ERROR_RESPONSES },
  };
}

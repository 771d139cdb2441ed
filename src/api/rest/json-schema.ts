/**
 * A procedure's zod parsers read once, as JSON Schema (zod's own z.toJSONSchema). Both the
 * query-parameter conversion and the OpenAPI document work from this reading, so what the
 * document promises and what the handler accepts cannot disagree.
 */
import { z } from "zod";

export type JsonSchema = z.core.JSONSchema.JSONSchema;
type SchemaType = z.core.JSONSchema.SchemaType;

/** How a procedure takes its input over GET. */
export type InputShape =
  /** No input parser: query parameters are ignored. */
  | { kind: "none" }
  /** An object input: each top-level property is one query parameter. */
  | { kind: "object"; schema: JsonSchema; optional: boolean }
  /** Any other input (a string, a union, ...): the whole value in one `input` parameter. */
  | { kind: "value"; schema: JsonSchema; optional: boolean };

function isZodSchema(parser: unknown): parser is z.core.$ZodType {
  return typeof parser === "object" && parser !== null && "_zod" in parser;
}

/** Dates leave the API as ISO strings (JSON.stringify); on input a string never parses as z.date(). */
function unrepresentable(io: "input" | "output"): z.core.UnrepresentableHandler {
  return ({ zodSchema }) =>
    io === "output" && zodSchema._zod.def.type === "date" ? { type: "string", format: "date-time" } : "any";
}

/** JSON Schema of one parser; anything that is not a zod schema is described as "any value". */
export function jsonSchemaOf(parser: unknown, io: "input" | "output"): JsonSchema {
  if (!isZodSchema(parser)) return {};
  const { $schema: _dialect, ...schema } = z.toJSONSchema(parser, { io, unrepresentable: unrepresentable(io) });
  return schema;
}

function allowsExtraProperties(schema: JsonSchema): boolean {
  return schema.additionalProperties !== undefined && schema.additionalProperties !== false;
}

/** tRPC runs every `.input()` parser on the same raw input and merges the results, so their properties add up. */
function mergeObjectSchemas(schemas: JsonSchema[]): JsonSchema {
  if (schemas.length === 1) return schemas[0]!;
  return {
    type: "object",
    properties: Object.assign({}, ...schemas.map((schema) => schema.properties ?? {})),
    required: [...new Set(schemas.flatMap((schema) => schema.required ?? []))],
    $defs: Object.assign({}, ...schemas.map((schema) => schema.$defs ?? {})),
    ...(schemas.every(allowsExtraProperties) ? { additionalProperties: schemas[0]!.additionalProperties } : {}),
  };
}

export function inputShapeOf(parsers: readonly unknown[]): InputShape {
  if (parsers.length === 0) return { kind: "none" };
  const optional = parsers.every((parser) => isZodSchema(parser) && parser._zod.optin !== undefined);
  const schemas = parsers.map((parser) => jsonSchemaOf(parser, "input"));
  if (schemas.every((schema) => schema.type === "object")) {
    return { kind: "object", schema: mergeObjectSchemas(schemas), optional };
  }
  // tRPC can only merge object inputs, so a non-object input is the procedure's only one.
  return { kind: "value", schema: schemas[0]!, optional };
}

/** The schema behind a local `#/$defs/...` reference (zod emits them for schemas with a registry id, and for cycles). */
export function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const name = schema.$ref?.match(/^#\/\$defs\/(.+)$/)?.[1];
  const target = name === undefined ? undefined : root.$defs?.[decodeURIComponent(name)];
  return target ? resolveRef(target, root) : schema;
}

/** A schema from a position that may also hold `true` (anything) or `false` (nothing). */
export function asSchema(schema: JsonSchema | boolean | undefined): JsonSchema {
  return typeof schema === "object" ? schema : {};
}

function unionMembers(schema: JsonSchema): JsonSchema[] {
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
}

function ownTypes(schema: JsonSchema): SchemaType[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** Every JSON type a value of this schema may have, through references and unions; empty for "any". */
export function typesOf(schema: JsonSchema, root: JsonSchema): Set<SchemaType> {
  const resolved = resolveRef(schema, root);
  return new Set([...ownTypes(resolved), ...unionMembers(resolved).flatMap((member) => [...typesOf(member, root)])]);
}

/** The item schema of the array this schema allows (itself or a union member), or undefined if none. */
export function arrayItemsOf(schema: JsonSchema, root: JsonSchema): JsonSchema | undefined {
  const resolved = resolveRef(schema, root);
  if (ownTypes(resolved).includes("array")) return asSchema(Array.isArray(resolved.items) ? {} : resolved.items);
  for (const member of unionMembers(resolved)) {
    const items = arrayItemsOf(member, root);
    if (items) return items;
  }
  return undefined;
}

/** Structured values (objects, arrays of objects or arrays) cannot be spelled as plain query strings: they travel as JSON. */
export function isJsonEncoded(schema: JsonSchema, root: JsonSchema): boolean {
  const types = typesOf(schema, root);
  if (types.has("object")) return true;
  const items = arrayItemsOf(schema, root);
  if (!items) return false;
  const itemTypes = typesOf(items, root);
  return itemTypes.has("object") || itemTypes.has("array");
}

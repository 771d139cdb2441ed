/**
 * Examples for the OpenAPI document: a parameter's example derived from its JSON Schema
 * (default, first enum value, a date for a date, the minimum for a number, ...) where the
 * operation docs give none, and an operation's example URL built from its parameters.
 */
import { arrayItemsOf, asSchema, resolveRef, type JsonSchema } from "./json-schema.ts";

const EXAMPLE_DATE = "2026-07-01";

/** A value the schema accepts, or undefined if none can be told without the docs. */
export function exampleOf(schema: JsonSchema, root: JsonSchema): unknown {
  const resolved = resolveRef(schema, root);
  if (resolved.default !== undefined) return resolved.default;
  if (Array.isArray(resolved.examples) && resolved.examples.length > 0) return resolved.examples[0];
  if (resolved.const !== undefined) return resolved.const;
  if (resolved.enum && resolved.enum.length > 0) return resolved.enum[0];
  const members = [...(resolved.anyOf ?? []), ...(resolved.oneOf ?? [])].map(asSchema).filter((member) => resolveRef(member, root).type !== "null");
  if (members.length > 0) return exampleOf(members[0]!, root);
  const items = arrayItemsOf(resolved, root);
  if (items) {
    const item = exampleOf(items, root);
    return item === undefined ? [] : [item];
  }
  switch (resolved.type) {
    case "string":
      if (resolved.format === "date") return EXAMPLE_DATE;
      if (resolved.format === "date-time") return `${EXAMPLE_DATE}T00:00:00Z`;
      return resolved.pattern === undefined ? "example" : undefined;
    case "integer":
    case "number":
      return resolved.minimum ?? (typeof resolved.exclusiveMinimum === "number" ? resolved.exclusiveMinimum + 1 : 1);
    case "boolean":
      return false;
    case "object":
      return {};
    default:
      return undefined;
  }
}

interface ExampleParameter {
  name: string;
  required: boolean;
  example?: unknown;
  content?: unknown;
}

/** Keeps the characters a query value can carry unescaped readable in the example. */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/g, ",").replace(/%3A/g, ":");
}

/** The operation's URL with its required parameters and those the docs' example gives (`given`). */
export function exampleUrl(path: string, parameters: readonly ExampleParameter[], given: Readonly<Record<string, unknown>> = {}): string {
  const query = parameters.flatMap((parameter) => {
    const value = Object.hasOwn(given, parameter.name) ? given[parameter.name] : parameter.required ? parameter.example : undefined;
    if (value === undefined) return [];
    const text = parameter.content !== undefined && typeof value !== "string" ? JSON.stringify(value) : Array.isArray(value) ? value.join(",") : String(value);
    return [`${parameter.name}=${encodeValue(text)}`];
  });
  return query.length > 0 ? `${path}?${query.join("&")}` : path;
}

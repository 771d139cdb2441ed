/**
 * Query parameters to a procedure's input, typed by its JSON Schema: numbers and booleans
 * from their spelling, arrays from repeated or comma-separated parameters (or one JSON
 * array), structured values from JSON. Only the spelling is converted here; every rule
 * (enums, ranges, required fields) is left to the procedure's own zod validation.
 */
import { arrayItemsOf, asSchema, isJsonEncoded, typesOf, type InputShape, type JsonSchema } from "./json-schema.ts";

/** One problem with the request, named by the parameter (or field path) it concerns. */
export interface InputIssue {
  path: string;
  message: string;
}

export type QueryInputResult = { ok: true; input: unknown } | { ok: false; issues: InputIssue[] };

type Converted = { ok: true; value: unknown } | { ok: false; issue: InputIssue };

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function convertScalar(value: string, schema: JsonSchema, root: JsonSchema): unknown {
  const types = typesOf(schema, root);
  if ((types.has("number") || types.has("integer")) && NUMBER.test(value)) return Number(value);
  if (types.has("boolean") && (value === "true" || value === "false")) return value === "true";
  if (types.has("null") && !types.has("string") && value === "null") return null;
  return value;
}

function parseJson(name: string, value: string): Converted {
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "unreadable";
    return { ok: false, issue: { path: name, message: `expected a JSON value (${reason})` } };
  }
}

/** One occurrence of an array parameter: a JSON array, one JSON item, or comma-separated plain items. */
function arrayElements(name: string, value: string, items: JsonSchema, root: JsonSchema): Converted {
  if (value.trimStart().startsWith("[")) {
    const parsed = parseJson(name, value);
    if (!parsed.ok || Array.isArray(parsed.value)) return parsed;
    return { ok: false, issue: { path: name, message: "expected a JSON array" } };
  }
  if (isJsonEncoded(items, root)) {
    const parsed = parseJson(name, value);
    return parsed.ok ? { ok: true, value: [parsed.value] } : parsed;
  }
  if (value === "") return { ok: true, value: [] };
  return { ok: true, value: value.split(",").map((item) => convertScalar(item, items, root)) };
}

function convertParameter(name: string, values: string[], schema: JsonSchema, root: JsonSchema): Converted {
  const items = arrayItemsOf(schema, root);
  if (items) {
    const elements: unknown[] = [];
    for (const value of values) {
      const converted = arrayElements(name, value, items, root);
      if (!converted.ok) return converted;
      elements.push(...(converted.value as unknown[]));
    }
    return { ok: true, value: elements };
  }
  if (values.length > 1) return { ok: false, issue: { path: name, message: `given ${values.length} times; expected one value` } };
  const value = values[0]!;
  return typesOf(schema, root).has("object") ? parseJson(name, value) : { ok: true, value: convertScalar(value, schema, root) };
}

type Collected = { ok: true; input: Record<string, unknown> } | { ok: false; issues: InputIssue[] };

function collect(entries: Array<[name: string, converted: Converted]>): Collected {
  const values: Array<[string, unknown]> = [];
  const issues: InputIssue[] = [];
  for (const [name, converted] of entries) {
    if (converted.ok) values.push([name, converted.value]);
    else issues.push(converted.issue);
  }
  // fromEntries, not assignment: a parameter named __proto__ must stay a plain key.
  return issues.length > 0 ? { ok: false, issues } : { ok: true, input: Object.fromEntries(values) };
}

function unknownParameter(name: string, known: string[]): Converted {
  const expected = known.length > 0 ? `expected one of: ${known.join(", ")}` : "this endpoint takes no parameters";
  return { ok: false, issue: { path: name, message: `unknown parameter; ${expected}` } };
}

export function queryToInput(params: URLSearchParams, shape: InputShape): QueryInputResult {
  if (shape.kind === "none") return { ok: true, input: undefined };
  const names = [...new Set(params.keys())];
  if (names.length === 0 && shape.optional) return { ok: true, input: undefined };

  if (shape.kind === "value") {
    const result = collect(
      names.map((name) => [name, name === "input" ? convertParameter(name, params.getAll(name), shape.schema, shape.schema) : unknownParameter(name, ["input"])]),
    );
    return result.ok ? { ok: true, input: result.input.input } : result;
  }

  const { schema } = shape;
  const properties = schema.properties ?? {};
  // A plain z.object() says nothing about other keys (zod would silently drop them): they are refused, so a
  // misspelt parameter is an error rather than ignored. Loose objects and records state what else they take.
  const extra = schema.additionalProperties;
  return collect(
    names.map((name) => {
      const property = Object.hasOwn(properties, name) ? properties[name] : extra === false ? undefined : extra;
      if (property === undefined) return [name, unknownParameter(name, Object.keys(properties))];
      return [name, convertParameter(name, params.getAll(name), asSchema(property), schema)];
    }),
  );
}

/**
 * Astro serialises an island's props as JSON where every value is a `[type, value]` pair:
 * type 0 is a plain value (objects have their fields serialised the same way), type 1 an
 * array of serialised values, and `[0]` alone is undefined. Other types (dates, maps, sets,
 * regexps, URLs...) never carry prices, so meeting one means the page changed. Decoding
 * recurses, so it is bounded: pricing props nest a handful of levels, and a value nested
 * past MAX_PROPS_DEPTH is a layout change, not a stack overflow.
 */
import { previewValue } from "../lib/preview-value.ts";
import { PricingLayoutError } from "./errors.ts";

export const MAX_PROPS_DEPTH = 64;

export function decodeAstroProps(json: string, component: string): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new PricingLayoutError(`${component} island props are not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isPlainObject(raw)) throw new PricingLayoutError(`${component} island props are not an object`);
  return decodeFields(raw, component, 0);
}

function decodeFields(object: Record<string, unknown>, component: string, depth: number): Record<string, unknown> {
  if (depth >= MAX_PROPS_DEPTH) throw new PricingLayoutError(`${component} island props nest more than ${MAX_PROPS_DEPTH} levels deep`);
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, decodeValue(value, component, depth + 1)]));
}

function decodeValue(serialised: unknown, component: string, depth: number): unknown {
  if (!Array.isArray(serialised) || typeof serialised[0] !== "number") {
    throw new PricingLayoutError(`${component} island props: ${previewValue(serialised)} is not an Astro [type, value] pair`);
  }
  if (depth >= MAX_PROPS_DEPTH) throw new PricingLayoutError(`${component} island props nest more than ${MAX_PROPS_DEPTH} levels deep`);
  const [type, value] = serialised;
  if (type === 0) return isPlainObject(value) ? decodeFields(value, component, depth + 1) : value;
  if (type === 1 && Array.isArray(value)) return value.map((item) => decodeValue(item, component, depth + 1));
  throw new PricingLayoutError(`${component} island props: unexpected Astro value type ${type}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

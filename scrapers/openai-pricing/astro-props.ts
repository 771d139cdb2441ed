/**
 * Astro serialises an island's props as JSON where every value is a `[type, value]` pair:
 * type 0 is a plain value (objects have their fields serialised the same way), type 1 an
 * array of serialised values, and `[0]` alone is undefined. Other types (dates, maps, sets,
 * regexps, URLs...) never carry prices, so meeting one means the page changed.
 */
import { PricingLayoutError } from "./errors.ts";

export function decodeAstroProps(json: string, component: string): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new PricingLayoutError(`${component} island props are not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isPlainObject(raw)) throw new PricingLayoutError(`${component} island props are not an object`);
  return decodeFields(raw, component);
}

function decodeFields(object: Record<string, unknown>, component: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, decodeValue(value, component)]));
}

function decodeValue(serialised: unknown, component: string): unknown {
  if (!Array.isArray(serialised) || typeof serialised[0] !== "number") {
    throw new PricingLayoutError(`${component} island props: ${JSON.stringify(serialised)?.slice(0, 80)} is not an Astro [type, value] pair`);
  }
  const [type, value] = serialised;
  if (type === 0) return isPlainObject(value) ? decodeFields(value, component) : value;
  if (type === 1 && Array.isArray(value)) return value.map((item) => decodeValue(item, component));
  throw new PricingLayoutError(`${component} island props: unexpected Astro value type ${type}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Maps one (source, raw name) to a canonical model id, or leaves it unmatched with a
 * reason. Order: a reviewed override for this source, one for any source, then the
 * normaliser. Pure: the caller persists the answer as an alias.
 */
import { normaliseModelName, type NormaliseOptions } from "./normalise.ts";
import type { Override } from "./overrides.ts";

export type MatchMethod = "exact" | "normalised" | "override" | "unmatched";

export interface Resolution {
  modelId: string | null;
  method: MatchMethod;
  note: string;
  /** Set when matched: the parts of modelId, to create the model if it is new. */
  creator?: string;
  name?: string;
}

export function resolveModelName(
  source: string,
  raw: string,
  overrides: readonly Override[],
  options: NormaliseOptions = {},
): Resolution {
  const override =
    overrides.find((entry) => entry.source === source && entry.raw === raw) ??
    overrides.find((entry) => entry.source === undefined && entry.raw === raw);
  if (override) {
    if (override.model === null) return { modelId: null, method: "unmatched", note: `override: ${override.note}` };
    const [creator, ...rest] = override.model.split("/");
    return { modelId: override.model, method: "override", note: override.note, creator: creator!, name: rest.join("/") };
  }
  const result = normaliseModelName(raw, options);
  if (!result.ok) return { modelId: null, method: "unmatched", note: result.reason };
  const { creator, name, steps } = result.value;
  const exact = steps.length === 0 && name === raw;
  return {
    modelId: `${creator}/${name}`,
    method: exact ? "exact" : "normalised",
    note: steps.length > 0 ? steps.join("; ") : exact ? "as written" : "lower case",
    creator,
    name,
  };
}

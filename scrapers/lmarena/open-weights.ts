/**
 * Whether a model's weights are public, read off the licence column LMArena publishes
 * (fboulnois CSVs, jasontrigg0 series, scatterplot-data, the top-N JSON).
 */

const PROPRIETARY = new Set(["proprietary", "propretary"]);

// "Qwen" labels both the open Qwen2.5-72B-Instruct and the API-only Qwen-Max-0919, so it says
// nothing about the weights; "Other" and blanks say nothing either.
const UNINFORMATIVE = new Set(["", "other", "unknown", "n/a", "qwen"]);

/** false for Proprietary (and the source's "Propretary" typo), true for a named open licence, else null. */
export function openWeightsFromLicense(license: string | null | undefined): boolean | null {
  const normalised = (license ?? "").trim().toLowerCase();
  if (PROPRIETARY.has(normalised)) return false;
  if (UNINFORMATIVE.has(normalised)) return null;
  return true;
}

/**
 * Which LiteLLM entries are token prices of a text model, and in words why the others are not.
 */
import { isTokenPriceField } from "./priceFields.ts";

/** Top-level keys that document the file rather than price a model (`last_updated` is added by the RoCry mirror). */
const DOCUMENTATION_KEYS = new Set(["sample_spec", "fallback_generalizations", "last_updated"]);
const TEXT_MODES = new Set(["chat", "completion", "responses"]);
/**
 * `together-ai-up-to-4b`, `fireworks-ai-56b-to-176b`, `fireworks-ai-default`: LiteLLM's fallback
 * prices by parameter count, applied to models it does not list. They carry no mode; a
 * listed model without a mode (`together_ai/mistralai/Mixtral-8x7B-Instruct-v0.1` in 2024)
 * is priced like chat, which is LiteLLM's default mode.
 */
const SIZE_BUCKET_KEY = /^(together-ai|fireworks-ai)-/;
/** `bedrock/ap-northeast-1/1-month-commitment/...`: provisioned throughput billed per second of a commitment. */
const COMMITMENT_KEY = /\/\d+-month-commitment\//;

export function isDocumentationKey(key: string): boolean {
  return DOCUMENTATION_KEYS.has(key);
}

/** Why the entry is not a text model's token price, or null when it may be one. */
export function nonTextEntryReason(key: string, mode: string | undefined): string | null {
  if (mode !== undefined && !TEXT_MODES.has(mode)) return `mode "${mode}" is not a text-token price`;
  if (mode === undefined && SIZE_BUCKET_KEY.test(key)) return "size-bucket fallback price for unlisted models, not a model";
  if (COMMITMENT_KEY.test(key)) return "provisioned-throughput commitment priced per second, not per token";
  return null;
}

/** Cost fields in a unit other than text tokens (per second, character, image, query...), optionally for one side. */
export function otherUnitCostFields(entry: Readonly<Record<string, unknown>>, side?: "input" | "output"): string[] {
  return Object.keys(entry).filter(
    (field) => field.includes("cost") && !isTokenPriceField(field) && (side === undefined || field.startsWith(`${side}_`)),
  );
}

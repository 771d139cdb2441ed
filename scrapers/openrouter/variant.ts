/**
 * OpenRouter writes an offering of a model as a suffix on its id: `author/slug:free`,
 * `:thinking`, `:exacto`, `:extended`, `:batch`. The id stays the model name (the
 * resolver strips what it knows); the suffix becomes the offering's variant.
 *
 * `:thinking` is kept as its own variant rather than folded into "standard": OpenRouter
 * prices it as a separate entry (qwen/qwen-plus-2025-07-28:thinking costs more than the
 * base on 2026-08-08), and because the name keeps the suffix, the resolver can still map
 * it to a thinking-setting model where scores differ.
 */

/** Suffixes that name an offering of the base model rather than another model. */
export const OPENROUTER_SUFFIX_VARIANTS: ReadonlySet<string> = new Set(["free", "thinking", "exacto", "extended", "batch"]);

/** The lower-case word after the last ":" of an id, or null when there is none. */
export function idSuffix(modelId: string): string | null {
  const match = /:([a-z][a-z0-9-]*)$/.exec(modelId);
  return match?.[1] ?? null;
}

/** OpenRouter's own ids: any suffix is a source-specific variant, so a new one is not lost. */
export function variantFromOpenRouterId(modelId: string): string {
  return idSuffix(modelId) ?? "standard";
}

/** The id without its variant suffix: `anthropic/claude-opus-5:batch` -> `anthropic/claude-opus-5`. */
export function baseModelId(modelId: string): string {
  const suffix = idSuffix(modelId);
  return suffix === null ? modelId : modelId.slice(0, -(suffix.length + 1));
}

/**
 * A LiteLLM key can name an offering of a model rather than the model: OpenRouter's
 * `:free` and `:extended` endpoints ("openrouter/meta-llama/llama-3-8b-instruct:free"), and
 * Groq's speculative-decoding deployment ("groq/llama-3.3-70b-specdec"), which Groq priced
 * apart from the versatile one. Read as "standard", such a key lands on the same offering
 * as the paid, plain row beside it (a 0/0 beside OpenRouter's paid price, or specdec's
 * output price as the Llama 3.3 70B price). The key's variant replaces "standard"; the
 * resolver still maps the name to the base model.
 */

const SUFFIX_VARIANTS: ReadonlyArray<{ pattern: RegExp; variant: string }> = [
  { pattern: /:free$/i, variant: "free" },
  { pattern: /:extended$/i, variant: "extended" },
  { pattern: /-specdec$/i, variant: "specdec" },
];

/** The offering variant a key names, or null when the key names the plain model. */
export function keyVariant(key: string): string | null {
  return SUFFIX_VARIANTS.find(({ pattern }) => pattern.test(key))?.variant ?? null;
}

/** The variant of one price group of a key: a key's own variant stands in for "standard". */
export function observationVariant(key: string, fieldVariant: string): string {
  const own = keyVariant(key);
  if (own === null) return fieldVariant;
  return fieldVariant === "standard" ? own : `${own}-${fieldVariant}`;
}

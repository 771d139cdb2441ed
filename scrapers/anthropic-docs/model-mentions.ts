/**
 * Tables without a Model column (long-context and fast-mode prices) name their models in
 * the prose above them ("When using Claude Sonnet 4 or Sonnet 4.5 ..."), and the newer
 * fast-mode table lists several in one cell ("Claude Opus 5 / Claude Opus 4.8"). This finds
 * which of the model table's names a text mentions, with or without the "Claude" prefix.
 */
export function modelsMentioned(text: string, modelNames: readonly string[]): string[] {
  return modelNames.filter((name) => mentionPattern(name).test(text));
}

function mentionPattern(modelName: string): RegExp {
  const withoutBrand = modelName.replace(/^Claude\s+/, "");
  const escaped = withoutBrand.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  // "Opus 4" must not match inside "Opus 4.6", nor "Sonnet 4.5" inside "Sonnet 4.50".
  return new RegExp(`(?<![\\w.])(?:Claude\\s+)?${escaped}(?!\\.?\\d)`);
}

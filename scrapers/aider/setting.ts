/**
 * The run setting of an Aider row. Aider's `model` is hand-written and often ends in a
 * run annotation: a reasoning effort "(high)", a thinking budget "(32k thinking)",
 * "(no think)", or an edit format "(whole)". Only those annotations count as settings;
 * other parentheses are part of the model's identity ("(0528)", "(2025-02-15)",
 * "(Reasoner)", "(bf16)") and stay only in the raw name.
 *
 * The edit format is always part of the setting: the same model scores differently per
 * format (Qwen2.5-Coder-32B-Instruct is 16.4 with whole and 8.0 with diff), and the
 * source states it on every row.
 */
const REASONING_EFFORT = /^(minimal|low|medium|high|xhigh|default)$/;
const THINKING_BUDGET = /^(\d+k|no|default) think(ing)?( tokens)?$/;
const EDIT_FORMAT = /^(whole|diff|diff-fenced|udiff)$/;

function annotationInName(model: string): string | null {
  const annotation = /\(([^()]+)\)\s*$/.exec(model)?.[1]?.trim();
  if (annotation === undefined) return null;
  const isSetting = [REASONING_EFFORT, THINKING_BUDGET, EDIT_FORMAT].some((pattern) => pattern.test(annotation));
  return isSetting ? annotation : null;
}

/** "o3 (high)" + diff -> "high, diff"; "gemini-exp-1206 (whole)" + whole -> "whole"; "DeepSeek R1 (0528)" + diff -> "diff". */
export function aiderSetting(model: string, editFormat: string): string {
  const annotation = annotationInName(model);
  return annotation === null || annotation === editFormat ? editFormat : `${annotation}, ${editFormat}`;
}

/**
 * AA lists each reasoning mode and effort as its own model and names the setting in a
 * final parenthesis: "(Reasoning)", "(Non-reasoning)", "(high)", "(max)",
 * "(Adaptive Reasoning, Max Effort)", "(Non-reasoning, High Effort)". The parenthesis is
 * read as the setting only when every comma-separated part is such a word; dates, "(Preview)",
 * "(ChatGPT)" or "(Adaptive Reasoning, Max Effort, Opus 4.8 Fallback)" are not settings.
 */
const SETTING_PART = /^(?:(?:adaptive )?reasoning|non-reasoning|(?:minimal|low|medium|high|xhigh|max)(?: effort)?)$/i;
const FINAL_PARENTHESIS = /\(([^()]*)\)\s*$/;

export function settingFromAaName(name: string): string | null {
  const inside = FINAL_PARENTHESIS.exec(name)?.[1]?.trim();
  if (!inside) return null;
  return inside.split(",").every((part) => SETTING_PART.test(part.trim())) ? inside : null;
}

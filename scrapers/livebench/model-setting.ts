/**
 * LiveBench appends the run setting to the model key: `-thinking-64k-high-effort`,
 * `-thinking-auto-medium-effort`, `-xhigh-effort`, `-high`, `-nothinking`, `-highthinking`,
 * `-base` (Claude without thinking), `-non-reasoning`. Only such unambiguous suffixes are
 * read as a setting. A bare `-max` is left alone: it is an effort in `gpt-5.6-sol-max`
 * but part of the model's name in `gpt-5.1-codex-max` and `qwen3.7-max`.
 */
const EFFORT = "(?:minimal|low|medium|high|xhigh|max)-effort|minimal|low|medium|high|xhigh";
const THINKING = "thinking(?:-(?:\\d+k|auto))?";
const SETTING_SUFFIX = new RegExp(
  `-((?:${THINKING}-)?(?:${EFFORT})|${THINKING}|nothinking|highthinking|non-reasoning|reasoning|base)$`,
);

export function settingFromModelKey(model: string): string | null {
  return SETTING_SUFFIX.exec(model)?.[1] ?? null;
}

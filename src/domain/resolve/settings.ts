/**
 * Benchmark sources write the run setting into the model name: "o3 (high)",
 * "claude-opus-4-20250514-thinking-16k", "gpt-oss-120b_high", "Claude 4 Opus (Reasoning)",
 * "GPT-4o-2024-11-20 (FC)". Scores ride on the priced base model with the setting beside
 * them, so splitSetting() removes such decorations from the end of the name and returns
 * them as the setting. The resolver then sees only the base name.
 *
 * Conservative, like the normaliser: a decoration is removed only where it cannot name a
 * different model. The rules, in the order they are tried (repeatedly, from the end):
 * 1. A final parenthesis whose every part (split on "," and "+") is a setting word: an
 *    effort ("high", "medium reasoning", "Max Effort", "default"), a reasoning mode
 *    ("Reasoning", "Non-reasoning", "no think", "32k thinking", "thinking-16k"), a BFCL
 *    calling mode ("FC", "Prompt"), an Aider edit format ("whole", "diff") or a
 *    temperature ("T=1"). Dates, "(Preview)", "(Reasoner)", "(Chat)", "(bf16)" stay.
 * 2. A suffix after "-" or "_": an effort ("-high", "_medium", "-xhigh-effort",
 *    "-thinking-64k-high-effort"), a thinking budget ("-thinking-16k", "_32K"), "-nothinking",
 *    "-no-thinking", "-highthinking", or METR's harness "_inspect".
 *    "-medium" stays after a family that names sizes with it (mistral-medium, phi-3-medium).
 * 3. "-base" right after an 8-digit date (LiveBench's Claude without thinking): a
 *    pretrained base checkpoint never carries a vendor API date.
 * 4. A bare "-thinking" only where the family is one model with a thinking switch
 *    (Claude, Gemini 2.5+, DeepSeek V3.1+, GLM-4.5+, Kimi K2.5+, the hybrid Qwen3 / 3.5
 *    checkpoints). Elsewhere it names a separately released model and stays:
 *    kimi-k2-thinking, qwen3-next-80b-a3b-thinking, qwen3-vl-…-thinking,
 *    qwen3-235b-a22b-thinking-2507 (there "-thinking" is not even final).
 * 5. A bare "-max" only for the reviewed names in EFFORT_MAX_NAMES and on a Claude. Elsewhere
 *    it is part of the model: gpt-5.1-codex-max, qwen3-max, qwen3.7-max. After "_" (Epoch AI)
 *    "max", "none" and "unknown" are efforts.
 * Words that name xAI's separately listed API models stay: grok-4-fast-reasoning,
 * grok-4-1-fast-non-reasoning.
 */

export interface SettingSplit {
  /** The name without its setting decorations, to resolve to the priced model. */
  base: string;
  /** The decorations as written, innermost last, joined by ", "; null when there were none. */
  setting: string | null;
}

const EFFORT = "minimal|low|medium|high|xhigh";

const PARENTHESIS_PART = new RegExp(
  "^(?:" +
    [
      `(?:${EFFORT}|max|none|default)(?: (?:effort|reasoning|think(?:ing)?))?`,
      "(?:adaptive )?reasoning",
      "non-reasoning",
      "(?:no|\\d+k) think(?:ing)?(?: tokens)?",
      `think(?:ing)?(?:-(?:\\d+k|${EFFORT}))?`,
      "fc(?: thinking)?",
      "prompt",
      "whole|diff|diff-fenced|udiff",
      "t=\\d+(?:\\.\\d+)?",
    ].join("|") +
    ")$",
  "i",
);

const FINAL_PARENTHESIS = /\s*\(([^()]+)\)\s*$/;

const THINKING_BUDGET = "thinking-(?:\\d+k|auto|none)";
const SUFFIX = new RegExp(
  `[-_]((?:${THINKING_BUDGET}-|thinking-)?(?:(?:${EFFORT}|max)-effort|${EFFORT})|thinking-\\d+k-max|${THINKING_BUDGET}|no-?think(?:ing)?|highthinking|inspect)$`,
  "i",
);
/**
 * Epoch AI writes the effort after an underscore, "max", "none" and "unknown" too:
 * "claude-opus-4-6_max", "gpt-5.1-2025-11-13_none", "o3-2025-04-16_unknown" (a run whose effort it
 * did not record). After "-" these words stay: gpt-5.1-codex-max and qwen3-max are models.
 */
const UNDERSCORE_EFFORT = /_(max|none|unknown)$/i;
/** Epoch's thinking budgets: "claude-opus-4-20250514_27K". A hyphen ("-128k") is a context size and stays. */
const UNDERSCORE_BUDGET = /_(\d+k)$/i;
const DATED_BASE = /(?<=\d{8})-(base)$/i;
const BARE_THINKING = /[-_](think(?:ing)?)$/i;
/**
 * OpenRouter-style mode suffixes: ":thinking" (a variant of the same model, any family) and
 * a budget or effort after it ("claude-opus-4.6:thinking:low", "claude-opus-4-thinking:1024").
 */
const COLON_THINKING = /:(thinking(?::[a-z0-9]+)?)$/i;
const THINKING_COLON_BUDGET = /[-_](thinking:[a-z0-9]+)$/i;
const BARE_MAX = /-(max)$/i;
/** No Claude is named "-max": ARC Prize's "claude-4-7-max" is the max effort. */
const CLAUDE = /^(?:[\w.-]+\/)?claude[-_ ]/i;

/** Families whose name continues with "medium" as a size, not an effort. */
const MEDIUM_IS_A_SIZE = /(?:^|[-_/ ])(?:mistral|magistral|devstral|codestral|ministral|phi-?\d+(?:\.\d+)?)$/i;

/** One model with a thinking switch: a bare "-thinking" after these is a mode, not a model. */
const HYBRID_THINKING = [
  /^(?:[\w.-]+\/)?claude[-_ ]/i,
  /^(?:[\w.-]+\/)?gemini[-_ ](?:2\.5|[3-9])/i,
  /^(?:[\w.-]+\/)?deepseek[-_ ]v(?:3\.[1-9]|[4-9])/i,
  /^(?:[\w.-]+\/)?glm[-_ ]?(?:4\.[5-9]|[5-9])/i,
  /^(?:[\w.-]+\/)?kimi[-_ ]?k(?:2\.[5-9]|[3-9])/i,
  /^(?:[\w.-]+\/)?qwen3(?:\.\d+)?[-_ ]\d+(?:\.\d+)?b(?:[-_ ]a\d+(?:\.\d+)?b)?$/i,
  // Grok 4.1 and GPT-5.x are one model each with a reasoning switch (LMArena's grok-4.1-thinking,
  // models.dev's gpt-5-thinking); xAI's separately priced grok-4-1-fast-reasoning keeps its own id.
  /^(?:[\w.-]+\/)?grok[-_ ]4[.-][1-9]$/i,
  /^(?:[\w.-]+\/)?gpt[-_ ]5(?:[.-]\d)?$/i,
];

/**
 * Names where a bare "-max" is an effort, reviewed one by one. LiveBench 2026_06_25 lists
 * gpt-5.6-sol-max / -terra-max / -luna-max; OpenAI prices gpt-5.6-sol, -terra and -luna,
 * and Artificial Analysis lists the same runs as "GPT-5.6 Sol (max)" etc.
 */
const EFFORT_MAX_NAMES = new Set(["gpt-5.6-sol-max", "gpt-5.6-terra-max", "gpt-5.6-luna-max"]);

/** Removes one setting decoration from the end of the name, or returns null. */
function stripOne(name: string): { base: string; setting: string } | null {
  const parenthesis = FINAL_PARENTHESIS.exec(name);
  if (parenthesis) {
    const inside = parenthesis[1]!.trim();
    const parts = inside.split(/\s*[,+]\s*/);
    if (parts.every((part) => PARENTHESIS_PART.test(part))) return { base: name.slice(0, parenthesis.index), setting: inside };
    return null;
  }
  const colon = COLON_THINKING.exec(name);
  if (colon) return { base: name.slice(0, colon.index), setting: colon[1]! };
  const budget = THINKING_COLON_BUDGET.exec(name);
  if (budget && HYBRID_THINKING.some((family) => family.test(name.slice(0, budget.index)))) {
    return { base: name.slice(0, budget.index), setting: budget[1]! };
  }
  const suffix = SUFFIX.exec(name) ?? UNDERSCORE_BUDGET.exec(name) ?? UNDERSCORE_EFFORT.exec(name) ?? DATED_BASE.exec(name);
  if (suffix) {
    const base = name.slice(0, suffix.index);
    if (suffix[1]!.toLowerCase() === "medium" && MEDIUM_IS_A_SIZE.test(base)) return null;
    return { base, setting: suffix[1]! };
  }
  const thinking = BARE_THINKING.exec(name);
  if (thinking) {
    const base = name.slice(0, thinking.index);
    return HYBRID_THINKING.some((family) => family.test(base)) ? { base, setting: thinking[1]! } : null;
  }
  const max = BARE_MAX.exec(name);
  if (max && (EFFORT_MAX_NAMES.has(name.toLowerCase()) || CLAUDE.test(name))) return { base: name.slice(0, max.index), setting: max[1]! };
  return null;
}

export function splitSetting(raw: string): SettingSplit {
  let base = raw.trim();
  const settings: string[] = [];
  for (let stripped = stripOne(base); stripped && stripped.base.trim() !== ""; stripped = stripOne(base)) {
    base = stripped.base.trim();
    settings.unshift(stripped.setting);
  }
  return { base, setting: settings.length > 0 ? settings.join(", ") : null };
}

const words = (part: string) => new Set(part.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean));

/** Every word of `part` is a word of `other`: "high" is in "thinking-high", not in "xhigh". */
function isWithin(part: string, other: string): boolean {
  const inOther = words(other);
  return [...words(part)].every((word) => inOther.has(word));
}

/**
 * The setting of a score: the decorations split off the name, then what the parser stated
 * (Aider's edit format, LiveBench's suffix, SWE-bench's system). What both sides say is
 * said once, in the longer spelling: "o3 (high)" with the stated "high, diff" is
 * "high, diff", "…-thinking-high" with the stated "high" is "thinking-high". The stated
 * setting is never rewritten otherwise. "" when there is none.
 */
export function combineSettings(extracted: string | null, stated: string | null): string {
  if (!extracted) return stated ?? "";
  if (!stated) return extracted;
  const fromName = extracted.split(/\s*,\s*/);
  const fromSource = stated.split(/\s*,\s*/);
  const keptFromName = fromName.filter((part) => !fromSource.some((other) => isWithin(part, other)));
  const keptFromSource = fromSource.filter((part) => !fromName.some((other) => isWithin(part, other) && !isWithin(other, part)));
  return [...keptFromName, ...keptFromSource].join(", ");
}

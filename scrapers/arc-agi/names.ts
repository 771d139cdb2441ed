/**
 * ARC Prize model ids are hand-written per run and follow no vendor's spelling. Three
 * quirks would make a right name resolve to a wrong model, so they are rewritten here
 * (the raw id stays the display-name hint):
 * - ids that are only a short display name ("Claude 3.7", "R1") name the one model ARC
 *   ran under it (reviewed: Claude 3.7 Sonnet of 2025-02-19, DeepSeek R1 of January 2025);
 * - "anthropic-opus-4-8-high" puts the vendor where Anthropic's ids have the family
 *   ("claude-opus-4-8-high");
 * - a host ARC called the model through ("-together", "-openrouter", "-bedrock") is not
 *   part of the model: the same weights, so it is dropped from the name.
 */
const SHORT_IDS: Readonly<Record<string, string>> = {
  "Claude 3.7": "claude-3-7-sonnet-20250219",
  "Claude 3.7 Thinking 1K": "claude-3-7-sonnet-20250219-thinking-1k",
  "Claude 3.7 Thinking 8K": "claude-3-7-sonnet-20250219-thinking-8k",
  "Claude 3.7 Thinking 16K": "claude-3-7-sonnet-20250219-thinking-16k",
  R1: "deepseek-r1",
};

const HOST_SEGMENT = /-(?:together|openrouter|bedrock)(?=-|$)/;

export function arcModelName(id: string): string {
  const short = SHORT_IDS[id];
  if (short !== undefined) return short;
  return id.replace(/^anthropic-(opus|sonnet|haiku)-/, "claude-$1-").replace(HOST_SEGMENT, "");
}

import { describe, expect, it } from "vitest";
import { normaliseModelName } from "./normalise.ts";
import { combineSettings, splitSetting } from "./settings.ts";

const split = (raw: string) => {
  const { base, setting } = splitSetting(raw);
  return [base, setting];
};

function canonical(raw: string): string | null {
  const result = normaliseModelName(splitSetting(raw).base);
  return result.ok ? `${result.value.creator}/${result.value.name}` : null;
}

describe("splitSetting: every name in benchmarks/NAMING.md", () => {
  it.each([
    // Claude 3.5 Sonnet, Oct 2024
    ["claude-3-5-sonnet-20241022", "claude-3-5-sonnet-20241022", null],
    ["Claude 3.5 Sonnet (20241022)", "Claude 3.5 Sonnet (20241022)", null],
    ["Claude 3.5 Sonnet", "Claude 3.5 Sonnet", null],
    ["Claude 3.5 Sonnet (Oct '24)", "Claude 3.5 Sonnet (Oct '24)", null],
    ["claude-35-sonnet", "claude-35-sonnet", null],
    ["AutoCodeRover-v2.0 (Claude-3.5-Sonnet-20241022)", "AutoCodeRover-v2.0 (Claude-3.5-Sonnet-20241022)", null],
    ["Model: claude-3.5-sonnet-20241022", "Model: claude-3.5-sonnet-20241022", null],
    ["Claude 3.5 Sonnet (Oct 2024)", "Claude 3.5 Sonnet (Oct 2024)", null],
    ["claude_3_5_sonnet_20241022_inspect", "claude_3_5_sonnet_20241022", "inspect"],
    // Claude Opus 4
    ["claude-opus-4-20250514 (32k thinking)", "claude-opus-4-20250514", "32k thinking"],
    ["claude-opus-4-20250514 (no think)", "claude-opus-4-20250514", "no think"],
    ["Claude Opus 4 (20250514)", "Claude Opus 4 (20250514)", null],
    ["Claude Opus 4 (thinking-16k)", "Claude Opus 4", "thinking-16k"],
    ["claude-opus-4-20250514-thinking-16k", "claude-opus-4-20250514", "thinking-16k"],
    ["Claude 4 Opus (Reasoning)", "Claude 4 Opus", "Reasoning"],
    ["claude-4-opus-thinking", "claude-4-opus", "thinking"],
    ["Claude 4 Opus (Non-reasoning)", "Claude 4 Opus", "Non-reasoning"],
    ["claude-4-opus", "claude-4-opus", null],
    ["Model: claude-4-opus-20250514", "Model: claude-4-opus-20250514", null],
    ["Model: claude-4-opus-20250522", "Model: claude-4-opus-20250522", null],
    ["claude-opus-4-20250514_27K", "claude-opus-4-20250514", "27K"],
    ["claude-opus-4-20250514_1K", "claude-opus-4-20250514", "1K"],
    ["claude-opus-4-20250514_32K", "claude-opus-4-20250514", "32K"],
    ["claude_4_opus_inspect", "claude_4_opus", "inspect"],
    ["Claude Opus 4", "Claude Opus 4", null],
    // Claude Opus 4.1
    ["claude-opus-4-1-20250805", "claude-opus-4-1-20250805", null],
    ["Claude 4.1 Opus (Reasoning)", "Claude 4.1 Opus", "Reasoning"],
    ["claude-4-1-opus-20250805-base", "claude-4-1-opus-20250805", "base"],
    ["claude-4-1-opus-20250805-thinking-32k", "claude-4-1-opus-20250805", "thinking-32k"],
    ["claude_4_1_opus_inspect", "claude_4_1_opus", "inspect"],
    ["Claude Opus 4.1", "Claude Opus 4.1", null],
    // Claude Sonnet 4.5
    ["claude-sonnet-4-5-20250929-thinking-32k", "claude-sonnet-4-5-20250929", "thinking-32k"],
    ["Claude 4.5 Sonnet (Reasoning)", "Claude 4.5 Sonnet", "Reasoning"],
    ["Claude 4.5 Sonnet (20250929)", "Claude 4.5 Sonnet (20250929)", null],
    ["claude-sonnet-4-5-20250929-thinking-64k", "claude-sonnet-4-5-20250929", "thinking-64k"],
    ["Claude-Sonnet-4-5-20250929 (FC)", "Claude-Sonnet-4-5-20250929", "FC"],
    ["claude-sonnet-4-5-20250929_32K", "claude-sonnet-4-5-20250929", "32K"],
    ["Claude-Sonnet-4.5", "Claude-Sonnet-4.5", null],
    ["Claude Sonnet 4.5", "Claude Sonnet 4.5", null],
    // DeepSeek R1 0528
    ["DeepSeek R1 (0528)", "DeepSeek R1 (0528)", null],
    ["DeepSeek-R1-0528", "DeepSeek-R1-0528", null],
    ["deepseek-r1-0528", "deepseek-r1-0528", null],
    ["DeepSeek R1 0528 (May '25)", "DeepSeek R1 0528 (May '25)", null],
    ["deepseek-r1", "deepseek-r1", null],
    ["deepseek-r1-0120", "deepseek-r1-0120", null],
    ["DeepSeek-R1-0528 (FC)", "DeepSeek-R1-0528", "FC"],
    // GPT-4o 2024-11-20
    ["gpt-4o-2024-11-20", "gpt-4o-2024-11-20", null],
    ["GPT-4o (Nov '24)", "GPT-4o (Nov '24)", null],
    ["gpt-4o", "gpt-4o", null],
    ["GPT-4o-2024-11-20 (FC)", "GPT-4o-2024-11-20", "FC"],
    ["GPT-4o-2024-11-20 (Prompt)", "GPT-4o-2024-11-20", "Prompt"],
    ["GPT-4o (Nov 2024)", "GPT-4o (Nov 2024)", null],
    // Gemini 2.5 Pro preview 05-06
    ["Gemini 2.5 Pro Preview 05-06", "Gemini 2.5 Pro Preview 05-06", null],
    ["Gemini-2.5-Pro-Preview-05-06", "Gemini-2.5-Pro-Preview-05-06", null],
    ["Gemini 2.5 Pro Preview (May' 25)", "Gemini 2.5 Pro Preview (May' 25)", null],
    ["gemini-2-5-pro-05-06", "gemini-2-5-pro-05-06", null],
    ["Gemini 2.5 Pro (2025-05-06)", "Gemini 2.5 Pro (2025-05-06)", null],
    ["Model: gemini-2.5-pro-preview-05-06", "Model: gemini-2.5-pro-preview-05-06", null],
    // o3
    ["o3", "o3", null],
    ["o3 (high)", "o3", "high"],
    ["o3 (high) + gpt-4.1", "o3 (high) + gpt-4.1", null],
    ["o3-2025-04-16", "o3-2025-04-16", null],
    ["Model: o3-20250416", "Model: o3-20250416", null],
    ["o3-2025-04-16 (FC)", "o3-2025-04-16", "FC"],
    ["o3-2025-04-16_medium", "o3-2025-04-16", "medium"],
    ["o3-2025-04-16_high", "o3-2025-04-16", "high"],
    ["o3-2025-04-16_low", "o3-2025-04-16", "low"],
    // Amazon Nova Pro, Llama 4 Maverick, gpt-oss-120b
    ["Nova Pro", "Nova Pro", null],
    ["amazon-nova-pro-v1.0", "amazon-nova-pro-v1.0", null],
    ["amazon.nova-pro-v1:0", "amazon.nova-pro-v1:0", null],
    ["Llama 4 Maverick", "Llama 4 Maverick", null],
    ["llama-4-maverick-17b-128e-instruct", "llama-4-maverick-17b-128e-instruct", null],
    ["Llama-4-Maverick-17B-128E-Instruct-FP8 (FC)", "Llama-4-Maverick-17B-128E-Instruct-FP8", "FC"],
    ["gpt-oss-120b (high)", "gpt-oss-120b", "high"],
    ["gpt-oss-120b", "gpt-oss-120b", null],
    ["openai/gpt-oss-120b_high", "openai/gpt-oss-120b", "high"],
    // The setting patterns of NAMING.md §4
    ["gpt-5-high", "gpt-5", "high"],
    ["GPT-5.1 (2025-11-13) (medium reasoning)", "GPT-5.1 (2025-11-13)", "medium reasoning"],
    ["gemini-exp-1206 (whole)", "gemini-exp-1206", "whole"],
    ["gpt-4-turbo-2024-04-09 (diff)", "gpt-4-turbo-2024-04-09", "diff"],
    // Floating aliases and prefixes (§5, §6) are left to the resolver.
    ["chatgpt-4o-latest", "chatgpt-4o-latest", null],
    ["deepseek-v4-flash-0420", "deepseek-v4-flash-0420", null],
    ["fireworks/kimi-k2p5", "fireworks/kimi-k2p5", null],
    ["Qwen/Qwen3-235B-A22B-Thinking-2507", "Qwen/Qwen3-235B-A22B-Thinking-2507", null],
  ])("%s -> %s | %s", (raw, base, setting) => {
    expect(split(raw)).toEqual([base, setting]);
  });
});

describe("splitSetting: settings in the recorded payloads", () => {
  it.each([
    ["claude-3-7-sonnet-20250219 (32k thinking tokens)", "claude-3-7-sonnet-20250219", "32k thinking tokens"],
    ["gemini-2.5-pro-preview-06-05 (default think)", "gemini-2.5-pro-preview-06-05", "default think"],
    ["gemini-2.5-flash-preview-04-17 (default)", "gemini-2.5-flash-preview-04-17", "default"],
    ["Claude Opus 5 (Adaptive Reasoning, Max Effort)", "Claude Opus 5", "Adaptive Reasoning, Max Effort"],
    ["Claude Sonnet 5 (Non-reasoning, High Effort)", "Claude Sonnet 5", "Non-reasoning, High Effort"],
    ["GPT-5.6 Sol (max)", "GPT-5.6 Sol", "max"],
    ["GLM-4.6 (FC thinking)", "GLM-4.6", "FC thinking"],
    // Epoch AI's efforts after "_", ARC Prize's "-thinking-none", "-thinking-120K-max" and a Claude's "-max"
    // (a replay fill stored claude-opus-4.6-max, gpt-5.1-20251113-none and 19 "-unknown" ids as models).
    ["claude-opus-4-6_max", "claude-opus-4-6", "max"],
    ["claude_sonnet_4_6_max", "claude_sonnet_4_6", "max"],
    ["gpt-5.1-2025-11-13_none", "gpt-5.1-2025-11-13", "none"],
    ["o3-2025-04-16_unknown", "o3-2025-04-16", "unknown"],
    ["claude-opus-4-5-20251101-thinking-none", "claude-opus-4-5-20251101", "thinking-none"],
    ["claude-opus-4-6-thinking-120K-max", "claude-opus-4-6", "thinking-120K-max"],
    ["claude-4-7-max", "claude-4-7", "max"],
    ["DeepSeek-V3.2-Exp (Prompt + Thinking)", "DeepSeek-V3.2-Exp", "Prompt + Thinking"],
    ["gemini-3-flash (thinking-minimal)", "gemini-3-flash", "thinking-minimal"],
    ["claude-opus-4-5-20251101-thinking-64k-high-effort", "claude-opus-4-5-20251101", "thinking-64k-high-effort"],
    ["claude-sonnet-4-6-thinking-auto-medium-effort", "claude-sonnet-4-6", "thinking-auto-medium-effort"],
    ["claude-opus-4-8-max-effort", "claude-opus-4-8", "max-effort"],
    ["gpt-5.1-2025-11-13-nothinking", "gpt-5.1-2025-11-13", "nothinking"],
    ["gemini-2.5-pro-06-05-highthinking", "gemini-2.5-pro-06-05", "highthinking"],
    ["qwen3-235b-a22b-no-thinking", "qwen3-235b-a22b", "no-thinking"],
    ["gemini-3.1-flash-live-preview-thinking-high", "gemini-3.1-flash-live-preview", "thinking-high"],
    ["gpt-5.1-codex-max-high", "gpt-5.1-codex-max", "high"],
    ["gpt-5.6-sol-max", "gpt-5.6-sol", "max"],
    ["o3-mini-2025-01-31-medium", "o3-mini-2025-01-31", "medium"],
    ["grok-3-mini-high", "grok-3-mini", "high"],
    ["inkling-xhigh", "inkling", "xhigh"],
    ["claude-3-7-sonnet-thinking", "claude-3-7-sonnet", "thinking"],
    ["deepseek-v3.1-terminus-thinking", "deepseek-v3.1-terminus", "thinking"],
    ["deepseek-v3.2-exp-thinking", "deepseek-v3.2-exp", "thinking"],
    ["qwen3-235b-a22b-thinking", "qwen3-235b-a22b", "thinking"],
    ["qwen3-32b-thinking", "qwen3-32b", "thinking"],
    ["kimi-k2.5-thinking", "kimi-k2.5", "thinking"],
    ["gemini-2.5-flash-lite-preview-06-17-thinking", "gemini-2.5-flash-lite-preview-06-17", "thinking"],
    ["GLM-4.6 (T=1)", "GLM-4.6", "T=1"],
  ])("%s -> %s | %s", (raw, base, setting) => {
    expect(split(raw)).toEqual([base, setting]);
  });

  it.each([
    // A word that names a different (priced) model stays.
    "gpt-5.1-codex-max",
    "qwen3-max",
    "qwen3.7-max",
    "Qwen2.5-Max",
    "kimi-k2-thinking",
    "qwen3-next-80b-a3b-thinking",
    "qwen3-vl-235b-a22b-thinking",
    "qwen3-235b-a22b-thinking-2507",
    "gemini-2.0-flash-thinking-exp-01-21",
    "hunyuan-vision-1.5-thinking",
    "grok-4-fast-reasoning",
    "grok-4-1-fast-non-reasoning",
    "Motif-2-12.7B-Reasoning",
    "mistral-medium",
    "magistral-medium",
    "Mistral Medium",
    "phi-3-medium-4k-instruct",
    "mistral-medium-2505",
    "phi-3-mini-128k-instruct",
    "hunyuan-standard-256k",
    "qwen2.5-72b-instruct-turbo",
    "DeepSeek-V3.2-Exp (Reasoner)",
    "DeepSeek Chat V3 (prev)",
    "qwen-2.5-72b-instruct (bf16)",
    "GPT-4.5 (Preview)",
    "Llama 3.2 Instruct 90B (Vision)",
    "Claude Fable 5 (Adaptive Reasoning, Max Effort, Opus 4.8 Fallback)",
    "deepseek-v3-base",
    "(high)",
  ])("keeps %s whole", (raw) => {
    expect(splitSetting(raw)).toEqual({ base: raw, setting: null });
  });

  it("resolves a decorated name to the same canonical model as the plain, priced one", () => {
    expect(canonical("o3 (high)")).toBe(canonical("o3"));
    expect(canonical("claude-opus-4-20250514-thinking-16k")).toBe(canonical("claude-opus-4-20250514"));
    expect(canonical("Claude-Sonnet-4-5-20250929 (FC)")).toBe("anthropic/claude-sonnet-4.5-20250929");
    expect(canonical("claude-4-1-opus-20250805-base")).toBe(canonical("claude-opus-4-1-20250805"));
    expect(canonical("openai/gpt-oss-120b_high")).toBe(canonical("gpt-oss-120b"));
    expect(canonical("Claude 4 Opus (Reasoning)")).toBe(canonical("claude-opus-4"));
    expect(canonical("kimi-k2-thinking")).not.toBe(canonical("kimi-k2"));
  });
});

describe("combineSettings", () => {
  it.each([
    [null, null, ""],
    ["high", null, "high"],
    [null, "diff", "diff"],
    ["high", "high, diff", "high, diff"],
    ["thinking-high", "high", "thinking-high"],
    ["Reasoning", "Reasoning", "Reasoning"],
    ["Adaptive Reasoning, Max Effort", "Adaptive Reasoning, Max Effort", "Adaptive Reasoning, Max Effort"],
    ["xhigh", "high", "xhigh, high"],
    ["FC", "", "FC"],
    [null, "high, high effort", "high, high effort"],
    ["max", "max, retrieval: alltools", "max, retrieval: alltools"],
    ["thinking-16k", "Claude Opus 4 (20250514); Attempts - 1", "thinking-16k, Claude Opus 4 (20250514); Attempts - 1"],
  ])("%s + %s -> %s", (extracted, stated, combined) => {
    expect(combineSettings(extracted, stated)).toBe(combined);
  });
});

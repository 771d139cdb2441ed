import { describe, expect, it } from "vitest";
import { normaliseModelName } from "./normalise.ts";

function key(raw: string, orgIsAuthor = false): string | null {
  const result = normaliseModelName(raw, { orgIsAuthor });
  return result.ok ? `${result.value.creator}/${result.value.name}` : null;
}

describe("normaliseModelName", () => {
  it.each([
    ["gpt-4o", "openai/gpt-4o"],
    ["openai/gpt-4o", "openai/gpt-4o"],
    ["azure/gpt-4o-2024-08-06", "openai/gpt-4o-20240806"],
    ["gpt-4o-2024-08-06", "openai/gpt-4o-20240806"],
    ["openrouter/openai/gpt-4o-mini", "openai/gpt-4o-mini"],
    ["claude-3-5-sonnet-20240620", "anthropic/claude-3.5-sonnet-20240620"],
    ["anthropic/claude-3.5-sonnet-20240620", "anthropic/claude-3.5-sonnet-20240620"],
    ["bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic/claude-3.5-sonnet-20240620"],
    ["us.anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic/claude-3.5-sonnet-20240620"],
    ["bedrock/us-east-1/anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic/claude-3.5-sonnet-20240620"],
    ["vertex_ai/claude-3-5-sonnet@20240620", "anthropic/claude-3.5-sonnet-20240620"],
    ["claude-sonnet-4-5-20250929", "anthropic/claude-sonnet-4.5-20250929"],
    ["anthropic/claude-sonnet-4.5", "anthropic/claude-sonnet-4.5"],
    ["claude-4-opus", "anthropic/claude-opus-4"],
    ["Claude Opus 4.1", "anthropic/claude-opus-4.1"],
    ["fireworks_ai/accounts/fireworks/models/llama-v3p1-70b-instruct", "meta/llama-3.1-70b-instruct"],
    ["together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo", "meta/llama-3.1-70b-instruct-turbo"],
    ["meta.llama3-1-70b-instruct-v1:0", "meta/llama-3.1-70b-instruct"],
    ["groq/llama-3.3-70b-versatile", "meta/llama-3.3-70b-versatile"],
    ["deepseek/deepseek-chat", "deepseek/deepseek-chat"],
    ["deepseek-ai/DeepSeek-R1-0528", "deepseek/deepseek-r1-0528"],
    ["Qwen/Qwen2.5-72B-Instruct", "alibaba/qwen2.5-72b-instruct"],
    ["gemini/gemini-1.5-pro", "google/gemini-1.5-pro"],
    ["gemini-2.5-pro-preview-05-06", "google/gemini-2.5-pro-preview-05-06"],
    ["x-ai/grok-4", "xai/grok-4"],
    ["amazon.nova-pro-v1:0", "amazon/nova-pro"],
    ["moonshotai/kimi-k2:free", "moonshot/kimi-k2"],
    ["anthropic/claude-3.7-sonnet:thinking", "anthropic/claude-3.7-sonnet-thinking"],
    ["mistral/mistral-large-2407", "mistral/mistral-large-2407"],
    ["GPT-4o mini", "openai/gpt-4o-mini"],
    ["gpt-3.5-turbo-0613", "openai/gpt-3.5-turbo-0613"],
    ["o3-mini", "openai/o3-mini"],
    ["nvidia/llama-3.1-nemotron-70b-instruct", "nvidia/llama-3.1-nemotron-70b-instruct"],
  ])("%s -> %s", (raw, expected) => {
    expect(key(raw)).toBe(expected);
  });

  it("keeps different models apart", () => {
    expect(key("gpt-4o")).not.toBe(key("gpt-4o-mini"));
    expect(key("gpt-4o-2024-05-13")).not.toBe(key("gpt-4o-2024-08-06"));
    expect(key("meta-llama/llama-3.1-70b-instruct")).not.toBe(key("meta-llama/llama-3.3-70b-instruct"));
    expect(key("gpt-4-turbo")).not.toBe(key("gpt-4"));
  });

  it("takes an unknown author as creator only where the source names authors", () => {
    expect(key("inception/mercury-coder", true)).toBe("inception/mercury-coder");
    expect(key("someorg/wizard-7b", true)).toBe("someorg/wizard-7b");
    expect(key("somehost/wizard-7b")).toBeNull();
  });

  it("refuses names that are not a model, with a reason", () => {
    expect(normaliseModelName("ft:gpt-3.5-turbo")).toEqual({ ok: false, reason: "fine-tuned model (per-customer)" });
    expect(normaliseModelName("together-ai-up-to-4b")).toMatchObject({ ok: false });
    expect(normaliseModelName("bedrock/ap-northeast-1/1-month-commitment/anthropic.claude-v1")).toMatchObject({ ok: false });
    expect(normaliseModelName("mystery-model-9000")).toEqual({ ok: false, reason: "creator cannot be told from the name" });
  });
});

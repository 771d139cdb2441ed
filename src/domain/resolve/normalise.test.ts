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
    ["together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo", "meta/llama-3.1-70b-instruct"],
    ["cerebras/llama3.1-70b", "meta/llama-3.1-70b"],
    ["meta-llama/llama-3.1-405b", "meta/llama-3.1-405b"],
    ["groq/llama-3.1-70b-versatile", "meta/llama-3.1-70b-instruct"],
    ["meta.llama3-1-70b-instruct-v1:0", "meta/llama-3.1-70b-instruct"],
    ["groq/llama-3.3-70b-versatile", "meta/llama-3.3-70b-instruct"],
    ["meta-llama/llama-3.2-11b-vision-instruct", "meta/llama-3.2-11b-vision-instruct"],
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
    ["anthropic--claude-3.5-sonnet", "anthropic/claude-3.5-sonnet"],
    ["anthropic-claude-opus-4.7", "anthropic/claude-opus-4.7"],
    ["regional.anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic/claude-3.5-haiku-20241022"],
    ["in.openai.gpt-5.6-luna", "openai/gpt-5.6-luna"],
    ["phi35-mini-instruct", "microsoft/phi35-mini-instruct"],
    ["fireworks_ai/accounts/fireworks/models/code-llama-34b-instruct", "meta/code-llama-34b-instruct"],
  ])("%s -> %s", (raw, expected) => {
    expect(key(raw)).toBe(expected);
  });

  it("keeps different models apart", () => {
    expect(key("gpt-4o")).not.toBe(key("gpt-4o-mini"));
    expect(key("gpt-4o-2024-05-13")).not.toBe(key("gpt-4o-2024-08-06"));
    expect(key("meta-llama/llama-3.1-70b-instruct")).not.toBe(key("meta-llama/llama-3.3-70b-instruct"));
    expect(key("gpt-4-turbo")).not.toBe(key("gpt-4"));
  });

  it("takes a Hugging Face author as the creator once seller routes are stripped", () => {
    expect(key("inception/mercury-coder")).toBe("inception/mercury-coder");
    expect(key("deepinfra/Sao10K/L3.3-70B-Euryale-v2.3")).toBe("sao10k/l3.3-70b-euryale-v2.3");
    expect(key("TheDrummer/Anubis-70B-v1")).toBe("thedrummer/anubis-70b-v1");
  });

  it("reads an author that is also a seller's name only where the source names authors", () => {
    expect(key("morph/morph-v3-fast", true)).toBe("morph/morph-v3-fast");
    expect(key("morph/morph-v3-fast")).toBeNull();
  });

  it("falls back to the seller as creator where the seller is a lab", () => {
    const result = normaliseModelName("muse-spark-1.2", { fallbackCreator: "meta" });
    expect(result).toMatchObject({ ok: true, value: { creator: "meta", name: "muse-spark-1.2" } });
  });

  it("keeps the Bedrock vendor where the rest is no family of its own, and any AWS region", () => {
    expect(key("bedrock/ap-southeast-3/deepseek.v3.2")).toBe("deepseek/deepseek-v3.2");
    expect(key("deepseek.r1-v1:0")).toBe("deepseek/deepseek-r1");
  });

  it("refuses names that are not a model, with a reason", () => {
    expect(normaliseModelName("ft:gpt-3.5-turbo")).toEqual({ ok: false, reason: "fine-tuned model (per-customer)" });
    expect(normaliseModelName("together-ai-up-to-4b")).toMatchObject({ ok: false });
    expect(normaliseModelName("70b")).toEqual({ ok: false, reason: "size bucket price, not a model" });
    expect(normaliseModelName("bedrock/ap-northeast-1/1-month-commitment/anthropic.claude-v1")).toMatchObject({ ok: false });
    expect(normaliseModelName("mystery-model-9000")).toEqual({ ok: false, reason: "creator cannot be told from the name" });
  });
});

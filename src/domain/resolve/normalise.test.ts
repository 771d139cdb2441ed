import { describe, expect, it } from "vitest";
import { normaliseModelName } from "./normalise.ts";

function key(raw: string, orgIsAuthor = false): string | null {
  const result = normaliseModelName(raw, { orgIsAuthor });
  return result.ok ? `${result.value.creator}/${result.value.name}` : null;
}

describe("normaliseModelName", () => {
  it.each([
    ["gpt-4o", "openai/gpt-4o"],
    ["liquid/lfm-2.2-6b", "liquid/lfm2-2.6b"],
    ["LFM2-2.6B", "liquid/lfm2-2.6b"],
    ["sao10k/l31-70b-euryale-v2.2", "sao10k/l3.1-70b-euryale-v2.2"],
    ["togethercomputer/falcon-40b", "tiiuae/falcon-40b"],
    ["tiiuae/Falcon-Instruct-7B", "tiiuae/falcon-7b-instruct"],
    ["togethercomputer/alpaca-7b", "stanford/alpaca-7b"],
    ["Qwen Chat 14B", "alibaba/qwen-14b-chat"],
    ["Command A+", "cohere/command-a-plus"],
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
    ["mistral/mistral-large-2407", "mistral/mistral-large-2407"],
    ["GPT-4o mini", "openai/gpt-4o-mini"],
    ["gpt-3.5-turbo-0613", "openai/gpt-3.5-turbo-0613"],
    ["o3-mini", "openai/o3-mini"],
    ["nvidia/llama-3.1-nemotron-70b-instruct", "nvidia/llama-3.1-nemotron-70b-instruct"],
    ["anthropic--claude-3.5-sonnet", "anthropic/claude-3.5-sonnet"],
    ["anthropic-claude-opus-4.7", "anthropic/claude-opus-4.7"],
    ["regional.anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic/claude-3.5-haiku-20241022"],
    ["in.openai.gpt-5.6-luna", "openai/gpt-5.6-luna"],
    ["phi35-mini-instruct", "microsoft/phi-3.5-mini-instruct"],
    ["fireworks_ai/accounts/fireworks/models/code-llama-34b-instruct", "meta/codellama-34b-instruct"],
    // Identity v2 normal form: one spelling for versions, word order, dates and decorations.
    ["gpt-35-turbo", "openai/gpt-3.5-turbo"],
    ["azure/gpt-35-turbo-0613", "openai/gpt-3.5-turbo-0613"],
    ["claude-opus-45", "anthropic/claude-opus-4.5"],
    ["claude-opus4.5", "anthropic/claude-opus-4.5"],
    ["vertex_ai/claude-opus-4-6@default", "anthropic/claude-opus-4.6"],
    ["vertex_ai/mistral-large@2411-001", "mistral/mistral-large-2411"],
    ["glm5", "zai/glm-5"],
    ["claude-haiku-3", "anthropic/claude-3-haiku"],
    ["anthropic/claude-sonnet-3.7", "anthropic/claude-3.7-sonnet"],
    ["google/gemini-pro-1.5", "google/gemini-1.5-pro"],
    ["google/gemini-flash-1.5-8b", "google/gemini-1.5-flash-8b"],
    ["GPT-4o (May '24)", "openai/gpt-4o-202405"],
    ["Gemini 2.5 Pro Preview (May' 25)", "google/gemini-2.5-pro-preview-202505"],
    ["phi-3-mini-4k-instruct-june-2024", "microsoft/phi-3-mini-4k-instruct-202406"],
    ["ChatGPT-4o-latest (2024-11-20)", "openai/chatgpt-4o-latest-20241120"],
    ["grok-4-20-multi-agent", "xai/grok-4.20-multi-agent"],
    ["grok-41-fast", "xai/grok-4.1-fast"],
    ["minimax-m25", "minimax/minimax-m2.5"],
    ["qwen-2.5-72b-instruct", "alibaba/qwen2.5-72b-instruct"],
    ["qwen35-397b-a17b", "alibaba/qwen3.5-397b-a17b"],
    ["ollama/llama-2:13b", "meta/llama-2-13b"],
    ["mistral-7b-instruct-v0:2", "mistral/mistral-7b-instruct-v0.2"],
    ["codestral-25.01", "mistral/codestral-2501"],
    ["bedrock/anthropic.claude-v2:1", "anthropic/claude-2.1"],
    ["openrouter/deepseek/deepseek-chat-v3-0324", "deepseek/deepseek-v3-0324"],
    ["qwen/qwen3-235b-a22b-2507", "alibaba/qwen3-235b-a22b-instruct-2507"],
    ["Qwen3 235B A22B 2507 Instruct", "alibaba/qwen3-235b-a22b-instruct-2507"],
    ["together_ai/moonshotai/Kimi-K2-Instruct-0905", "moonshot/kimi-k2-0905"],
    ["gemini-2.5-pro-exp-03-25", "google/gemini-2.5-pro-preview-03-25"],
    ["amazon-nova-pro-v1.0", "amazon/nova-pro"],
    ["Command R+ (08-24)", "cohere/command-r-plus-202408"],
    // Hosts' quantisations and serving tiers of the same open weights.
    ["together_ai/Qwen/Qwen3-235B-A22B-Instruct-2507-tput", "alibaba/qwen3-235b-a22b-instruct-2507"],
    ["zai-org/GLM-4.6-FP8", "zai/glm-4.6"],
    ["deepseek-ai/DeepSeek-R1-0528-TEE", "deepseek/deepseek-r1-0528"],
    ["ollama/llama3.2:3b-instruct-fp16", "meta/llama-3.2-3b-instruct"],
    ["vertex_ai/meta/llama-4-maverick-17b-128e-instruct-maas", "meta/llama-4-maverick-17b-128e-instruct"],
    ["openai.gpt-oss-120b-1:0", "openai/gpt-oss-120b"],
    ["nvidia.nemotron-nano-9b-v2:0", "nvidia/nemotron-nano-9b-v2"],
    ["zai-org-glm-4.7", "zai/glm-4.7"],
    ["meta-llama/llama-4-maverick", "meta/llama-4-maverick-17b-128e-instruct"],
    ["llama-4-scout-instruct", "meta/llama-4-scout-17b-16e-instruct"],
    ["qwen/qwen3-coder", "alibaba/qwen3-coder-480b-a35b-instruct"],
    ["qwen.qwen3-coder-480b-a35b-v1:0", "alibaba/qwen3-coder-480b-a35b-instruct"],
    ["jamba-1.6-large", "ai21/jamba-large-1.6"],
    ["jamba-large-1.5", "ai21/jamba-1.5-large"],
    ["qwen2.5-coder-instruct-32b", "alibaba/qwen2.5-coder-32b-instruct"],
    ["Qwen3 4B 2507 Instruct", "alibaba/qwen3-4b-instruct-2507"],
    ["nvidia/llama-3.3-nemotron-49b-super-v1", "nvidia/llama-3.3-nemotron-super-49b-v1"],
    ["Opus 4.1", "anthropic/claude-opus-4.1"],
    ["mistral.mistral-large-3-675b-instruct", "mistral/mistral-large-2512"],
    ["command-r-plus-08-2024", "cohere/command-r-plus-202408"],
    ["gemini-2.5-flash-preview-09-2025", "google/gemini-2.5-flash-preview-202509"],
    ["Gemini 2.5 Flash Preview (Sep '25)", "google/gemini-2.5-flash-preview-202509"],
    // Bedrock revisions written without the vendor prefix (a replay fill held claude-sonnet-4.5-20250929-v1 and nova-pro-v1 beside the bare ids).
    ["bedrock/us-gov-east-1/claude-sonnet-4-5-20250929-v1:0", "anthropic/claude-sonnet-4.5-20250929"],
    ["claude-sonnet-4-5-20250929-v1:0", "anthropic/claude-sonnet-4.5-20250929"],
    ["claude-sonnet-4-6-v1", "anthropic/claude-sonnet-4.6"],
    ["amazon/nova-pro-v1", "amazon/nova-pro"],
    ["Amazon-Nova-Pro-v1:0", "amazon/nova-pro"],
    ["amazon-nova/nova-premier-v1", "amazon/nova-premier"],
    ["amazon/nova-2-lite-v1", "amazon/nova-2-lite"],
    // A maker's name before a family name, with a space (Artificial Analysis).
    ["NVIDIA Nemotron Nano 9B V2", "nvidia/nemotron-nano-9b-v2"],
    // One release written with and without "v1".
    ["llama-3.1-nemotron-ultra-253b", "nvidia/llama-3.1-nemotron-ultra-253b-v1"],
    ["Llama 3.1 Nemotron Ultra 253B v1", "nvidia/llama-3.1-nemotron-ultra-253b-v1"],
    ["deepinfra/Sao10K/L3-8B-Lunaris-v1", "sao10k/l3-8b-lunaris"],
    ["sao10k/l3-8b-lunaris", "sao10k/l3-8b-lunaris"],
    // Undated Anthropic releases that LiteLLM and genai-prices key with a date; OpenRouter's bare KAT-Coder-Pro is V1.
    ["claude-opus-4-6-20260205", "anthropic/claude-opus-4.6"],
    ["anthropic/claude-opus-4.6-20260205", "anthropic/claude-opus-4.6"],
    ["claude-opus-4-7-20260416", "anthropic/claude-opus-4.7"],
    ["kwaipilot/kat-coder-pro", "kwaipilot/kat-coder-pro-v1"],
    ["kwaipilot/kat-coder-pro-v2", "kwaipilot/kat-coder-pro-v2"],
  ])("%s -> %s", (raw, expected) => {
    expect(key(raw)).toBe(expected);
  });

  it("keeps different models apart", () => {
    expect(key("gpt-4o")).toBe("openai/gpt-4o");
    expect(key("gpt-4o")).not.toBe(key("gpt-40"));
    expect(key("qwen-14b")).toBe("alibaba/qwen-14b");
    expect(key("llama-2-7b")).toBe("meta/llama-2-7b");
    expect(key("gpt-4-32k")).toBe("openai/gpt-4-32k");
    // "-turbo" and "-fast" name other models outside Llama hosts; quantisation words never do.
    expect(key("gpt-3.5-turbo")).toBe("openai/gpt-3.5-turbo");
    expect(key("grok-4-fast")).toBe("xai/grok-4-fast");
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

  it("takes the creator from the model's family, never from a seller", () => {
    expect(key("databricks/claude-opus-4.7")).toBe("anthropic/claude-opus-4.7");
    expect(key("databricks/databricks-llama-3.1-405b-instruct")).toBe("meta/llama-3.1-405b-instruct");
    expect(key("tencent/deepseek-v4-flash")).toBe("deepseek/deepseek-v4-flash");
    expect(key("snowflake/claude-3-5-sonnet")).toBe("anthropic/claude-3.5-sonnet");
    // A maker's own fine-tune keeps its maker: its family word comes first.
    expect(key("perplexity/llama-3.1-sonar-large-128k-online")).toBe("perplexity/llama-3.1-sonar-large-128k-online");
    expect(key("nvidia/llama-3.1-nemotron-70b-instruct")).toBe("nvidia/llama-3.1-nemotron-70b-instruct");
  });

  it("refuses spellings no rule understands rather than minting a malformed id", () => {
    expect(normaliseModelName("GPT-4o (March 2025, chatgpt-4o-latest)")).toMatchObject({ ok: false, reason: expect.stringMatching(/malformed/) });
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
    expect(normaliseModelName("kilo/auto")).toEqual({ ok: false, reason: "router pseudo-model" });
    expect(normaliseModelName("bedrock/ap-northeast-1/1-month-commitment/anthropic.claude-v1")).toMatchObject({ ok: false });
    expect(normaliseModelName("mystery-model-9000")).toEqual({ ok: false, reason: "creator cannot be told from the name" });
  });
});

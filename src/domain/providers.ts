/**
 * Who sells inference. Sources spell sellers differently (LiteLLM "together_ai",
 * models.dev "togetherai", OpenRouter "Together"): every parser maps its spelling through
 * canonicalProviderId() so one seller is one provider everywhere.
 */
export type ProviderKind = "lab" | "host" | "cloud" | "aggregator" | "reference";

interface ProviderEntry {
  id: string;
  name: string;
  kind: ProviderKind;
  aliases?: readonly string[];
}

export const PROVIDERS: readonly ProviderEntry[] = [
  { id: "openai", name: "OpenAI", kind: "lab", aliases: ["text-completion-openai", "openai-responses", "chatgpt"] },
  { id: "anthropic", name: "Anthropic", kind: "lab", aliases: ["claude"] },
  { id: "google", name: "Google AI Studio", kind: "lab", aliases: ["gemini", "google-ai-studio", "google-ai", "googleai", "palm"] },
  { id: "deepseek", name: "DeepSeek", kind: "lab" },
  { id: "mistral", name: "Mistral AI", kind: "lab", aliases: ["mistralai", "mistral-ai", "codestral", "text-completion-codestral"] },
  { id: "xai", name: "xAI", kind: "lab", aliases: ["x-ai", "grok"] },
  { id: "zai", name: "Z.ai (Zhipu)", kind: "lab", aliases: ["z-ai", "zhipu", "zhipuai", "bigmodel", "glm", "zai-org", "z.ai"] },
  { id: "moonshot", name: "Moonshot AI", kind: "lab", aliases: ["moonshotai", "moonshot-ai", "kimi", "moonshotai-cn"] },
  { id: "alibaba", name: "Alibaba Cloud (Qwen)", kind: "lab", aliases: ["dashscope", "qwen", "alibaba-cloud", "alibaba-cn"] },
  { id: "meta", name: "Meta", kind: "lab", aliases: ["meta-llama", "meta_llama", "llama", "meta-ai"] },
  { id: "cohere", name: "Cohere", kind: "lab", aliases: ["cohere_chat", "cohere-chat"] },
  { id: "ai21", name: "AI21", kind: "lab", aliases: ["ai21labs"] },
  { id: "minimax", name: "MiniMax", kind: "lab", aliases: ["minimaxi", "minimax-cn"] },
  { id: "perplexity", name: "Perplexity", kind: "lab", aliases: ["perplexity-ai"] },
  { id: "amazon", name: "Amazon (Nova)", kind: "lab", aliases: ["amazon-nova", "nova"] },
  { id: "bedrock", name: "AWS Bedrock", kind: "cloud", aliases: ["amazon-bedrock", "aws-bedrock", "bedrock_converse", "aws"] },
  { id: "vertex", name: "Google Vertex AI", kind: "cloud", aliases: ["vertex_ai", "vertex-ai", "google-vertex", "vertexai", "google-vertex-anthropic", "vertex_ai_beta"] },
  { id: "azure", name: "Azure OpenAI / AI Foundry", kind: "cloud", aliases: ["azure_ai", "azure-ai", "azure-openai", "microsoft", "azure_text", "azure-cognitive-services"] },
  { id: "openrouter", name: "OpenRouter", kind: "aggregator" },
  { id: "together", name: "Together AI", kind: "host", aliases: ["together_ai", "togetherai", "together-ai"] },
  { id: "fireworks", name: "Fireworks AI", kind: "host", aliases: ["fireworks_ai", "fireworks-ai", "fireworksai"] },
  { id: "groq", name: "Groq", kind: "host" },
  { id: "deepinfra", name: "DeepInfra", kind: "host" },
  { id: "cerebras", name: "Cerebras", kind: "host" },
  { id: "sambanova", name: "SambaNova", kind: "host" },
  { id: "nebius", name: "Nebius AI Studio", kind: "host", aliases: ["nebius-ai-studio"] },
  { id: "hyperbolic", name: "Hyperbolic", kind: "host" },
  { id: "novita", name: "Novita AI", kind: "host", aliases: ["novita-ai", "novitaai"] },
  { id: "replicate", name: "Replicate", kind: "host" },
  { id: "baseten", name: "Baseten", kind: "host" },
  { id: "lambda", name: "Lambda", kind: "host", aliases: ["lambda_ai", "lambda-ai"] },
  { id: "friendli", name: "FriendliAI", kind: "host", aliases: ["friendliai"] },
  { id: "anyscale", name: "Anyscale", kind: "host" },
  { id: "cloudflare", name: "Cloudflare Workers AI", kind: "host", aliases: ["cloudflare-workers-ai", "workers-ai"] },
  { id: "github-models", name: "GitHub Models", kind: "aggregator", aliases: ["github", "github_models"] },
  { id: "vercel", name: "Vercel AI Gateway", kind: "aggregator", aliases: ["vercel_ai_gateway", "vercel-ai-gateway"] },
  { id: "ollama", name: "Ollama", kind: "host", aliases: ["ollama-cloud", "ollama_chat"] },
  { id: "huggingface", name: "Hugging Face", kind: "host", aliases: ["hf", "hugging-face"] },
  { id: "nvidia", name: "NVIDIA NIM", kind: "host", aliases: ["nvidia_nim", "nvidia-nim"] },
  { id: "watsonx", name: "IBM watsonx", kind: "cloud", aliases: ["ibm", "watsonx_text"] },
  { id: "snowflake", name: "Snowflake Cortex", kind: "cloud", aliases: ["snowflake-cortex"] },
  { id: "databricks", name: "Databricks", kind: "cloud" },
  { id: "oci", name: "Oracle Cloud", kind: "cloud", aliases: ["oracle"] },
  { id: "stepfun", name: "StepFun", kind: "lab", aliases: ["stepfun-ai"] },
  { id: "siliconflow", name: "SiliconFlow", kind: "host", aliases: ["siliconflow-cn"] },
  { id: "inception", name: "Inception", kind: "lab" },
  { id: "reka", name: "Reka AI", kind: "lab", aliases: ["reka-ai"] },
  { id: "bedrock-mantle", name: "AWS Bedrock (OpenAI-compatible Mantle endpoint)", kind: "cloud", aliases: ["bedrock_mantle"] },
  { id: "xiaomi", name: "Xiaomi", kind: "lab" },
  { id: "upstage", name: "Upstage", kind: "lab" },
  { id: "chutes", name: "Chutes", kind: "host" },
  { id: "scaleway", name: "Scaleway", kind: "host" },
  { id: "ovhcloud", name: "OVHcloud", kind: "host" },
  { id: "digitalocean", name: "DigitalOcean", kind: "host" },
  { id: "vultr", name: "Vultr", kind: "host" },
  { id: "venice", name: "Venice", kind: "host" },
  { id: "wandb", name: "Weights & Biases", kind: "host" },
  { id: "io-net", name: "io.net", kind: "host" },
  { id: "kilo", name: "Kilo Gateway", kind: "aggregator" },
  { id: "nano-gpt", name: "NanoGPT", kind: "aggregator" },
  { id: "302ai", name: "302.AI", kind: "aggregator" },
  { id: "aihubmix", name: "AIHubMix", kind: "aggregator" },
  { id: "llmgateway", name: "LLM Gateway", kind: "aggregator" },
  { id: "poe", name: "Poe", kind: "aggregator" },
  { id: "requesty", name: "Requesty", kind: "aggregator" },
  { id: "helicone", name: "Helicone", kind: "aggregator" },
  { id: "zenmux", name: "ZenMux", kind: "aggregator" },
  { id: "cloudflare-ai-gateway", name: "Cloudflare AI Gateway", kind: "aggregator" },
  /** Artificial Analysis's median price across sellers: a reference figure, not a seller. */
  { id: "artificial-analysis-median", name: "Artificial Analysis (median of sellers)", kind: "reference" },
];

const byAlias = new Map<string, ProviderEntry>();
for (const entry of PROVIDERS) {
  byAlias.set(entry.id, entry);
  for (const alias of entry.aliases ?? []) byAlias.set(alias, entry);
}

function slug(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s.]+/g, "-")
    .replace(/[^a-z0-9_-]/g, "");
}

/** Our provider id for a source's spelling of a seller; unknown sellers keep a slug of their own name. */
export function canonicalProviderId(raw: string): string {
  const key = raw.trim().toLowerCase();
  const entry = byAlias.get(key) ?? byAlias.get(slug(raw)) ?? byAlias.get(slug(raw).replace(/_/g, "-"));
  return entry ? entry.id : slug(raw).replace(/_/g, "-");
}

export function providerEntry(id: string): ProviderEntry | undefined {
  return byAlias.get(id);
}

/**
 * The `litellm_provider` values LiteLLM knows: every value of its cost map
 * (model_prices_and_context_window.json of 2026-07-24, its `sample_spec` left out). A feed
 * entry with any other value is routed by no LiteLLM provider, so the feed never writes one
 * (test/feeds/litellm-keys.test.ts checks this list against the snapshot).
 */
export const LITELLM_PROVIDERS: ReadonlySet<string> = new Set([
  "ai21", "aiml", "amazon_nova", "anthropic", "anyscale", "apiserpent", "assemblyai", "aws_polly", "azure", "azure_ai",
  "azure_text", "baseten", "bedrock", "bedrock_converse", "bedrock_mantle", "black_forest_labs", "cerebras", "chatgpt",
  "cloudflare", "codestral", "cohere", "cohere_chat", "crusoe", "darkbloom", "dashscope", "databricks", "dataforseo",
  "deepgram", "deepinfra", "deepseek", "duckduckgo", "elevenlabs", "exa_ai", "fal_ai", "featherless_ai", "firecrawl",
  "fireworks_ai", "fireworks_ai-embedding-models", "friendliai", "gemini", "gigachat", "github_copilot", "gmi",
  "google_pse", "gradient_ai", "groq", "heroku", "hyperbolic", "inception", "jina_ai", "lambda_ai", "lemonade",
  "libertai", "linkup", "llamagate", "meta", "meta_llama", "minimax", "mistral", "moonshot", "morph", "nebius",
  "nlp_cloud", "novita", "nscale", "nvidia_nim", "oci", "ollama", "openai", "openrouter", "ovhcloud", "palm",
  "parallel_ai", "perplexity", "pinstripes", "publicai", "recraft", "reducto", "replicate", "runwayml", "sagemaker",
  "sambanova", "sarvam", "scaleway", "searxng", "serper", "snowflake", "soniox", "stability", "tavily", "tencent",
  "tensormesh", "text-completion-codestral", "text-completion-inception", "text-completion-openai", "tinyfish",
  "together_ai", "v0", "vercel_ai_gateway", "vertex_ai", "vertex_ai-ai21_models", "vertex_ai-anthropic_models",
  "vertex_ai-deepseek_models", "vertex_ai-embedding-models", "vertex_ai-image-models", "vertex_ai-language-models",
  "vertex_ai-llama_models", "vertex_ai-minimax_models", "vertex_ai-mistral_models", "vertex_ai-moonshot_models",
  "vertex_ai-openai_models", "vertex_ai-qwen_models", "vertex_ai-text-models", "vertex_ai-video-models",
  "vertex_ai-zai_models", "volcengine", "voyage", "wandb", "watsonx", "xai", "you_com", "zai",
]);

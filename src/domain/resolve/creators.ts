/**
 * Who made a model, told from an organisation segment ("meta-llama/...", Bedrock's
 * "anthropic.") or from the model name itself. Only families with one maker are listed:
 * a name that matches none stays unmatched rather than guessed.
 */

/** Organisation spellings (HF orgs, OpenRouter authors, Bedrock vendors) -> creator id. */
const ORGS: Record<string, string> = {
  openai: "openai",
  anthropic: "anthropic",
  google: "google",
  "google-deepmind": "google",
  meta: "meta",
  "meta-llama": "meta",
  mistral: "mistral",
  mistralai: "mistral",
  deepseek: "deepseek",
  "deepseek-ai": "deepseek",
  xai: "xai",
  "x-ai": "xai",
  qwen: "alibaba",
  alibaba: "alibaba",
  "z-ai": "zai",
  "zai-org": "zai",
  zai: "zai",
  thudm: "zai",
  moonshotai: "moonshot",
  moonshot: "moonshot",
  cohere: "cohere",
  cohereforai: "cohere",
  amazon: "amazon",
  microsoft: "microsoft",
  nvidia: "nvidia",
  minimax: "minimax",
  minimaxai: "minimax",
  ai21: "ai21",
  perplexity: "perplexity",
  "perplexity-ai": "perplexity",
  nousresearch: "nousresearch",
  "01-ai": "01-ai",
  ibm: "ibm",
  "ibm-granite": "ibm",
  allenai: "allenai",
  inception: "inception",
  baidu: "baidu",
  tencent: "tencent",
  bytedance: "bytedance",
  "bytedance-seed": "bytedance",
  stepfun: "stepfun",
  "stepfun-ai": "stepfun",
  liquid: "liquid",
  reka: "reka",
  upstage: "upstage",
  databricks: "databricks",
  snowflake: "snowflake",
  writer: "writer",
  "arcee-ai": "arcee-ai",
  inflection: "inflection",
};

/** Name prefixes of single-maker families, checked in order (nemotron before llama). */
const NAME_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/nemotron/, "nvidia"],
  [/^(gpt-|gpt\d|o\d(-|$)|chatgpt|text-davinci|davinci|babbage|codex-|computer-use-preview)/, "openai"],
  [/^claude/, "anthropic"],
  [/^(gemini|gemma|learnlm|palm|chat-bison|text-bison|codechat-bison)/, "google"],
  [/^(llama|codellama|meta-llama)/, "meta"],
  [/^(mistral|mixtral|codestral|magistral|devstral|ministral|pixtral|open-mistral|open-mixtral|voxtral)/, "mistral"],
  [/^deepseek/, "deepseek"],
  [/^(qwen|qwq|qvq)/, "alibaba"],
  [/^(glm|chatglm|codegeex)/, "zai"],
  [/^grok/, "xai"],
  [/^(kimi|moonshot-v)/, "moonshot"],
  [/^(command|c4ai|aya-)/, "cohere"],
  [/^(nova-|amazon-nova|titan-)/, "amazon"],
  [/^(phi-|wizardlm)/, "microsoft"],
  [/^(minimax|abab)/, "minimax"],
  [/^(jamba|j2-)/, "ai21"],
  [/^(sonar|pplx-|r1-1776)/, "perplexity"],
  [/^(ernie)/, "baidu"],
  [/^(hunyuan)/, "tencent"],
  [/^(doubao|seed-)/, "bytedance"],
  [/^(yi-)/, "01-ai"],
  [/^(granite)/, "ibm"],
  [/^(olmo|tulu)/, "allenai"],
  [/^(hermes|nous-)/, "nousresearch"],
  [/^(mercury)/, "inception"],
  [/^(step-)/, "stepfun"],
  [/^(lfm-)/, "liquid"],
  [/^(reka-)/, "reka"],
  [/^(solar-)/, "upstage"],
  [/^(dbrx)/, "databricks"],
  [/^(arctic-)/, "snowflake"],
  [/^(palmyra)/, "writer"],
];

export function creatorFromOrg(org: string): string | null {
  return ORGS[org.toLowerCase()] ?? null;
}

export function creatorFromName(name: string): string | null {
  for (const [pattern, creator] of NAME_PATTERNS) if (pattern.test(name)) return creator;
  return null;
}

/**
 * Turns a source's model name into a canonical model key "<creator>/<name>", or says why
 * it cannot. Conservative by design: it removes only what is known not to change the
 * model (seller/route prefixes, cloud version suffixes, separators, date spelling, case)
 * and never strips words that name a different model (mini, turbo, instruct, a date).
 * So gpt-4o and gpt-4o-mini, two dated snapshots, llama-3.1-70b and llama-3.3-70b stay apart.
 */
import { creatorFromName, creatorFromOrg } from "./creators.ts";
import { canonicalSpelling, WELL_FORMED_NAME } from "./spelling.ts";

export interface NormalisedName {
  creator: string;
  /** Canonical model name without the creator, e.g. "claude-3.5-sonnet-20240620". */
  name: string;
  /** Each rewrite applied, for the alias note ("stripped prefix bedrock/"). */
  steps: string[];
}

export type NormaliseResult = { ok: true; value: NormalisedName } | { ok: false; reason: string };

/** Route segments that say where a model is sold or in which region, never what it is. */
const ROUTE_SEGMENTS = new Set([
  "bedrock", "bedrock_converse", "vertex_ai", "vertex_ai_beta", "azure", "azure_ai", "openrouter", "together_ai",
  "together", "fireworks_ai", "fireworks", "deepinfra", "groq", "gemini", "anyscale", "perplexity", "cerebras",
  "sambanova", "nebius", "novita", "hyperbolic", "replicate", "ollama", "ollama_chat", "cloudflare", "workers-ai",
  "vercel_ai_gateway", "github", "github_copilot", "nvidia_nim", "watsonx", "snowflake", "databricks", "oci",
  "friendliai", "lambda_ai", "baseten", "featherless_ai", "nscale", "lemonade", "heroku", "wandb", "ovhcloud",
  "text-completion-openai", "text-completion-codestral", "codestral", "mistral", "deepseek", "xai", "anthropic",
  "openai", "dashscope", "moonshot", "zai", "volcengine", "sagemaker", "llamagate", "gradient_ai", "datarobot",
  "aiml", "v0", "morph", "alicloud", "recraft", "inference", "accounts", "models", "@cf", "@hf", "converse", "invoke",
  "us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3",
  "eu-north-1", "ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ca-central-1",
  "global", "us", "eu", "apac", "jp", "au", "eu_", "us_",
]);

/** AWS-style region segments: us-east-1, ap-southeast-3, us-gov-west-1. */
const CLOUD_REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d+$/;

/** Names that are price buckets or fine-tunes, not a model. */
const NOT_A_MODEL = [
  { pattern: /^ft:|\.ft-?$/, reason: "fine-tuned model (per-customer)" },
  { pattern: /(^|\/)(up-to-|\d+(\.\d+)?b-\d+(\.\d+)?b$|above-\d+|\d+(\.\d+)?b$)/, reason: "size bucket price, not a model" },
  { pattern: /commitment/, reason: "capacity commitment, not a model" },
  { pattern: /^(auto|router|openrouter\/(auto|auto-beta|free|bodybuilder|fusion|pareto[\w-]*)|[\w-]+\/auto)$/, reason: "router pseudo-model" },
];

export interface NormaliseOptions {
  /**
   * The source writes "<author>/<model>" (OpenRouter): a first segment is the author even
   * where the same word names a seller elsewhere ("morph/morph-v3-fast").
   */
  orgIsAuthor?: boolean;
  /** The creator to assume when the name does not tell: the seller, where it is a lab selling its own models. */
  fallbackCreator?: string;
}

export function normaliseModelName(raw: string, options: NormaliseOptions = {}): NormaliseResult {
  const steps: string[] = [];
  let text = raw.trim();
  for (const { pattern, reason } of NOT_A_MODEL) {
    if (pattern.test(text.toLowerCase())) return { ok: false, reason };
  }

  // Variant suffixes belong to the offering, not the model (OpenRouter ":free", ":batch"...).
  const variant = /:(free|batch|exacto|extended|nitro|floor|beta|online)$/i.exec(text);
  if (variant) {
    text = text.slice(0, variant.index);
    steps.push(`dropped variant suffix :${variant[1]}`);
  }
  // OpenRouter's "~author/name-latest" marks a moving alias; the resolver flags it as floating.
  if (text.startsWith("~")) {
    text = text.slice(1);
    steps.push("stripped floating marker ~");
  }

  let org: string | null = null;
  const segments = text.split("/").filter(Boolean);
  while (segments.length > 1) {
    const head = segments[0]!.toLowerCase();
    const known = (ROUTE_SEGMENTS.has(head) || CLOUD_REGION.test(head)) && !(options.orgIsAuthor && segments.length === 2);
    if (creatorFromOrg(head) !== null) org = head;
    else if (!known && segments.length === 2) org = head;
    steps.push(`stripped ${known || segments.length > 2 ? "route" : "organisation"} ${segments[0]}/`);
    segments.shift();
  }
  let name = segments[0] ?? "";

  const cloud = stripCloudDecorations(name);
  if (cloud.name !== name) steps.push(...cloud.steps);
  name = cloud.name;
  if (cloud.org && !org) org = cloud.org;

  // "anthropic--claude-3-haiku", "alibaba-qwen3-32b": a maker's name glued to a family name.
  // A two-word organisation ("zai-org-glm-4.7", "deepseek-ai-…") is tried before a one-word one.
  // Spaces count as separators here: Artificial Analysis writes "NVIDIA Nemotron Nano 9B V2".
  const gluedPair = /^([a-z0-9]+-[a-z0-9]+)(?:-{1,2}| )(.+)$/i.exec(name);
  const glued = gluedPair && creatorFromOrg(gluedPair[1]!) !== null ? gluedPair : /^([a-z0-9]+)(?:-{1,2}| )(.+)$/i.exec(name);
  if (glued && creatorFromOrg(glued[1]!) !== null && creatorFromName(glued[2]!.toLowerCase()) !== null) {
    org ??= glued[1]!.toLowerCase();
    name = glued[2]!;
    steps.push(`stripped maker prefix ${glued[1]}-`);
  } else if (glued && ROUTE_SEGMENTS.has(glued[1]!.toLowerCase()) && creatorFromName(glued[2]!.toLowerCase()) !== null) {
    // "cerebras-llama-4-maverick-…" (models.dev): a seller's name glued to a family name.
    name = glued[2]!;
    steps.push(`stripped seller prefix ${glued[1]}-`);
  }

  const spelled = canonicalSpelling(name);
  if (spelled !== name.toLowerCase()) steps.push("canonical spelling");
  name = spelled;
  if (!name) return { ok: false, reason: "empty name after removing prefixes" };
  if (!WELL_FORMED_NAME.test(name)) return { ok: false, reason: `malformed name "${name}" (characters no spelling rule understands)` };

  // The family names its maker, whoever sells it: databricks/claude-opus-4.7 is Anthropic's.
  // Derivatives keep their maker because their own family word is listed first (nemotron, sonar, tulu, hermes).
  // Once the seller routes are stripped, an "<org>/<model>" head is the Hugging Face author.
  const authorAsCreator = org && /^[a-z0-9][a-z0-9._-]*$/.test(org) ? org : null;
  const creator = creatorFromName(name) ?? (org ? creatorFromOrg(org) : null) ?? authorAsCreator ?? options.fallbackCreator ?? null;
  if (!creator) return { ok: false, reason: "creator cannot be told from the name" };
  const served = withoutHostDecorations(creator, name);
  if (served !== name) steps.push("host serving decorations of an open-weight Llama");
  const weights = withoutServingWords(served);
  if (weights !== served) steps.push("host quantisation / serving tier of the same weights");
  return { ok: true, value: { creator, name: weights, steps } };
}

/**
 * Words hosts add to any open-weight model they serve: a quantisation (fp8, nvfp4, awq),
 * Together's throughput tier ("-tput") or Chutes' trusted-execution build ("-tee"). None
 * names another release, so host spreads see every seller of the weights. "-turbo" and
 * "-fast" are not here: in other families they name other models (gpt-3.5-turbo, grok-4-fast).
 */
const SERVING_WORDS = /-(tput|tee|fp8|fp16|bf16|fp4|nvfp4|awq|int4|int8)(?=-|$)/g;

export function withoutServingWords(name: string): string {
  const bare = name.replace(SERVING_WORDS, "");
  return /\d/.test(bare) ? bare : name;
}

/** Words hosts add to the Llama they serve (Groq's "versatile", Together's "Turbo", a quantisation). */
const LLAMA_HOST_WORDS = /-(versatile|specdec|turbo|fp8|fp16|bf16|int4|int8|awq|reference)(?=-|$)/g;

/**
 * Hosts sell Meta's open-weight Llama 3.x chat models under their own spellings:
 * "llama-3.3-70b-versatile" (Groq), "Meta-Llama-3.1-70B-Instruct-Turbo" (Together, FP8).
 * They are the instruct release, so that host spreads compare like with like. A bare
 * "llama-3.1-405b" is left alone: OpenRouter sells the base model under that name. Only
 * Meta's Llama is treated so: other families' suffixes (gpt-3.5-turbo) name other models.
 */
export function withoutHostDecorations(creator: string, name: string): string {
  if (creator !== "meta" || !/^llama-\d(\.\d)?-(\d+b|scout|maverick)(-|$)/.test(name)) return name;
  const bare = name.replace(LLAMA_HOST_WORDS, "");
  if (bare === name) return name;
  return /-(instruct|chat|base|vision|guard)(-|$)/.test(bare) ? bare : `${bare}-instruct`;
}

/** Bedrock and Vertex spellings: "us.anthropic.claude-3-5-sonnet-20240620-v1:0", "claude-3-5-sonnet@20240620". */
function stripCloudDecorations(name: string): { name: string; org: string | null; steps: string[] } {
  const steps: string[] = [];
  let org: string | null = null;
  let text = name;
  const bedrock = /^(?:(?:us|eu|apac|jp|au|ca|in|global|us-gov|regional)\.)?([a-z0-9-]+)\.(.+)$/i.exec(text);
  if (bedrock && creatorFromOrg(bedrock[1]!.toLowerCase()) !== null && !/^\d/.test(bedrock[2]!)) {
    org = bedrock[1]!.toLowerCase();
    // "deepseek.r1-v1:0" names deepseek-r1: keep the vendor where the rest is no family name of its own.
    text = creatorFromName(bedrock[2]!.toLowerCase()) ? bedrock[2]! : `${org}-${bedrock[2]!}`;
    steps.push(`stripped bedrock vendor prefix ${org}.`);
  }
  // Vertex's partner models end in "-maas" (model as a service): the same weights.
  if (/-maas$/i.test(text)) {
    text = text.slice(0, -5);
    steps.push("stripped Vertex -maas");
  }
  // Bedrock's "openai.gpt-oss-120b-1:0": a revision without the "v".
  if (org !== null && /-\d+:\d+$/.test(text)) {
    text = text.replace(/-\d+:\d+$/, "");
    steps.push("stripped cloud revision");
  }
  const revision = /-v\d+(?::\d+)?$/i.exec(text);
  // "-v1:0" is always Bedrock's revision; "-v2:0" only after a date (claude-3-5-sonnet-20241022-v2:0):
  // in nvidia.nemotron-nano-9b-v2:0 the v2 is the model's own version.
  const bedrockRevision = revision && (/^-v1(:0)?$/i.test(revision[0]) || (/:0$/.test(revision[0]) && /\d{8}$/.test(text.slice(0, revision.index))));
  // Without its vendor prefix ("bedrock/us-gov-east-1/claude-sonnet-4-5-20250929-v1:0", Portkey's
  // "claude-sonnet-4-6-v1") it is still Bedrock's revision where no model carries one: after a
  // vendor date, on a Claude with a numbered generation (claude-v2:1 is Claude 2.1: there the "v"
  // is the version), or on an Amazon Nova, which Amazon never numbers with a "v" (OpenRouter's
  // "amazon/nova-pro-v1" is Bedrock's amazon.nova-pro-v1:0).
  const revised = revision ? text.slice(0, revision.index) : "";
  const unprefixedRevision = revision && (/\d{8}$/.test(revised) || /^(?:anthropic-)?claude-.*\d/i.test(revised) || /^(?:amazon-)?nova-/i.test(revised));
  if (revision && ((bedrockRevision && org !== null) || unprefixedRevision)) {
    text = text.slice(0, revision.index);
    steps.push(`stripped cloud revision ${revision[0]}`);
  } else if (/:0$/.test(text)) {
    text = text.slice(0, -2);
    steps.push("stripped cloud revision :0");
  }
  if (text.includes("@")) {
    // Vertex: "@default" is the publisher's current version, "@2411-001" a revision of 2411.
    text = text.replace(/@(\d{8})$/, "-$1").replace(/@(\d{4})(?:-\d{3})?$/, "-$1").replace(/@(\d{3})$/, "-$1").replace(/@(latest|default)$/, "");
    steps.push("vertex @version as suffix");
  }
  return { name: text, org, steps };
}

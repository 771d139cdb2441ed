/**
 * Who sells an entry, and where. LiteLLM names the seller in `litellm_provider` with
 * routing-specific spellings, and a region only inside the key.
 */
import { canonicalProviderId } from "../../src/domain/providers.ts";

/** LiteLLM splits Vertex AI into one provider per model family ("vertex_ai-language-models", "vertex_ai-anthropic_models", ...): all are Vertex. */
const VERTEX_FAMILY_PREFIX = "vertex_ai-";
/** "text-completion-<seller>" routes the legacy completions endpoint of that seller. */
const TEXT_COMPLETION_PREFIX = "text-completion-";

export function litellmProviderId(litellmProvider: string): string {
  if (litellmProvider.startsWith(VERTEX_FAMILY_PREFIX)) return "vertex";
  if (litellmProvider.startsWith(TEXT_COMPLETION_PREFIX)) return canonicalProviderId(litellmProvider.slice(TEXT_COMPLETION_PREFIX.length));
  return canonicalProviderId(litellmProvider);
}

/** `bedrock/us-east-1/anthropic.claude-v2`: an AWS region segment. */
const BEDROCK_REGION_SEGMENT = /^bedrock\/([a-z]{2}(?:-gov)?-[a-z]+-\d+)\//;
/** `us.anthropic.claude-...`: a Bedrock cross-region inference profile, priced per geography. */
const BEDROCK_GEOGRAPHY_PREFIX = /^(us|eu|apac|au|jp|ca|global|us-gov)\./;
/** `azure/eu/gpt-4o`: an Azure data-zone or global deployment, priced apart from the regional one. */
const AZURE_ZONE_SEGMENT = /^azure(?:_ai)?\/(us|eu|global|global-standard)\//;

/** The region (or geography) a key prices, "" when the price is not regional. */
export function regionOf(key: string, providerId: string): string {
  if (providerId === "bedrock") {
    return BEDROCK_REGION_SEGMENT.exec(key)?.[1] ?? BEDROCK_GEOGRAPHY_PREFIX.exec(key)?.[1] ?? "";
  }
  if (providerId === "azure") return AZURE_ZONE_SEGMENT.exec(key)?.[1] ?? "";
  return "";
}

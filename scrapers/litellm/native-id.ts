/**
 * The id a seller's own API expects, read from a LiteLLM key: LiteLLM puts its routing
 * prefix in front ("together_ai/", "bedrock/us-east-1/", "azure/eu/"), which the seller
 * never sees. "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo" is
 * "meta-llama/Llama-3.3-70B-Instruct-Turbo" at Together; "bedrock/anthropic.claude-…-v1:0"
 * is "anthropic.claude-…-v1:0" at Bedrock. Keys without a prefix are the seller's id as is.
 */

/** LiteLLM route segments after "bedrock/" that pick a region or an API flavour, not a model. */
const BEDROCK_ROUTE_SEGMENT = /^(?:\*|[a-z]{2}(?:-gov)?-[a-z]+-\d+|converse|invoke)$/;
/** Azure data-zone and global deployments: "azure/eu/gpt-4o". */
const AZURE_ZONE_SEGMENT = /^(?:us|eu|global|global-standard)$/;

/** The first key segment LiteLLM uses for a `litellm_provider` value. */
function routePrefix(litellmProvider: string): string {
  if (litellmProvider.startsWith("vertex_ai")) return "vertex_ai";
  if (litellmProvider.startsWith("bedrock")) return "bedrock";
  return litellmProvider;
}

export function litellmNativeId(key: string, litellmProvider: string): string {
  const segments = key.split("/");
  if (segments.length < 2 || segments[0] !== routePrefix(litellmProvider)) return key;
  const rest = segments.slice(1);
  if (segments[0] === "bedrock") while (rest.length > 1 && BEDROCK_ROUTE_SEGMENT.test(rest[0]!)) rest.shift();
  if (segments[0] === "azure" || segments[0] === "azure_ai") while (rest.length > 1 && AZURE_ZONE_SEGMENT.test(rest[0]!)) rest.shift();
  return rest.join("/");
}

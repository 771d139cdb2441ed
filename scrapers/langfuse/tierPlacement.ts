/**
 * Where a Langfuse pricing tier belongs: which variant (from its model-parameter condition)
 * and, for a usage-size condition on input tokens, which long-context tier.
 * "Fast mode" on OpenAI models is `service_tier in [fast, priority]`: OpenAI's priority
 * processing. On Anthropic models it is `speed in [fast]`: Claude's fast mode, its own variant.
 */
import type { PricingTier } from "./schema.ts";

export type TierPlacement = { variant: string; minInputTokens: number | null } | { reason: string };

const VARIANT_PARAMETERS = new Set(["service_tier", "speed"]);

export function placeTier(tier: PricingTier): TierPlacement {
  let variant = "standard";
  let minInputTokens: number | null = null;
  for (const condition of tier.conditions) {
    if ("source" in condition) {
      const named = variantOf(condition.key, condition.operator, condition.values);
      if (named === null || variant !== "standard") {
        return { reason: `model-parameter condition ${condition.key} ${condition.operator} [${condition.values.join(", ")}] is not a known service tier` };
      }
      variant = named;
      continue;
    }
    const threshold = condition.operator === "gt" && Number.isInteger(condition.value) && condition.value > 0;
    if (!threshold || !appliesToInput(condition.usageDetailPattern, condition.caseSensitive ?? false) || minInputTokens !== null) {
      return { reason: `usage condition ${condition.usageDetailPattern} ${condition.operator} ${condition.value} is not an input-size threshold` };
    }
    minInputTokens = condition.value;
  }
  return { variant, minInputTokens };
}

function variantOf(key: string, operator: string, values: readonly string[]): string | null {
  if (!VARIANT_PARAMETERS.has(key) || operator !== "in") return null;
  if (values.includes("priority")) return "priority";
  const [only] = values;
  return values.length === 1 && only !== undefined ? only : null;
}

/** Whether a usage-detail pattern counts input tokens; a pattern that is not a valid regex counts nothing. */
function appliesToInput(usageDetailPattern: string, caseSensitive: boolean): boolean {
  try {
    return new RegExp(usageDetailPattern, caseSensitive ? "" : "i").test("input");
  } catch {
    return false;
  }
}

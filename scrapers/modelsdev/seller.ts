/**
 * models.dev provider ids -> our seller, region, and whether the provider sells by the
 * token at all.
 */
import { canonicalProviderId } from "../../src/domain/providers.ts";

/**
 * China storefronts that models.dev lists as providers of their own, with their own
 * prices (alibaba-cn, zhipuai = open.bigmodel.cn). They map to the same seller as the
 * international one, so the storefront becomes the region and the two never collide.
 */
const CHINA_STOREFRONTS: ReadonlySet<string> = new Set(["zhipuai"]);

export function modelsDevSeller(providerId: string): { provider: string; region: string } {
  const isChina = providerId.endsWith("-cn") || CHINA_STOREFRONTS.has(providerId);
  return { provider: canonicalProviderId(providerId), region: isChina ? "cn" : "" };
}

/** Flat-fee subscriptions whose ids do not say "plan". */
const SUBSCRIPTIONS: ReadonlySet<string> = new Set(["kimi-for-coding", "gitlab", "firepass"]);

/**
 * Coding / token plans are flat-fee subscriptions: their per-token costs are mostly 0
 * placeholders, so reading them as prices would call paid models free.
 */
export function isSubscriptionPlan(providerId: string): boolean {
  return /-(coding|token)-plan(-|$)/.test(providerId) || SUBSCRIPTIONS.has(providerId);
}

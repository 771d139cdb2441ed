/**
 * What a row of the DeepSeek model table means, from its label cells, in English or
 * Chinese. Price rows may sit under a time window (the 2025 "STANDARD PRICE (UTC
 * 00:30-16:30)" / "DISCOUNT PRICE (UTC 16:30-00:30)" rows, or "PEAK" / "OFF-PEAK"
 * sub-rows): the discounted window is its own variant.
 */
export type PriceKind = "cacheRead" | "input" | "output";
export type FactKind = "displayName" | "contextWindow" | "maxOutputTokens";

export const MODEL_ROW = /^(MODEL|模型)$/i;

const PRICE_KINDS: ReadonlyArray<[RegExp, PriceKind]> = [
  // "cache miss" first: its Chinese label 缓存未命中 contains 缓存命中 ("cache hit").
  [/CACHE MISS|缓存未命中/i, "input"],
  [/CACHE HIT|缓存命中/i, "cacheRead"],
  [/OUTPUT TOKENS|tokens\s*输出/i, "output"],
];

const FACT_KINDS: ReadonlyArray<[RegExp, FactKind]> = [
  [/^(MODEL VERSION|模型版本)$/i, "displayName"],
  [/^(CONTEXT LENGTH|上下文长度)$/i, "contextWindow"],
  [/^(MAX OUTPUT|输出长度|最大输出长度)$/i, "maxOutputTokens"],
];

const OFF_PEAK = /OFF-PEAK|DISCOUNT PRICE|优惠时段|闲时/i;

export function priceKindOf(labels: readonly string[]): PriceKind | null {
  const joined = labels.join(" ");
  return PRICE_KINDS.find(([pattern]) => pattern.test(joined))?.[1] ?? null;
}

export function variantOf(labels: readonly string[]): string {
  return labels.some((label) => OFF_PEAK.test(label)) ? "off-peak" : "standard";
}

export function factKindOf(labels: readonly string[]): FactKind | null {
  return FACT_KINDS.find(([pattern]) => labels.some((label) => pattern.test(label)))?.[1] ?? null;
}

/** "1M", "128K", "DEFAULT: 4K MAXIMUM: 8K", "最大 384K" -> tokens (K = 1,000 and M = 1,000,000, as written). */
export function tokenCount(text: string): number | null {
  const match = /(?:MAXIMUM|最大)\s*[:：]?\s*(\d+(?:\.\d+)?)\s*([KM])/i.exec(text) ?? /(\d+(?:\.\d+)?)\s*([KM])\b/i.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const tokens = Number(match[1]) * (match[2].toUpperCase() === "M" ? 1_000_000 : 1_000);
  return Number.isInteger(tokens) ? tokens : null;
}

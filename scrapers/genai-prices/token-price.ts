/**
 * Whether one genai-prices price object is a chat token price. Upstream leaves out what a
 * model is not billed for: embeddings carry `input_mtok` only, free endpoints carry `{}`.
 * Only complete input + output prices become observations; the rest is skipped with a reason.
 */
import type { GenaiModel, ModelPrice } from "./schema.ts";
import { toPriceSet, type PriceSet } from "./price-set.ts";

export type TokenPrice = { kind: "priced"; free: boolean; set: PriceSet } | { kind: "skip"; reason: string };

const FREE: PriceSet = { input: "0", output: "0", cacheRead: null, cacheWrite: null, cacheWrite1h: null, tiers: [] };

/** `{}` means free only where the source also says so; elsewhere it marks a placeholder or a non-token model. */
function saysFree(model: GenaiModel): boolean {
  return model.id.endsWith(":free") || (model.name?.includes("(free)") ?? false);
}

export function tokenPrice(model: GenaiModel, price: ModelPrice): TokenPrice {
  if (Object.keys(price).length === 0) {
    return saysFree(model)
      ? { kind: "priced", free: true, set: FREE }
      : { kind: "skip", reason: "empty price object and not marked free: no token price stated" };
  }
  const set = toPriceSet(price);
  if (set.input === null && set.output === null) {
    return { kind: "skip", reason: "no text token price (only audio, image or per-request fields)" };
  }
  if (set.output === null) return { kind: "skip", reason: "input price only (embedding-style billing): no output price" };
  if (set.input === null) return { kind: "skip", reason: "output price only: no input price" };
  return { kind: "priced", free: false, set };
}

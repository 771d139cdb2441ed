/** Which models.dev entries are per-token text prices, and why the others are not. */
import type { ModelsDevModel } from "./schema.ts";
import { isSubscriptionPlan } from "./seller.ts";

const EMBEDDING_ID = /embed|rerank|(^|\/)bge-/i;
const EMBEDDING_FAMILY = /embed|rerank|^bge$/i;

function isEmbeddingModel(model: ModelsDevModel): boolean {
  return EMBEDDING_ID.test(model.id) || EMBEDDING_FAMILY.test(model.family ?? "");
}

/** Null when the entry is a per-token price to keep; otherwise the reason it is skipped. */
export function outOfScopeReason(providerId: string, model: ModelsDevModel): string | null {
  if (isSubscriptionPlan(providerId)) return "subscription plan: per-token costs are not pay-as-you-go prices";
  // A missing cost is unknown, never free.
  if (model.cost === undefined) return "no price";
  const outputs = model.modalities?.output;
  if (outputs && !outputs.includes("text")) return `no text output (${outputs.join("+")})`;
  if (isEmbeddingModel(model)) return "embedding model";
  return null;
}

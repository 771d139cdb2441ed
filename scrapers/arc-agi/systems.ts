/**
 * Which ARC Prize entries are models a caller can buy. The lists mix models with systems:
 * the human panel (provider "Human"), Kaggle prize entries ("Custom", providers "ARC Prize
 * 2024/2025"), refinement scaffolds around a model ("Refinement": poetiq, j_berman...) and
 * bespoke research systems (provider "bespoke", empty type). Only "CoT", "Base LLM" and
 * "CoT + Synthesis" (OpenAI's o1-pro / o3-pro, sold as API models) are one model's score.
 */
export interface ArcModel {
  id: string;
  providerId: string;
  modelType?: string | null;
}

const MODEL_TYPES = new Set(["CoT", "Base LLM", "CoT + Synthesis"]);

/** Null when the entry is a model, else why it is skipped. */
export function systemReason(model: ArcModel): string | null {
  if (model.providerId === "Human") return "human panel, not a model";
  if (model.modelType === "Custom" || /^ARC Prize \d{4}$/.test(model.providerId)) return `Kaggle prize entry (${model.providerId}), a purpose-built system`;
  if (model.modelType === "Refinement") return `refinement scaffold by ${model.providerId} around a model (a system, not the model)`;
  if (!MODEL_TYPES.has(model.modelType ?? "")) return `bespoke system (provider ${model.providerId}, type "${model.modelType ?? "none"}"), not a sold model`;
  return null;
}

/** Catalogue facts OpenRouter states next to a price. */
import { canonicalProviderId } from "../../src/domain/providers.ts";

/** "OpenAI: GPT-4o" -> "GPT-4o": the creator is a hint of its own, so the display name drops OpenRouter's prefix. */
export function displayNameOf(name: string): string | null {
  const stripped = name.replace(/^[^:]{1,40}:\s+(?=\S)/, "").trim();
  return stripped === "" ? null : stripped;
}

/** The id's author as a provider id: "meta-llama/llama-3.3-70b-instruct" -> "meta". */
export function creatorOf(modelId: string): string | null {
  const author = modelId.replace(/^~/, "").split("/")[0] ?? "";
  return author === "" ? null : canonicalProviderId(author);
}

/** `created` (unix seconds) is when OpenRouter listed the model: the UTC day, used as the release date. */
export function releaseDateOf(createdSeconds: number | null | undefined): string | null {
  if (createdSeconds === null || createdSeconds === undefined || !(createdSeconds > 0)) return null;
  return new Date(createdSeconds * 1000).toISOString().slice(0, 10);
}

export function positiveInteger(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isInteger(value) && value > 0 ? value : null;
}

/**
 * OpenRouter's moving `~` ids ("~anthropic/claude-opus-latest") name the model they
 * currently route to in `alias_target`. The parser skips them as offerings; read here,
 * they are dated pointers of a floating name: as of the payload's date, the alias
 * served its target.
 */
import type { PayloadDocument } from "../source.ts";
import { readOpenRouterJson } from "./payload.ts";
import { modelListSchema } from "./schema.ts";

export interface OpenRouterAliasPointer {
  /** The moving id as OpenRouter writes it, "~" included. */
  alias: string;
  /** The model id it routes to. */
  target: string;
}

export function openRouterAliasPointers(document: PayloadDocument): OpenRouterAliasPointer[] {
  const pointers: OpenRouterAliasPointer[] = [];
  for (const entry of readOpenRouterJson(document, modelListSchema).data) {
    if (entry.id.startsWith("~") && entry.alias_target) pointers.push({ alias: entry.id, target: entry.alias_target.slug });
  }
  return pointers;
}

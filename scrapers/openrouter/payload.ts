/** Reads an OpenRouter JSON body against a zod schema, failing the run with the first few mismatches. */
import type { z } from "zod";
import { readJsonDocument, type PayloadDocument } from "../source.ts";

export const OPENROUTER_SOURCE_ID = "openrouter";

export function readOpenRouterJson<T>(document: PayloadDocument, schema: z.ZodType<T>): T {
  return readJsonDocument(OPENROUTER_SOURCE_ID, document, schema);
}

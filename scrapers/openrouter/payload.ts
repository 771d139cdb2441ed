/** Reads an OpenRouter JSON body against a zod schema, failing the run with the first few mismatches. */
import { z } from "zod";
import { PayloadError, parseJsonDocument, type PayloadDocument } from "../source.ts";

export const OPENROUTER_SOURCE_ID = "openrouter";

const ISSUES_SHOWN = 3;

export function readOpenRouterJson<T>(document: PayloadDocument, schema: z.ZodType<T>): T {
  const result = schema.safeParse(parseJsonDocument(OPENROUTER_SOURCE_ID, document));
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, ISSUES_SHOWN)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  throw new PayloadError(OPENROUTER_SOURCE_ID, `unexpected layout: ${issues}`, document.name);
}

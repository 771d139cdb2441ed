/**
 * The lmarena source id and the one way its parsers report a payload they cannot read,
 * so every message names the source and the offending file.
 */
import type { z } from "zod";
import { PayloadError, type PayloadDocument } from "../source.ts";
import { describeIssues } from "../../src/domain/zod-issues.ts";

export const LMARENA_SOURCE_ID = "lmarena";

export function lmarenaPayloadError(message: string, document?: PayloadDocument): PayloadError {
  return new PayloadError(LMARENA_SOURCE_ID, message, document?.name);
}

const MAX_REPORTED_ISSUES = 3;

/** Validates untrusted content; a mismatch is a layout change, reported with its first few issues. */
export function validatePayload<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  document: PayloadDocument,
  what: string,
): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw lmarenaPayloadError(`${what} does not have the expected shape: ${describeIssues(result.error, MAX_REPORTED_ISSUES)}`, document);
}

/** Validates decoded props; a mismatch is a layout change, reported with its first issues. */
import type { z } from "zod";
import { PricingLayoutError } from "./errors.ts";
import { describeIssues } from "../../src/domain/zod-issues.ts";

const MAX_REPORTED_ISSUES = 3;

export function validateProps<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new PricingLayoutError(`${what} props do not have the expected shape: ${describeIssues(result.error, MAX_REPORTED_ISSUES)}`);
}

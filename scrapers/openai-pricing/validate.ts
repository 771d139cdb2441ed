/** Validates decoded props; a mismatch is a layout change, reported with its first issues. */
import type { z } from "zod";
import { PricingLayoutError } from "./errors.ts";

const MAX_REPORTED_ISSUES = 3;

export function validateProps<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, MAX_REPORTED_ISSUES)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  throw new PricingLayoutError(`${what} props do not have the expected shape: ${issues}`);
}

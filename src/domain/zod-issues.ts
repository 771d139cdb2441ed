import type { z } from "zod";

/** A zod error as one line per problem, naming the field: "data.0.id: Invalid input: expected string". */
export function describeIssues(error: z.ZodError, max = Number.POSITIVE_INFINITY): string {
  const shown = error.issues.slice(0, max).map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
  const more = error.issues.length > max ? ` (+${error.issues.length - max} more)` : "";
  return `${shown.join("; ")}${more}`;
}

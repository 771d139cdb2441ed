/**
 * Errors as the plain JSON API answers them: the tRPC code's HTTP status and
 * `{ error: { code, message, issues? } }`, one issue per bad field. Internal errors never
 * show their message (the procedure middleware has already logged them).
 */
import { getTRPCErrorFromUnknown, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import type { InputIssue } from "./query-input.ts";

export interface RestErrorBody {
  error: { code: TRPC_ERROR_CODE_KEY; message: string; issues?: InputIssue[] };
}

export interface RestErrorResponse {
  status: number;
  body: RestErrorBody;
}

/** A field's message, made to name what would have been accepted when zod (or a custom message) does not. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value") {
    const missing = issue.values.some((value) => !issue.message.includes(String(value)));
    return missing ? `${issue.message} (expected one of: ${issue.values.map((value) => JSON.stringify(value)).join(", ")})` : issue.message;
  }
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const alternatives = [...new Set(issue.errors.flat().map((inner) => inner.message))];
    return `${issue.message}: ${alternatives.join(", or ")}`;
  }
  return issue.message;
}

function describeIssues(issues: InputIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
}

export function badRequest(issues: InputIssue[]): RestErrorResponse {
  return { status: 400, body: { error: { code: "BAD_REQUEST", message: describeIssues(issues), issues } } };
}

export function notFound(message: string): RestErrorResponse {
  return { status: 404, body: { error: { code: "NOT_FOUND", message } } };
}

/** Whatever a procedure call threw, as a response. */
export function errorResponse(thrown: unknown): RestErrorResponse {
  const error = getTRPCErrorFromUnknown(thrown);
  // Input validation only: a failed `.output()` check is also a ZodError, but a server fault.
  if (error.code === "BAD_REQUEST" && error.cause instanceof z.core.$ZodError) {
    return badRequest(
      error.cause.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "input", message: issueMessage(issue) })),
    );
  }
  const message = error.code === "INTERNAL_SERVER_ERROR" ? "internal error" : error.message;
  return { status: getHTTPStatusCodeFromError(error), body: { error: { code: error.code, message } } };
}

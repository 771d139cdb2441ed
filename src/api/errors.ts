/**
 * Domain errors, mapped to tRPC codes in one place (toTrpcError). A database that went
 * away during the request is a 503 the caller may retry. Anything else is an
 * INTERNAL_SERVER_ERROR whose message is not shown to callers.
 */
import { TRPCError } from "@trpc/server";
import { isConnectionError } from "../db/database-errors.ts";
import { InvalidRequestError, NotFoundError } from "../domain/errors.ts";

export { InvalidRequestError, NotFoundError };

export function toTrpcError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof NotFoundError) return new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
  if (error instanceof InvalidRequestError) return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  if (isConnectionError(error)) return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "database unavailable: try again shortly", cause: error });
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "internal error", cause: error });
}

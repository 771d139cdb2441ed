/**
 * Domain errors, mapped to tRPC codes in one place (toTrpcError). Anything else is an
 * INTERNAL_SERVER_ERROR whose message is not shown to callers.
 */
import { TRPCError } from "@trpc/server";
import { InvalidRequestError, NotFoundError } from "../domain/errors.ts";

export { InvalidRequestError, NotFoundError };

export function toTrpcError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof NotFoundError) return new TRPCError({ code: "NOT_FOUND", message: error.message, cause: error });
  if (error instanceof InvalidRequestError) return new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "internal error", cause: error });
}

/** tRPC set up once: router, procedures, caller factory, and the error shape callers see. */
import { initTRPC, TRPCError } from "@trpc/server";
import { z, ZodError } from "zod";
import type { ApiContext } from "./context.ts";
import { toTrpcError } from "./errors.ts";
import { findInputProblem } from "./input-guard.ts";

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message: zodError ? describeZodError(zodError) : shape.message,
      data: { ...shape.data, stack: undefined, zodError: zodError ? z.flattenError(zodError) : null },
    };
  },
});

/** One line per problem, naming the field: "task: Invalid option: expected one of ...". */
export function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ");
}

const mapDomainErrors = t.middleware(async ({ next, ctx }) => {
  const result = await next();
  if (result.ok || result.error.code !== "INTERNAL_SERVER_ERROR") return result;
  const cause = result.error.cause ?? result.error;
  const mapped = toTrpcError(cause);
  if (mapped.code === "INTERNAL_SERVER_ERROR") ctx.logger?.error({ err: cause }, "procedure failed");
  throw mapped;
});

/** Control characters and overlong strings anywhere in the raw input are the caller's error (input-guard.ts). */
const guardInput = t.middleware(async ({ getRawInput, next }) => {
  const problem = findInputProblem(await getRawInput());
  if (problem) throw new TRPCError({ code: "BAD_REQUEST", message: `${problem.path}: ${problem.message}` });
  return next();
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapDomainErrors).use(guardInput);
export const createCallerFactory = t.createCallerFactory;

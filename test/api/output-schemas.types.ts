/**
 * Compile-time agreement of PROCEDURE_OUTPUTS with the router (checked by `tsc --noEmit`):
 * every query procedure has a schema and a summary, and each procedure's return type is a
 * value its schema accepts. A mismatch fails the type check naming the procedure.
 */
import type { AnyProcedure, inferProcedureOutput } from "@trpc/server";
import type { z } from "zod";
import type { AppRouter } from "../../src/api/router.ts";
import type { DocumentedProcedure, PROCEDURE_OUTPUTS } from "../../src/api/schemas/index.ts";
import type { OPERATION_DOCS } from "../../src/api/schemas/operations.ts";

type Procedures<R, Prefix extends string = ""> = {
  [K in keyof R & string]: R[K] extends AnyProcedure ? { [P in `${Prefix}${K}`]: R[K] } : Procedures<R[K], `${Prefix}${K}.`>;
}[keyof R & string];
type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;
type ProcedureMap = UnionToIntersection<Procedures<AppRouter["_def"]["record"]>>;
type QueryPath = { [P in keyof ProcedureMap]: ProcedureMap[P] extends { _def: { type: "query" } } ? P : never }[keyof ProcedureMap];

/** Paths whose return type the schema would refuse; `never` when all agree. */
export type Disagreeing = {
  [P in DocumentedProcedure & keyof ProcedureMap]: ProcedureMap[P] extends AnyProcedure
    ? [inferProcedureOutput<ProcedureMap[P]>] extends [z.input<(typeof PROCEDURE_OUTPUTS)[P]>]
      ? never
      : P
    : P;
}[DocumentedProcedure & keyof ProcedureMap];

export type Undocumented = Exclude<QueryPath, DocumentedProcedure>;
export type Unknown = Exclude<DocumentedProcedure, QueryPath>;
export type WithoutSummary = Exclude<QueryPath, keyof typeof OPERATION_DOCS>;

export const everyProcedureAgrees: [Disagreeing, Undocumented, Unknown, WithoutSummary] extends [never, never, never, never]
  ? true
  : [Disagreeing, Undocumented, Unknown, WithoutSummary] = true;

/** What the OpenAPI document says about each operation beyond its schemas. */

export interface OperationDoc {
  /** One line. */
  summary: string;
  description: string;
  /** An example input: each parameter's example is its value here, or one derived from its schema. */
  example?: Record<string, unknown>;
  /** Descriptions of parameters whose input schema carries none. */
  parameters?: Record<string, string>;
}

/** Description and example of parameters by name, for every operation that has one of that name. */
export type ParameterDocs = Readonly<Record<string, { description?: string; example?: unknown }>>;

export interface ApiDocumentation {
  /** Result schema by tRPC path, for procedures that declare no `.output()`. */
  outputs: Readonly<Record<string, unknown>>;
  operations: Readonly<Record<string, OperationDoc>>;
  /** Shared parameter docs; an operation's own `example` and `parameters` win. */
  parameters?: ParameterDocs;
}

/**
 * The OpenAPI document against a filled database: every operation is documented (summary,
 * description with an example URL, 200 schema, parameter descriptions and examples), every
 * example URL answers 200, and each procedure's real answer parses to itself under its
 * output schema (no field is left out of a schema). Lint and generated client types:
 * openapi-lint.test.ts.
 */
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOURCES, sourceById } from "../../scrapers/registry.ts";
import type { OpenApiDocument } from "../../src/api/rest/openapi.ts";
import { indexQueryProcedures } from "../../src/api/rest/procedure-index.ts";
import { queryToInput } from "../../src/api/rest/query-input.ts";
import { appRouter, createCaller } from "../../src/api/router.ts";
import { PROCEDURE_OUTPUTS, type DocumentedProcedure } from "../../src/api/schemas/index.ts";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { syncTaskCatalogue } from "../../src/db/queries/benchmarks.ts";
import { replayLoader } from "../../src/jobs/load-documents.ts";
import { runSource } from "../../src/jobs/run-source.ts";
import { INGESTS, documentsOf } from "../helpers/benchmark-snapshots.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { snapshotPath } from "../helpers/snapshots.ts";

const PRICES: Array<[source: string, path: string, at: string]> = [
  ["litellm", "prices/litellm/model_prices_2024-11-11_f59cb46e71.json", "2024-11-11"],
  ["litellm", "prices/litellm/model_prices_2024-11-13_e7543378b8.json", "2024-11-13"],
  ["openrouter", "prices/openrouter/models-data_2026-08-08_from-sui414-0427e0eca0.json", "2026-08-08"],
];

const database = useTestDatabase();
let http: RunningServer;
let base: string;
let document: OpenApiDocument;

beforeAll(async () => {
  const { db } = database();
  await syncTaskCatalogue(db, SOURCES);
  for (const [id, path, at] of PRICES) {
    await runSource(db, sourceById(id), { trigger: "replay", at: new Date(`${at}T00:00:00Z`), load: replayLoader(snapshotPath(path)) });
  }
  for (const ingest of INGESTS.filter(({ source }) => source.id === "aider" || source.id === "lmarena")) {
    const documents = await documentsOf(ingest);
    await runSource(db, ingest.source, { trigger: "replay", at: new Date(`${ingest.at}T00:00:00Z`), load: async () => documents });
  }
  http = await startHttpServer({ db, connection: database() }, 0, "127.0.0.1");
  base = `http://127.0.0.1:${http.port}`;
  document = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as OpenApiDocument;
});
afterAll(() => http?.close());

const operations = () => Object.entries(document.paths).map(([path, { get }]) => ({ path, ...get }));

describe("the OpenAPI document", () => {
  it("sets servers and security, and gives every operation a summary, a description with an example, and a 200 schema", () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: "/" })]);
    expect(document.security).toEqual([]);
    for (const operation of operations()) {
      expect(operation.summary, operation.path).not.toMatch(/^tRPC query/);
      expect(operation.description, operation.path).toMatch(/Example: `GET \/api\/v1\//);
      const schema = (operation.responses["200"] as { content: { "application/json": { schema: object } } }).content["application/json"].schema;
      expect(Object.keys(schema).length, operation.path).toBeGreaterThan(0);
      for (const parameter of operation.parameters) {
        expect(parameter.description, `${operation.path} ${parameter.name}`).toBeTruthy();
        expect(parameter.example, `${operation.path} ${parameter.name}`).toBeDefined();
      }
    }
  });

  it("answers 200 at every operation's example URL", async () => {
    for (const operation of operations()) {
      const example = operation.description!.match(/Example: `GET ([^`]+)`/)![1]!;
      const response = await fetch(`${base}${example}`);
      expect(response.status, `${example}: ${await response.clone().text()}`).toBe(200);
    }
  });
});

describe("output schemas", () => {
  it("parse each procedure's answer at its example to itself", async () => {
    const caller = createCaller({ db: database().db, connection: database() }) as unknown as Record<string, any>;
    const mismatches: string[] = [];
    for (const procedure of indexQueryProcedures(appRouter)) {
      const example = document.paths[procedure.urlPaths[0]!]!.get.description!.match(/Example: `GET ([^`]+)`/)![1]!;
      const input = queryToInput(new URL(example, base).searchParams, procedure.input);
      if (!input.ok) throw new Error(`${example}: ${JSON.stringify(input.issues)}`);
      const answer = await procedure.path.split(".").reduce<any>((node, key) => node[key], caller)(input.input);
      const schema = PROCEDURE_OUTPUTS[procedure.path as DocumentedProcedure];
      const parsed = schema.safeParse(answer);
      if (!parsed.success) mismatches.push(`${procedure.path}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
      else if (!isDeepStrictEqual(JSON.parse(JSON.stringify(parsed.data)), JSON.parse(JSON.stringify(answer)))) {
        mismatches.push(`${procedure.path}: fields left out of the schema: ${leftOut(answer, parsed.data).slice(0, 5).join(", ")}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

/** Paths of fields present in `original` but missing from `parsed` (what the schema strips). */
function leftOut(original: unknown, parsed: unknown, path = ""): string[] {
  if (Array.isArray(original) && Array.isArray(parsed)) return original.flatMap((item, index) => leftOut(item, parsed[index], `${path}[${index}]`)).slice(0, 5);
  if (typeof original !== "object" || original === null || original instanceof Date || typeof parsed !== "object" || parsed === null) return [];
  return Object.entries(original).flatMap(([key, value]) =>
    value !== undefined && !Object.hasOwn(parsed, key) ? [`${path}.${key}`] : leftOut(value, (parsed as Record<string, unknown>)[key], `${path}.${key}`),
  );
}

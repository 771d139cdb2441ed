/**
 * The OpenAPI document as a client sees it, on a filled database: a real linter (Redocly)
 * finds no error or warning; openapi-typescript generates types from it and a small
 * consumer typechecks against them (typed fields of best's answer, a wrong field refused);
 * every operation's example URL answers 200; and each procedure's real answer parses to
 * itself under its output schema (no field is left out of a schema).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { isDeepStrictEqual, promisify } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
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

const run = promisify(execFile);
const bin = (name: string) => resolve(import.meta.dirname, "../../node_modules/.bin", name);

const PRICES: Array<[source: string, path: string, at: string]> = [
  ["litellm", "prices/litellm/model_prices_2024-11-11_f59cb46e71.json", "2024-11-11"],
  ["litellm", "prices/litellm/model_prices_2024-11-13_e7543378b8.json", "2024-11-13"],
  ["openrouter", "prices/openrouter/models-data_2026-08-08_from-sui414-0427e0eca0.json", "2026-08-08"],
];

const database = useTestDatabase();
let http: RunningServer;
let base: string;
let document: OpenApiDocument;
const work = mkdtempSync(join(tmpdir(), "pricewar-openapi-"));

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
  writeFileSync(join(work, "openapi.json"), JSON.stringify(document));
});
afterAll(async () => {
  await http?.close();
  rmSync(work, { recursive: true, force: true });
});

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

  it("passes Redocly's recommended lint with no error or warning", async () => {
    const { stdout, stderr } = await run(bin("redocly"), ["lint", join(work, "openapi.json"), "--format=json"], { maxBuffer: 16 << 20 });
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number } };
    expect(report.totals, stderr).toEqual(expect.objectContaining({ errors: 0, warnings: 0 }));
  });

  it("generates client types with openapi-typescript that type best's answer", async () => {
    writeFileSync(join(work, "pricewar-api.ts"), astToString(await openapiTS(new URL(`${base}/api/v1/openapi.json`))));
    writeFileSync(
      join(work, "consumer.ts"),
      `import type { paths } from "./pricewar-api.ts";
type Best = paths["/api/v1/best"]["get"]["responses"][200]["content"]["application/json"];
type BestQuery = NonNullable<paths["/api/v1/best"]["get"]["parameters"]["query"]>;
export function cheapest(answer: Best): { model: string; price: string; quality: number; seller: string } | null {
  const first = answer.candidates[0];
  return first ? { model: first.model, price: first.blendedPerMillion, quality: first.quality, seller: first.offering.provider } : null;
}
export const query: BestQuery = { task: "coding", maxPrice: 10 };
// @ts-expect-error: an answer has no such field
export const wrongField = (answer: Best) => answer.cheapestModel;
// @ts-expect-error: quality is a number
export const wrongType = (answer: Best): string => answer.candidates[0]!.quality;
// @ts-expect-error: task is one of the task classes
export const wrongTask: BestQuery = { task: "knitting" };
`,
    );
    const options = ["--noEmit", "--strict", "--target", "es2022", "--module", "nodenext", "--allowImportingTsExtensions", "--skipLibCheck"];
    const result = await run(bin("tsc"), [...options, join(work, "consumer.ts")]).catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    expect(result.stdout).toBe("");
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

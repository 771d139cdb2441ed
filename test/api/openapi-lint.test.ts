/**
 * The OpenAPI document as a client tool sees it, fetched from a test server: a real linter
 * (Redocly, recommended rules) finds no error or warning, and openapi-typescript generates
 * types from it that a small consumer typechecks against (typed fields of best's answer; a
 * wrong field, a wrong type and an unknown task refused). The document needs no data.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../src/api/rest/openapi.ts";
import { startHttpServer, type RunningServer } from "../../src/api/server.ts";
import { useTestDatabase } from "../helpers/database.ts";

const run = promisify(execFile);
const bin = (name: string) => resolve(import.meta.dirname, "../../node_modules/.bin", name);

const database = useTestDatabase();
let http: RunningServer;
let base: string;
let document: OpenApiDocument;
const work = mkdtempSync(join(tmpdir(), "pricewar-openapi-"));

beforeAll(async () => {
  http = await startHttpServer({ db: database().db, connection: database() }, 0, "127.0.0.1");
  base = `http://127.0.0.1:${http.port}`;
  document = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as OpenApiDocument;
  writeFileSync(join(work, "openapi.json"), JSON.stringify(document));
});
afterAll(async () => {
  await http?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("the OpenAPI document", () => {
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
});

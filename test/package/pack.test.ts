/**
 * The npm package as a consumer gets it: `npm pack`, the tarball installed into a
 * throwaway project, and a TypeScript file calling the typed client checked with tsc.
 * dist/ must be built (npm ci does it through `prepare`; built here when missing).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import packageJson from "../../package.json" with { type: "json" };
import { PROJECT_ROOT } from "../helpers/cli.ts";

const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const CONSUMER_TS = `import { createPricewarClient, type PricewarClient } from "pricewar/client";

const client: PricewarClient = createPricewarClient("http://localhost:8787");
const answer = await client.best.query({ task: "coding", withinOfBest: 3 });
const eligible: number = answer.eligible;
const models: string[] = answer.candidates.map((candidate) => candidate.model);
const health = await client.health.query();
// @ts-expect-error task takes a task class id, not a number
await client.best.query({ task: 42 });
// @ts-expect-error an answer has no such field
answer.noSuchField;
console.log(eligible, models, health);
`;

describe("the packed npm package", () => {
  const work = mkdtempSync(join(tmpdir(), "pricewar-pack-"));
  const consumer = join(work, "consumer");
  let files: string[] = [];
  let tarball = "";

  beforeAll(() => {
    if (!existsSync(join(PROJECT_ROOT, "dist/src/client/index.d.ts"))) run("npm", ["run", "build"], PROJECT_ROOT);
    // --ignore-scripts: dist/ is built already; pack would run `prepare` again.
    const [packed] = JSON.parse(run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], PROJECT_ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = packed!.files.map((file) => file.path);
    tarball = join(work, packed!.filename);
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("ships the compiled code, its declarations, the bin and the migrations, and no tests", () => {
    expect(files).toEqual(expect.arrayContaining(["bin/pricewar.js", "dist/src/cli/main.js", "dist/src/client/index.js", "dist/src/client/index.d.ts", "dist/migrations/meta/_journal.json", "package.json"]));
    expect(files.filter((path) => /(^|\/)(test|fixtures)\/|\.test(-helpers)?\.|\.ts$/.test(path) && !path.endsWith(".d.ts"))).toEqual([]);
  });

  it("installs into a consumer project, whose calls through pricewar/client typecheck against the API's types", () => {
    run("mkdir", ["-p", consumer], work);
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2023", "DOM"], strict: true, noEmit: true, skipLibCheck: true }, files: ["consumer.ts"] }),
    );
    writeFileSync(join(consumer, "consumer.ts"), CONSUMER_TS);
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], consumer);
    run(process.execPath, [TSC, "-p", consumer], consumer);
    expect(run(process.execPath, [join(consumer, "node_modules/pricewar/bin/pricewar.js"), "--version"], consumer)).toBe(`pricewar ${packageJson.version}\n`);
  }, 300_000);
});

#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm install` and `npm ci` build): compile src/ and
// scrapers/ to dist/ with tsconfig.build.json, then copy beside them the files the code
// reads at run time (YAML data under src/, the dashboard's assets, the migrations).
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

/** Folders copied whole. */
const FOLDERS = ["migrations", "src/dashboard/assets"];
/** Data files the sources read beside themselves (new URL("./x.yaml", import.meta.url)). */
const DATA_EXTENSIONS = new Set([".yaml"]);

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

for (const folder of FOLDERS) cpSync(join(root, folder), join(dist, folder), { recursive: true });
for (const entry of readdirSync(join(root, "src"), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !DATA_EXTENSIONS.has(extname(entry.name))) continue;
  const file = relative(root, join(entry.parentPath ?? entry.path, entry.name));
  cpSync(join(root, file), join(dist, file));
}

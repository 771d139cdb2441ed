/**
 * The recorded real payloads live beside the checkout in ../shared/snapshots (CI has
 * them there too); tests read them in place and never copy them into the repo.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PayloadDocument } from "../../scrapers/source.ts";

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export const SNAPSHOTS_ROOT = process.env.PRICEWAR_SNAPSHOTS ?? resolve(projectRoot, "../shared/snapshots");

export function snapshotPath(...parts: string[]): string {
  return join(SNAPSHOTS_ROOT, ...parts);
}

/** One snapshot file as a payload document named by its path below the snapshots root. */
export function snapshotDocument(...parts: string[]): PayloadDocument {
  const path = snapshotPath(...parts);
  return { name: relative(SNAPSHOTS_ROOT, path), body: readFileSync(path, "utf8") };
}

/** Every file below a snapshot folder, as documents named relative to that folder, sorted by name. */
export function snapshotFolderDocuments(...parts: string[]): PayloadDocument[] {
  const root = snapshotPath(...parts);
  const documents: PayloadDocument[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else documents.push({ name: relative(root, path), body: readFileSync(path, "utf8") });
    }
  };
  walk(root);
  return documents;
}

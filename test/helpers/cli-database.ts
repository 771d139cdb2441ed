/**
 * The database a file's CLI child processes share: a PGlite folder by default (a copy of
 * test/global-setup.ts's migrated cluster), or a fresh server database when
 * TEST_DATABASE_URL is set. Both are removed after the file.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, inject } from "vitest";
import { TEST_DATABASE_URL, createTestDatabase, type TestDatabase } from "./database.ts";

/** Registers the clean-up; call the returned function for the environment of each CLI run. */
export function useCliDatabase(prefix: string, extra: NodeJS.ProcessEnv = {}): () => Promise<NodeJS.ProcessEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  // A copy of global-setup's migrated cluster: a new folder's initdb took 13 s on a loaded machine.
  const template = inject("pgliteTemplateDir");
  if (!TEST_DATABASE_URL && template) cpSync(template, dataDir, { recursive: true });
  let server: TestDatabase | undefined;
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return async () => {
    if (!TEST_DATABASE_URL) return { ...extra, DATABASE_URL: "", PGLITE_DIR: dataDir };
    server ??= await createTestDatabase();
    return { ...extra, DATABASE_URL: server.url };
  };
}

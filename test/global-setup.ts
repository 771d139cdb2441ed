/**
 * Migrates one database before any test file runs, for every file to start from a copy:
 * creating and migrating a database per file cost each PGlite file 4-5 s (initdb runs on
 * every in-memory open) and each CLI file's folder 13 s on a loaded machine.
 *
 * - PGlite: a migrated cluster folder (CLI test folders are copies of it) and its dump
 *   (in-memory test databases load it: about 1 s instead of 4-5 s).
 * - Server (TEST_DATABASE_URL): a migrated template database; each file's database is
 *   `create database ... template` it.
 *
 * Tests still run migrateDatabase on their copy: a no-op unless the template is stale.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite cluster folder to copy (PGlite runs only). */
    pgliteTemplateDir: string | null;
    /** That cluster dumped by PGlite.dumpDataDir, uncompressed (PGlite runs only). */
    pgliteTemplateDump: string | null;
    /** A migrated database on TEST_DATABASE_URL's server to create databases from (server runs only). */
    serverTemplateDatabase: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  project.provide("pgliteTemplateDir", null);
  project.provide("pgliteTemplateDump", null);
  project.provide("serverTemplateDatabase", null);
  if (serverUrl) {
    const name = `pricewar_template_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    // Two connections: migrateDatabase holds one for its advisory lock and migrates on the other.
    const template = await openDatabase({ databaseUrl: url.toString(), maxConnections: 2 });
    await migrateDatabase(template);
    await template.close();
    project.provide("serverTemplateDatabase", name);
    return async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
  }
  const root = mkdtempSync(join(tmpdir(), "pricewar-test-template-"));
  const clusterDir = join(root, "cluster");
  // initdb here rather than in openDatabase's child process (vite's module runner has no import.meta.resolve).
  await (await PGlite.create(clusterDir, { extensions: { btree_gist } })).close();
  const template = await openDatabase({ pgliteDir: clusterDir });
  await migrateDatabase(template);
  const dump = await template.pglite!.dumpDataDir("none");
  await template.close();
  const dumpFile = join(root, "cluster.tar");
  writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplateDir", clusterDir);
  project.provide("pgliteTemplateDump", dumpFile);
  return async () => rmSync(root, { recursive: true, force: true });
}

/**
 * A PGlite folder is created by initdb in a child process (db/pglite-initdb.ts), so the
 * service never holds initdb's memory: the folder then opens like any existing cluster,
 * and keeps what was written.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { rowsOf } from "../../src/db/migrate.ts";
import { holdsCluster } from "../../src/db/pglite-initdb.ts";

const root = mkdtempSync(join(tmpdir(), "pricewar-initdb-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("PGlite folder created by initdb in a child process", () => {
  it("an empty folder becomes a cluster that opens, keeps its rows and reopens", async () => {
    const dir = join(root, "fresh");
    const first = await openDatabase({ pgliteDir: dir });
    expect(holdsCluster(dir)).toBe(true);
    await first.db.execute(sql`create table kept (n int)`);
    await first.db.execute(sql`insert into kept values (42)`);
    await first.close();
    const again = await openDatabase({ pgliteDir: dir });
    expect(rowsOf<{ n: number }>(await again.db.execute(sql`select n from kept`))).toEqual([{ n: 42 }]);
    await again.close();
  }, 240_000); // initdb takes about 10 s on an idle machine, minutes on a loaded one
});
